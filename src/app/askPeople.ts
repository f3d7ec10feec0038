// Questions about people: what needs the asker's attention (a commissioner's escalations: actions past
// their date by more than the escalation limit, and blocked ones; anyone else's own late and blocked
// work), what one person changed ("what did Sam do this week?"), and who is on leave.
import { typeableRef } from './actionCards.ts';
import { dueLabel, shorten } from '../cards/format.ts';
import { escapeMarkdown } from '../cards/markdown.ts';
import { addDays } from '../domain/calendar.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { Question } from '../domain/reading/intent.ts';
import { mayManagePlan } from './access.ts';
import type { Asking, QuestionAnswer } from './askQuestion.ts';
import { askChanged, askWork } from './askWork.ts';
import { overdueList } from './lazyList.ts';
import { resolveScope, type QuestionScope } from './questionScope.ts';
import { peopleOnLeave } from './reminderSettings.ts';

/** Lines a card lists at most, as the other questions. */
const SHOWN = 15;

const where = (scope: QuestionScope): string => (scope.where.length > 0 ? ` ${scope.where.join(', ')}` : '');

/** "what needs my attention today?": escalations for a commissioner (or admin), their own work for anyone else. */
export async function askAttention(asking: Asking, scope: QuestionScope, q: Question): Promise<QuestionAnswer> {
  const { services, caller, directory, today } = asking;
  const managed = scope.plans.filter((p) => mayManagePlan(caller, p.id, directory));
  if (managed.length === 0) {
    const mine = resolveScope(directory, caller, asking.visible, { ...q.filter, mine: true });
    if (!mine.ok) return mine;
    return askWork(asking, mine.scope, { ask: 'work', filter: { ...q.filter, mine: true } });
  }
  const ids = new Set(managed.map((p) => p.id));
  const keep = (a: { planId: string; grid: number | null; owners: string[] | null }): boolean => ids.has(a.planId) && scope.keep(a);
  const after = services.settings.ESCALATE_AFTER_DAYS;
  // Escalated as the digest does: due `after` days ago or more and not done.
  const late = await overdueList(services.store, addDays(today, -after + 1), keep);
  const blocked = (await services.store.actions.blocked()).filter((a) => keep({ planId: a.planId, grid: a.action.grid, owners: a.action.owners }));
  // The due index lists open and delayed actions only: blocked ones are counted once, as blocked.
  const lateShown = await late.page(0, SHOWN);
  const shown: { a: StoredAction; why: string }[] = [
    ...blocked.slice(0, SHOWN).map((a) => ({ a, why: `blocked${a.progress.updatedAt ? ` since ${dueLabel(a.progress.updatedAt.slice(0, 10))}` : ''}` })),
    ...lateShown.map((a) => ({ a, why: `was due ${dueLabel(a.progress.dueDate ?? today)}` })),
  ].slice(0, SHOWN);
  const lateOnly = late.total();
  const whereText = scope.where.length > 0 ? where(scope) : managed.length === scope.plans.length ? ' in the plans you commission' : ` in ${managed.map((p) => p.code).join(', ')}`;
  const title = `Needs your attention${whereText}: ${blocked.length} blocked, ${lateOnly} more than ${after} days overdue`;
  const none = blocked.length === 0 && lateOnly === 0;
  const message = none
    ? `Nothing is blocked, and nothing is more than ${after} days overdue in the plans you commission.`
    : `Your escalations: blocked actions, then actions more than ${after} days past their date, oldest first.${blocked.length + lateOnly > SHOWN ? ` The first ${SHOWN} are shown.` : ''} Say "chase ${shown[0] ? typeableRef(shown[0].a) : 'BED-14'}" to remind its owners now.`;
  return { ok: true, figures: { title, message: escapeMarkdown(message), facts: shown.map(({ a, why }) => ({ title: typeableRef(a), value: `${shorten(a.action.text, 100)} · ${why}` })) } };
}

/** "what did Sam do this week?": the changes the named person (or the asker, "me") made in the scope. */
export async function askChangedBy(asking: Asking, scope: QuestionScope, q: Question): Promise<QuestionAnswer> {
  const { caller, directory } = asking;
  const since = q.since ?? asking.today;
  if (!q.by || q.by === 'me') return askChanged(asking, scope, since, q.by ? { ids: new Set([caller.id]), names: 'you' } : undefined);
  const wanted = q.by.trim().toLowerCase();
  const people = directory.people.filter((p) => p.tenantId === caller.tenantId);
  const exact = people.filter((p) => p.name.toLowerCase() === wanted);
  const found = exact.length > 0 ? exact : people.filter((p) => p.name.toLowerCase().split(/\s+/).some((w) => w === wanted) || p.name.toLowerCase().startsWith(wanted));
  if (found.length === 0) {
    const names = people.map((p) => p.name).sort();
    return { ok: false, problem: `I don't know anyone called "${q.by}" here. The people I know: ${names.slice(0, 12).join(', ') || 'none'}${names.length > 12 ? ` and ${names.length - 12} more` : ''}.` };
  }
  return askChanged(asking, scope, since, { ids: new Set(found.map((p) => p.id)), names: found.map((p) => p.name).join(', ') });
}

/** "who's on leave?": the people of the plans in scope on leave today, and until when. */
export async function askLeave(asking: Asking, scope: QuestionScope): Promise<QuestionAnswer> {
  const { services, caller, directory, today } = asking;
  const roleNames = new Set(scope.plans.flatMap((p) => p.roles.map((r) => r.name.toLowerCase())));
  const ours = new Set(directory.people.filter((p) => p.tenantId === caller.tenantId && directory.rolesOf(caller.tenantId, p.id).some((r) => roleNames.has(r.toLowerCase()))).map((p) => p.name));
  const away = (await peopleOnLeave(services, directory, today, caller.tenantId)).filter((l) => ours.has(l.name)).sort((a, b) => a.until.localeCompare(b.until) || a.name.localeCompare(b.name));
  const title = away.length === 0 ? `Nobody is on leave${where(scope)}` : `${away.length} ${away.length === 1 ? 'person is' : 'people are'} on leave${where(scope)}`;
  const message = away.length === 0 ? 'Nobody in the plans you can see has said they are on leave today.' : 'Their reminders are paused until they are back, and a chase skips them.';
  return { ok: true, figures: { title, message: escapeMarkdown(message), facts: away.slice(0, 30).map((l) => ({ title: l.name, value: `until ${dueLabel(l.until)}` })) } };
}
