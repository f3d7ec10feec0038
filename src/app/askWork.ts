// The questions that read actions rather than tallies, each reading only what it needs: what changed
// since a day (the history's recent rows), a person's or role's work (their roles' actions), what is
// more than a span overdue (the due index, oldest first), who has not answered (the overdue actions).
import { typeableRef } from './actionCards.ts';
import { dueLabel, shorten } from '../cards/format.ts';
import { escapeMarkdown } from '../cards/markdown.ts';
import { addDays, londonInstant } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import { agedCutoff, spanText } from '../domain/questionCounts.ts';
import type { Period, Question, Shift } from '../domain/reading/intent.ts';
import { mapLimit } from '../mapLimit.ts';
import { holdersIn } from './access.ts';
import { actionsText, type Asking, type Figures, type QuestionAnswer } from './askQuestion.ts';
import { overdueList } from './lazyList.ts';
import type { QuestionScope } from './questionScope.ts';

/** Lines a card lists at most: well under Teams' 25 KB with 120-character texts. */
const SHOWN = 15;
/** Changed actions read at most to narrow "what's changed" by grid or owner. */
const READ_AT_MOST = 500;

const where = (scope: QuestionScope): string => (scope.where.length > 0 ? ` ${scope.where.join(', ')}` : '');
const line = (a: StoredAction, extra: string): { title: string; value: string } => ({ title: typeableRef(a), value: `${shorten(a.action.text, 100)} · ${extra}` });
const dueText = (a: StoredAction, today: IsoDate): string => (a.progress.dueDate === null ? 'no date' : `${a.progress.dueDate < today ? 'was due' : 'due'} ${dueLabel(a.progress.dueDate)}`);
const moreText = (n: number): string => (n > SHOWN ? ` The first ${SHOWN} are shown.` : '');
const ok = (title: string, message: string, facts: Figures['facts']): QuestionAnswer => ({ ok: true, figures: { title, message, facts } });

type Change = { id: string; action: StoredAction; at: string; by: string; summary: string; to: string; from: string };

/**
 * Changes since a day, in the scope, oldest first: read from the history's recent rows. Their actions are
 * read only to narrow by grid or owner, or (`shown`) for the newest ones a card names.
 */
async function changesIn(asking: Asking, scope: QuestionScope, since: IsoDate, shown = Infinity, by?: ReadonlySet<string>): Promise<Change[]> {
  const instant = londonInstant(since)?.toISOString() ?? `${since}T00:00:00Z`;
  const planIds = new Set(scope.plans.map((p) => p.id));
  const rows = (await asking.services.store.actions.changedSince(instant)).filter((r) => planIds.has(r.planId) && r.change.via !== 'import' && (!by || by.has(r.change.by.id)));
  const narrowed = scope.grid !== undefined || scope.roles !== null;
  const key = (r: { planId: string; actionId: string }): string => `${r.planId}\u0000${r.actionId}`;
  const wanted = narrowed || shown === Infinity ? rows : rows.slice(-shown);
  const ids = [...new Set(wanted.map(key))].slice(-READ_AT_MOST);
  const read = await mapLimit(ids, 16, (id) => {
    const [planId = '', actionId = ''] = id.split('\u0000');
    return asking.services.store.actions.get(planId, actionId);
  });
  const actions = new Map(ids.map((id, i) => [id, read[i] ?? null]));
  return rows.flatMap((r): Change[] => {
    const action = actions.get(key(r));
    if (action === undefined && !narrowed) return [{ id: key(r), action: null as unknown as StoredAction, at: r.change.at, by: r.change.by.name, summary: r.change.summary, to: r.change.to, from: r.change.from }];
    if (!action || !scope.keep({ planId: action.planId, grid: action.action.grid, owners: action.action.owners })) return [];
    return [{ id: key(r), action, at: r.change.at, by: r.change.by.name, summary: r.change.summary, to: r.change.to, from: r.change.from }];
  });
}

/**
 * "what's changed since last week?": each change, newest first, with who made it. `by` ("what did Sam do
 * this week?"): only the changes those people made, named in the title.
 */
