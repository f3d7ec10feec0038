// The questions that read actions rather than tallies, each reading only what it needs: what changed
// since a day (the history's recent rows), a person's or role's work (their roles' actions), what is
// more than a span overdue (the due index, oldest first), who has not answered (the overdue actions).
import { typeableRef } from './actionCards.ts';
import { dueLabel, shorten } from '../cards/format.ts';
import { escapeMarkdown } from '../cards/markdown.ts';
import { addDays, londonInstant } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import { agedCutoff, counts, spanText } from '../domain/questionCounts.ts';
import type { Period, Question, Shift } from '../domain/reading/intent.ts';
import { mapLimit } from '../mapLimit.ts';
import { ownersIn } from './access.ts';
import { actionsText, type Asking, type Figures, type QuestionAnswer } from './askQuestion.ts';
import { overdueList } from './lazyList.ts';
import { scopedActions, type QuestionScope } from './questionScope.ts';

/** Lines a card lists at most: well under Teams' 25 KB with 120-character texts. */
const SHOWN = 15;
/** Changed actions read at most to narrow "what's changed" by grid or owner. */
const READ_AT_MOST = 500;

const where = (scope: QuestionScope): string => (scope.where.length > 0 ? ` ${scope.where.join(', ')}` : '');
const line = (a: StoredAction, extra: string): { title: string; value: string } => ({ title: typeableRef(a), value: `${shorten(a.action.text, 100)} · ${extra}` });
const dueText = (a: StoredAction, today: IsoDate): string => (a.progress.dueDate === null ? 'no date' : `${a.progress.dueDate < today ? 'was due' : 'due'} ${dueLabel(a.progress.dueDate)}`);
const moreText = (n: number): string => (n > SHOWN ? ` The first ${SHOWN} are shown.` : '');
const ok = (title: string, message: string, facts: Figures['facts']): QuestionAnswer => ({ ok: true, figures: { title, message, facts } });

/** Changes since a day, in the scope: read from the history's recent rows, then (to narrow them) their actions. */
async function changesIn(asking: Asking, scope: QuestionScope, since: IsoDate): Promise<{ action: StoredAction; at: string; by: string; summary: string; to: string; from: string }[]> {
  const instant = londonInstant(since)?.toISOString() ?? `${since}T00:00:00Z`;
  const planIds = new Set(scope.plans.map((p) => p.id));
  const rows = (await asking.services.store.actions.changedSince(instant)).filter((r) => planIds.has(r.planId) && r.change.via !== 'import');
  const ids = [...new Set(rows.map((r) => `${r.planId}\u0000${r.actionId}`))].slice(-READ_AT_MOST);
  const read = await mapLimit(ids, 16, (id) => {
    const [planId = '', actionId = ''] = id.split('\u0000');
    return asking.services.store.actions.get(planId, actionId);
  });
  const actions = new Map(ids.map((id, i) => [id, read[i] ?? null]));
  return rows.flatMap((r) => {
    const action = actions.get(`${r.planId}\u0000${r.actionId}`);
    if (!action || !scope.keep({ planId: action.planId, grid: action.action.grid, owners: action.action.owners })) return [];
    return [{ action, at: r.change.at, by: r.change.by.name, summary: r.change.summary, to: r.change.to, from: r.change.from }];
  });
}

