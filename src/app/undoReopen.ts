// "undo" takes back the caller's own last answer (within a day, while nobody changed the action since);
// "reopen" lets the plan's commissioner or an admin open a done action again. Both are history entries.
import type { LastAnswer } from '../domain/chatState.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange, ActionProgress } from '../domain/progress.ts';
import { mayManagePlan } from './access.ts';
import { actorOf, type Caller } from './caller.ts';
import { loadDirectory, type Directory } from './directory.ts';
import { londonDate } from '../domain/calendar.ts';
import type { Services } from './services.ts';

const UNDO_WITHIN_MS = 24 * 3600_000;

/** What became of an undo or a reopen. */
export type ReversalOutcome = { ok: true; stored: StoredAction; change: ActionChange } | { ok: false; reason: string };

async function write(services: Services, stored: StoredAction, progress: ActionProgress, change: ActionChange): Promise<ReversalOutcome> {
  const saved = await services.store.actions.update(stored, progress, change);
  if (saved.ok) return { ok: true, stored: saved.action, change };
  return { ok: false, reason: saved.reason === 'missing' ? 'that action was removed from the plan.' : 'someone changed it a moment ago; nothing was undone.' };
}

/** Reverts the caller's last answer. */
export async function undoLastAnswer(services: Services, caller: Caller, last: LastAnswer | null): Promise<ReversalOutcome> {
  if (!last) return { ok: false, reason: 'you have no answer to undo.' };
  const now = services.clock.now();
  if (now.getTime() - Date.parse(last.at) > UNDO_WITHIN_MS) return { ok: false, reason: 'your last answer is more than a day old; ask the commissioner to reopen or change it.' };
  const stored = await services.store.actions.get(last.planId, last.actionId);
  if (!stored) return { ok: false, reason: 'that action was removed from the plan.' };
  if (stored.etag !== last.etagAfter) {
    return { ok: false, reason: `${stored.progress.updatedBy ?? 'someone'} has changed it since (now ${stored.progress.status}), so your answer cannot be taken back.` };
  }
  const at = now.toISOString();
  const progress: ActionProgress = { ...last.before, updatedAt: at, updatedBy: caller.name };
  const outcome = await write(services, stored, progress, {
    at, by: actorOf(caller), via: 'typed', from: stored.progress.status, to: progress.status, occurrence: stored.progress.occurrence,
    dueBefore: stored.progress.dueDate, dueAfter: progress.dueDate, reason: progress.reason, summary: `undone: back to ${progress.status}`,
  });
  // The answer was shown on every copy of the card and every digest listing the action: so is its undoing.
  if (outcome.ok && services.news) {
    const saved = { stored: outcome.stored, change: outcome.change, directory: await loadDirectory(services.store), today: londonDate(now) };
    await services.news.takenBack(saved).catch((err: unknown) => {
      services.logger.warn({ planId: stored.planId, actionId: stored.action.id, err: { message: (err as Error).message } }, 'could not refresh the cards of an undone answer');
    });
  }
  return outcome;
}

/** Opens a done action again. */
export async function reopenAction(services: Services, directory: Directory, caller: Caller, stored: StoredAction): Promise<ReversalOutcome> {
  if (!mayManagePlan(caller, stored.planId, directory)) return { ok: false, reason: 'only the commissioner of this plan or an admin can reopen an action.' };
  if (stored.progress.status !== 'done') return { ok: false, reason: `it is not done (it is ${stored.progress.status}).` };
  const at = services.clock.now().toISOString();
  const progress: ActionProgress = { ...stored.progress, status: 'open', reason: null, updatedAt: at, updatedBy: caller.name };
  return write(services, stored, progress, {
    at, by: actorOf(caller), via: 'typed', from: 'done', to: 'open', occurrence: stored.progress.occurrence,
    dueBefore: stored.progress.dueDate, dueAfter: progress.dueDate, reason: null, summary: 'reopened',
  });
}
