// An owner's answer (done / delayed / blocked), from a card button or a typed reply: checked, applied
// with the action's ETag, and recorded in its history. Two answers at once never lose one silently.
import { applyAnswer, type Answer, type AnswerInput, type AnswerResult } from '../domain/answers.ts';
import { londonDate } from '../domain/calendar.ts';
import { occurrences } from '../domain/occurrences.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange, AnswerChannel } from '../domain/progress.ts';
import { mayAnswer } from './access.ts';
import { actorOf, type Caller } from './caller.ts';
import type { ShownBy } from './answerNews.ts';
import type { Directory } from './directory.ts';
import { asCover } from './reminderSettings.ts';
import type { Services } from './services.ts';

/** Which action is answered and, for a card, which occurrence the card was about. */
export interface AnswerRequest {
  planId: string;
  actionId: string;
  /** The occurrence the card showed; null for a typed reply (the occurrence in hand). */
  occurrence: string | null;
  answer: Answer;
  via: AnswerChannel;
  /** The ETag the card or confirmation showed: a later change is not overwritten but shown ('stale'). */
  version?: string;
  /** For "done" on a recurring action: close every missed occurrence due up to this date. */
  upTo?: string;
  /** The card or digest the answer redraws itself; every other copy is refreshed after the save. */
  shownBy?: ShownBy;
}

/** What became of an answer. `note` tells the person about an answer that landed just before theirs. */
export type AnswerOutcome =
  | { kind: 'saved'; stored: StoredAction; change: ActionChange; note: string | null; before: StoredAction }
  | { kind: 'stale'; stored: StoredAction }
  | { kind: 'refused'; reason: string; stored: StoredAction | null }
  | { kind: 'failed'; reason: string };

const ATTEMPTS = 3;

function staleness(stored: StoredAction, occurrence: string | null): string | null {
  if (occurrence === null || occurrence === (stored.progress.occurrence ?? '')) return null;
  if (stored.progress.status === 'done') return null; // applyAnswer explains "already done … by …"
  return `this card is about the occurrence due ${occurrence}, which is already closed; the action is now due ${stored.progress.dueDate ?? 'with no date'}. Answer its latest reminder, or type the answer with its reference.`;
}

/**
 * Applies an answer for the caller, recorded "as cover" when they answer only for a role they cover, and
 * then shown on every other card and digest of the action. Never throws: storage faults come back as 'failed'.
 */
export async function answerAction(services: Services, directory: Directory, caller: Caller, request: AnswerRequest): Promise<AnswerOutcome> {
  const outcome = await saveAnswer(services, directory, caller, request);
  if (outcome.kind === 'saved' && services.news) {
    // The answer is replied to first; the other copies are refreshed after, without holding it up.
    const saved = { stored: outcome.stored, change: outcome.change, directory, today: londonDate(new Date(outcome.change.at)) };
    void services.news.show(saved, request.shownBy ?? {}).catch((err: unknown) => {
      services.logger.warn({ err: { message: (err as Error).message } }, 'could not show the answer elsewhere');
    });
  }
  return outcome;
}

async function saveAnswer(services: Services, directory: Directory, answerer: Caller, request: AnswerRequest): Promise<AnswerOutcome> {
  const { store, clock, logger } = services;
  let caller = answerer;
  try {
    let stored = await store.actions.get(request.planId, request.actionId);
    if (!stored) return { kind: 'refused', reason: 'that action is not in any stored plan (it may have been removed by a newer import).', stored: null };
    if (!mayAnswer(caller, request.planId, stored.action, directory)) {
      logger.warn({ personId: caller.id, planId: request.planId, actionId: request.actionId }, 'answer refused: not an owner');
      return { kind: 'refused', reason: `only the owners of this action (${stored.action.owners.join(', ') || 'none named'}) or the commissioner can update it.`, stored };
    }
    caller = await asCover(services, caller, stored.action);
    const plan = directory.plan(request.planId);
    const dates = plan ? occurrences(stored.action.due, plan.period) : [];
    let note: string | null = null;
    const checked = request.version !== undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (checked && request.version !== stored.etag) return { kind: 'stale', stored };
      const stale = staleness(stored, request.occurrence);
      const now = clock.now();
      const input = { progress: stored.progress, occurrences: dates, answer: request.answer, by: actorOf(caller), via: request.via, at: now.toISOString(), today: londonDate(now) };
      const result = stale ? { ok: false as const, reason: stale } : request.upTo ? closeUpTo(input, request.upTo) : applyAnswer(input);
      if (!result.ok) {
        // A refused answer that raced another one is still recorded, so both answers are in the history.
        if (note) await recordRefusal(services, stored, caller, request, result.reason, now);
        return { kind: 'refused', reason: note ? `${note} ${result.reason}` : result.reason, stored };
      }
      const saved = await store.actions.update(stored, result.progress, result.change);
      if (saved.ok) return { kind: 'saved', stored: saved.action, change: result.change, note, before: stored };
      if (checked) {
        const fresh = await store.actions.get(request.planId, request.actionId);
        return fresh ? { kind: 'stale', stored: fresh } : { kind: 'refused', reason: 'that action was removed from the plan a moment ago.', stored: null };
      }
      if (saved.reason === 'missing') return { kind: 'refused', reason: 'that action was removed from the plan a moment ago.', stored: null };
      const fresh = await store.actions.get(request.planId, request.actionId);
      if (!fresh) return { kind: 'refused', reason: 'that action was removed from the plan a moment ago.', stored: null };
      note = `${fresh.progress.updatedBy ?? 'someone'} answered a moment before you (${fresh.progress.status}).`;
      stored = fresh;
    }
    return { kind: 'failed', reason: 'several people are answering this action at once; please try again.' };
  } catch (err) {
    logger.error({ err: { message: (err as Error).message }, planId: request.planId, actionId: request.actionId }, 'answer not saved');
    return { kind: 'failed', reason: 'I could not save your answer just now (storage is not answering). Nothing was changed: please try again in a few minutes.' };
  }
}

/** "done" for every missed occurrence due up to `upTo`: one history entry that counts them. */
function closeUpTo(input: AnswerInput, upTo: string): AnswerResult {
  let result = applyAnswer(input);
  let closed = 1;
  while (result.ok && result.progress.status === 'open' && result.progress.occurrence !== null && result.progress.occurrence <= upTo) {
    const next = applyAnswer({ ...input, progress: result.progress });
    if (!next.ok) break;
    result = { ok: true, progress: next.progress, change: { ...next.change, from: input.progress.status, occurrence: input.progress.occurrence, dueBefore: input.progress.dueDate } };
    closed += 1;
  }
  if (result.ok && closed > 1) result = { ...result, change: { ...result.change, summary: `done for ${closed} occurrences (${input.progress.occurrence} to ${upTo}) — ${result.change.summary}` } };
  return result;
}

async function recordRefusal(services: Services, stored: StoredAction, caller: Caller, request: AnswerRequest, reason: string, now: Date): Promise<void> {
  const { progress } = stored;
  const change: ActionChange = {
    at: now.toISOString(), by: actorOf(caller), via: request.via, from: progress.status, to: progress.status,
    occurrence: progress.occurrence, dueBefore: progress.dueDate, dueAfter: progress.dueDate, reason: null,
    summary: `${request.answer.kind} not applied: ${reason}`,
  };
  await services.store.actions.update(stored, progress, change);
}