/** "what's changed since last week?": each change, newest first, with who made it. */
export async function askChanged(asking: Asking, scope: QuestionScope, since: IsoDate): Promise<QuestionAnswer> {
  const changes = (await changesIn(asking, scope, since)).reverse();
  const kinds = new Map<string, number>();
  for (const c of changes) {
    const kind = c.summary.startsWith('note:') ? 'notes' : c.from === 'done' && c.to !== 'done' ? 'reopened' : c.to === 'open' ? 'moved on' : c.to;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const actions = new Set(changes.map((c) => `${c.action.planId}|${c.action.action.id}`)).size;
  const title = `${changes.length} change${changes.length === 1 ? '' : 's'} to ${actionsText(actions)} since ${dueLabel(since)}${where(scope)}`;
  const message = changes.length === 0 ? 'Nothing was answered or noted in that time.' : `${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}.${moreText(changes.length)}`;
  return ok(title, escapeMarkdown(message), changes.slice(0, SHOWN).map((c) => ({ title: `${typeableRef(c.action)} · ${dueLabel(c.at.slice(0, 10))}`, value: `${shorten(c.summary, 100)} (${c.by})` })));
}

/** "how many were done this month?": done answers given in the period, on actions still done. */
export async function askDoneIn(asking: Asking, scope: QuestionScope, period: Period): Promise<QuestionAnswer> {
  const changes = (await changesIn(asking, scope, period.from)).filter((c) => c.to === 'done' && c.at.slice(0, 10) <= period.to && c.action.progress.status === 'done');
  const done = [...new Map(changes.map((c) => [`${c.action.planId}|${c.action.action.id}`, c.action])).values()];
  const title = `${actionsText(done.length)} ${period.label}${where(scope)}`;
  return ok(title, escapeMarkdown(`${title}.${moreText(done.length)}`), done.slice(0, SHOWN).map((a) => line(a, `done ${dueLabel((a.progress.updatedAt ?? '').slice(0, 10) || period.to)}`)));
}

/** "what is Alex Jones working on?": the open actions their roles own, overdue first, then by date. */
export async function askWork(asking: Asking, scope: QuestionScope, q: Question): Promise<QuestionAnswer> {
  const who = scope.people.join(', ') || q.filter.role || (q.filter.mine ? 'You' : 'They');
  if (scope.roles !== null && scope.roles.length === 0) return { ok: false, problem: `${who} ${q.filter.mine ? 'hold' : 'holds'} no role in the plans you can see, so no action is theirs.` };
  const open = (await scopedActions(asking.services.store, asking.caller, scope)).filter((a) => a.progress.status !== 'done')
    .sort((a, b) => (a.progress.dueDate ?? '9999').localeCompare(b.progress.dueDate ?? '9999') || typeableRef(a).localeCompare(typeableRef(b)));
  const late = open.filter((a) => counts(a.progress, 'overdue', asking.today)).length;
  const blocked = open.filter((a) => a.progress.status === 'blocked').length;
  const title = `${who} ${q.filter.mine ? 'are' : 'is'} working on ${actionsText(open.length)}${scope.where.filter((w) => !w.startsWith('for ') && w !== 'yours').map((w) => ` ${w}`).join(',')}`;
  const roles = scope.roles && scope.roles.length > 0 ? ` Roles: ${[...new Set(scope.roles)].join(', ')}.` : '';
  return ok(title, escapeMarkdown(`${late} overdue, ${blocked} blocked.${roles}${moreText(open.length)}`), open.slice(0, SHOWN).map((a) => line(a, a.progress.status === 'blocked' ? 'blocked' : dueText(a, asking.today))));
}

/** "what's more than 3 months overdue?": the oldest first, from the due index. */
export async function askAged(asking: Asking, scope: QuestionScope, span: Shift): Promise<QuestionAnswer> {
  const cutoff = agedCutoff(asking.today, span);
  const aged = await overdueList(asking.services.store, addDays(cutoff, 1), scope.keep);
  const shown = await aged.page(0, SHOWN);
  const n = aged.total();
  const title = `${actionsText(n)} more than ${spanText(span)} overdue${where(scope)}`;
  return ok(title, escapeMarkdown(`Due on or before ${dueLabel(cutoff)} and still not done.${moreText(n)}`), shown.map((a) => line(a, dueText(a, asking.today))));
}

/** "who hasn't replied to their reminders?": the holders of overdue actions answered by nobody since they fell due. */
export async function askSilent(asking: Asking, scope: QuestionScope): Promise<QuestionAnswer> {
  const overdue = await overdueList(asking.services.store, asking.today, scope.keep);
  const actions = await overdue.page(0, overdue.total());
  const lastWord = (a: StoredAction): string => [a.progress.updatedAt ?? '', a.progress.note?.at ?? ''].sort().pop() ?? '';
  const unanswered = actions.filter((a) => lastWord(a).slice(0, 10) < (a.progress.dueDate ?? ''));
  const byPerson = new Map<string, StoredAction[]>();
  for (const a of unanswered) {
    const people = ownersIn(a.planId, a.action, asking.directory).flatMap((o) => o.people.map((p) => p.name));
    const names = people.length > 0 ? [...new Set(people)] : [`Nobody holds ${a.action.owners.join(' & ') || 'its roles'}`];
    for (const name of names) byPerson.set(name, [...(byPerson.get(name) ?? []), a]);
  }
  const rows = [...byPerson].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const people = rows.filter(([name]) => !name.startsWith('Nobody holds')).length;
  const title = `${people} ${people === 1 ? 'person has' : 'people have'} not answered about ${actionsText(unanswered.length)} overdue${where(scope)}`;
  const message = unanswered.length === 0 ? 'Every overdue action has an answer since it fell due.' : 'Overdue actions with no answer (done, delayed, blocked or a note) since they fell due, by who holds their roles.';
  return ok(title, escapeMarkdown(message), rows.slice(0, SHOWN).map(([name, list]) => {
    const oldest = list[0] as StoredAction;
    return { title: name, value: `${actionsText(list.length)}, the oldest ${typeableRef(oldest)} (${dueText(oldest, asking.today)})` };
  }));
}