export async function askChanged(asking: Asking, scope: QuestionScope, since: IsoDate, by?: { ids: ReadonlySet<string>; names: string }): Promise<QuestionAnswer> {
  const changes = (await changesIn(asking, scope, since, SHOWN, by?.ids)).reverse();
  const kinds = new Map<string, number>();
  for (const c of changes) {
    const kind = c.summary.startsWith('note:') ? 'notes' : c.from === 'done' && c.to !== 'done' ? 'reopened' : c.to === 'open' ? 'moved on' : c.to;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const actions = new Set(changes.map((c) => c.id)).size;
  const title = `${changes.length} change${changes.length === 1 ? '' : 's'}${by ? ` by ${by.names}` : ''} to ${actionsText(actions)} since ${dueLabel(since)}${where(scope)}`;
  const message = changes.length === 0 ? `${by ? `${by.names} answered or noted nothing` : 'Nothing was answered or noted'} in that time.` : `${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}.${moreText(changes.length)}`;
  return ok(title, escapeMarkdown(message), changes.slice(0, SHOWN).filter((c) => c.action).map((c) => ({ title: `${typeableRef(c.action)} · ${dueLabel(c.at.slice(0, 10))}`, value: `${shorten(c.summary, 100)} (${c.by})` })));
}

/** "how many were done this month?": done answers given in the period, on actions still done. */
export async function askDoneIn(asking: Asking, scope: QuestionScope, period: Period): Promise<QuestionAnswer> {
  const changes = (await changesIn(asking, scope, period.from)).filter((c) => c.to === 'done' && c.at.slice(0, 10) <= period.to && c.action.progress.status === 'done');
  const done = [...new Map(changes.map((c) => [c.id, c.action])).values()];
  const title = `${actionsText(done.length)} ${period.label}${where(scope)}`;
  return ok(title, escapeMarkdown(`${title}.${moreText(done.length)}`), done.slice(0, SHOWN).map((a) => line(a, `done ${dueLabel((a.progress.updatedAt ?? '').slice(0, 10) || period.to)}`)));
}

/**
 * "what is Alex Jones working on?": what their roles own that is overdue or blocked, then what falls due
 * next. Read from the due index (which stops once it holds the next few) and the blocked list, so a
 * person owning thousands of actions costs a page, not thousands of reads.
 */
export async function askWork(asking: Asking, scope: QuestionScope, q: Question): Promise<QuestionAnswer> {
  const who = scope.people.join(', ') || q.filter.role || (q.filter.mine ? 'You' : 'They');
  if (scope.roles !== null && scope.roles.length === 0) return { ok: false, problem: `${who} ${q.filter.mine ? 'hold' : 'holds'} no role in the plans you can see, so no action is theirs.` };
  const { store } = asking.services;
  const late = await overdueList(store, asking.today, scope.keep);
  const blocked = (await store.actions.blocked()).filter((a) => scope.keep({ planId: a.planId, grid: a.action.grid, owners: a.action.owners }));
  const lateShown = await late.page(0, SHOWN);
  const nextMarks = (await store.actions.dueMarks(addDays(asking.today, 3660), { count: SHOWN, keep: scope.keep })).filter((m) => m.dueDate >= asking.today && scope.keep(m));
  const next = (await mapLimit(nextMarks.slice(0, SHOWN), 16, (m) => store.actions.get(m.planId, m.actionId)))
    .filter((a): a is StoredAction => a !== null && (a.progress.status === 'open' || a.progress.status === 'delayed') && (a.progress.dueDate ?? '') >= asking.today);
  const shown = [...lateShown, ...blocked, ...next].slice(0, SHOWN);
  const places = scope.where.filter((w) => !w.startsWith('for ') && w !== 'yours').map((w) => ` ${w}`).join(',');
  const title = `${who === 'You' ? 'Your' : `${who}'s`} work${places}: ${late.total()} overdue, ${blocked.length} blocked`;
  const roles = scope.roles && scope.roles.length > 0 ? ` Roles: ${[...new Set(scope.roles)].join(', ')}.` : '';
  const message = `${shown.length === 0 ? 'Nothing open with a date, and nothing blocked.' : 'Overdue and blocked first, then what falls due next.'}${roles} "my actions" or "what's due for ${who === 'You' ? 'me' : who}" lists more.`;
  return ok(title, escapeMarkdown(message), shown.map((a) => line(a, a.progress.status === 'blocked' ? 'blocked' : dueText(a, asking.today))));
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

/**
 * "who hasn't replied to their reminders?": overdue actions nobody has answered (done, delayed, blocked or
 * a note) since they fell due, by who holds their roles. The due index gives the overdue actions and their
 * owners, the history's recent rows the answers: only the actions a card names are read.
 */
export async function askSilent(asking: Asking, scope: QuestionScope): Promise<QuestionAnswer> {
  const { store } = asking.services;
  const marks = (await store.actions.dueMarks(addDays(asking.today, -1))).filter((m) => m.dueDate < asking.today && scope.keep(m));
  const oldest = marks.reduce((min, m) => (m.dueDate < min ? m.dueDate : min), asking.today);
  const answered = new Map<string, string>();
  for (const r of await store.actions.changedSince(londonInstant(oldest)?.toISOString() ?? `${oldest}T00:00:00Z`)) answered.set(`${r.planId}|${r.actionId}`, r.change.at);
  const silent = marks.filter((m) => (answered.get(`${m.planId}|${m.actionId}`) ?? '').slice(0, 10) < m.dueDate).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const byPerson = new Map<string, typeof silent>();
  for (const m of silent) {
    const owners = m.owners ?? (await store.actions.get(m.planId, m.actionId))?.action.owners ?? [];
    const people = owners.flatMap((role) => holdersIn(m.planId, role, asking.directory).map((p) => p.name));
    const names = people.length > 0 ? [...new Set(people)] : [`Nobody holds ${owners.join(' & ') || 'its roles'}`];
    for (const name of names) byPerson.set(name, [...(byPerson.get(name) ?? []), m]);
  }
  const rows = [...byPerson].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, SHOWN);
  const oldestOf = await mapLimit(rows, 16, ([, list]) => store.actions.get(list[0]?.planId ?? '', list[0]?.actionId ?? ''));
  const people = [...byPerson.keys()].filter((name) => !name.startsWith('Nobody holds')).length;
  const title = `${people} ${people === 1 ? 'person has' : 'people have'} not answered about ${actionsText(silent.length)} overdue${where(scope)}`;
  const message = silent.length === 0 ? 'Every overdue action has an answer since it fell due.' : 'Overdue actions with no answer (done, delayed, blocked or a note) since they fell due, by who holds their roles.';
  return ok(title, escapeMarkdown(message), rows.map(([name, list], i) => {
    const first = oldestOf[i];
    return { title: name, value: `${actionsText(list.length)}, the oldest ${first ? `${typeableRef(first)} (${dueText(first, asking.today)})` : `due ${dueLabel(list[0]?.dueDate ?? '')}`}` };
  }));
}
