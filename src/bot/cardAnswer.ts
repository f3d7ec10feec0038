// A Done / Delayed / Blocked button press: validated, applied only to the version of the action the card
// showed, and then shown on every copy of the card (refreshed after the press is answered).
import { actionCardFields, typeableRef } from '../app/actionCards.ts';
import { answerAction } from '../app/answerAction.ts';
import { dueLabel, readableDates } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import type { StoredAction } from '../domain/ports.ts';
import { answeredCard } from './answeredCard.ts';
import { newDateNote, remember, savedLine } from './answerApply.ts';
import { readCardSubmission } from './cardSubmission.ts';
import type { ChatTurn } from './commands/chatCommand.ts';

/** The card to show in place of the pressed one (null: leave it), and a message for the person. */
export interface CardAnswerResult {
  card: object | null;
  message: string;
  /** Something the person must hear about in the chat (the replaced card cannot say it). */
  note?: string;
}

/** The action as it stands now, with its buttons carrying its current version: asked again. */
function currentCard(turn: ChatTurn, stored: StoredAction): object {
  const fields = actionCardFields(stored, turn.directory, turn.today);
  return stored.progress.status === 'done' ? renderCard('status', { ...fields, reason: stored.progress.reason, note: '', history: [], seen: '' }) : renderCard('reminder', { ...fields, kind: stored.progress.dueDate && stored.progress.dueDate < turn.today ? 'overdue' : 'upcoming' });
}

/** Handles a card answer from `turn.caller`. Never throws for bad input; storage faults become a message. */
export async function answerFromCard(turn: ChatTurn, verb: unknown, data: unknown, cardActivityId: string | undefined): Promise<CardAnswerResult> {
  const { services, caller } = turn;
  const submission = readCardSubmission(verb, data);
  if (!submission.ok) {
    services.logger.warn({ personId: caller.id, problem: submission.problem }, 'card answer refused: invalid submission');
    return { card: null, message: `That answer could not be used (${submission.problem}). Nothing was changed.` };
  }
  // A press whose data lost its version (an old card, or forged) is stale: never applied unchecked.
  const { planId, actionId, occurrence, answer, version } = submission.value;
  const outcome = await answerAction(services, turn.directory, caller, { planId, actionId, occurrence, answer, via: 'button', version: version ?? '', shownBy: { activityId: cardActivityId } });
  if (outcome.kind === 'failed') return { card: null, message: outcome.reason };
  if (outcome.kind === 'refused') {
    services.logger.warn({ personId: caller.id, planId, actionId, reason: outcome.reason }, 'card answer refused');
    return { card: null, message: `Not saved: ${readableDates(outcome.reason)}` };
  }
  if (outcome.kind === 'stale') {
    const { progress } = outcome.stored;
    const who = progress.updatedBy ? turn.directory.person(progress.updatedBy)?.name ?? progress.updatedBy : 'someone';
    const note = `${typeableRef(outcome.stored)} changed since this card was sent: ${who} made it ${progress.status}${progress.dueDate ? ` (due ${dueLabel(progress.dueDate)})` : ''}. Nothing was changed; the card now shows it as it stands, answer again if you still mean it.`;
    return { card: currentCard(turn, outcome.stored), message: note, note };
  }
  remember(turn, { planId, actionId, before: outcome.before.progress, etagAfter: outcome.stored.etag, at: outcome.change.at });
  const card = answeredCard(outcome.stored, outcome.change, turn.directory, turn.today);
  const period = turn.directory.plan(planId)?.period ?? null;
  const saved = savedLine(outcome.stored, outcome.change, period);
  // The card that replaces the pressed one shows the new date but not what to know about it.
  if (outcome.note) return { card, message: `${outcome.note} ${saved}`, note: `${outcome.note} ${saved}` };
  return newDateNote(outcome.change, period) ? { card, message: saved, note: saved } : { card, message: saved };
}
