// A Done / Delayed / Blocked button press: validated, applied, and shown on every copy of the card.
import { answerAction } from '../app/answerAction.ts';
import { typeableRef } from '../app/actionCards.ts';
import type { ChatTurn } from './commands/chatCommand.ts';
import { readCardSubmission } from './cardSubmission.ts';
import { answeredCard, refreshSentCards } from './answeredCard.ts';
import type { Messenger } from './messenger.ts';

/** The card to show in place of the pressed one (null: leave it), and a message for the person. */
export interface CardAnswerResult {
  card: object | null;
  message: string;
  /** Someone else's answer that landed just before this one, which the person must hear about. */
  note?: string;
}

/** Handles a card answer from `turn.caller`. Never throws for bad input; storage faults become a message. */
export async function answerFromCard(turn: ChatTurn, messenger: Messenger, verb: unknown, data: unknown, cardActivityId: string | undefined): Promise<CardAnswerResult> {
  const { services, caller } = turn;
  const submission = readCardSubmission(verb, data);
  if (!submission.ok) {
    services.logger.warn({ personId: caller.id, problem: submission.problem }, 'card answer refused: invalid submission');
    return { card: null, message: `That answer could not be used (${submission.problem}). Nothing was changed.` };
  }
  const { planId, actionId, occurrence, answer } = submission.value;
  const outcome = await answerAction(services, turn.directory, caller, { planId, actionId, occurrence, answer, via: 'button' });
  if (outcome.kind === 'failed') return { card: null, message: outcome.reason };
  if (outcome.kind === 'refused') {
    services.logger.warn({ personId: caller.id, planId, actionId, reason: outcome.reason }, 'card answer refused');
    return { card: null, message: `Not saved: ${outcome.reason}` };
  }
  const card = answeredCard(outcome.stored, outcome.change, turn.directory, turn.today);
  await refreshSentCards(services, messenger, outcome.stored, card, cardActivityId);
  const saved = `Saved: ${typeableRef(outcome.stored)} ${outcome.change.summary}.`;
  return outcome.note ? { card, message: `${outcome.note} ${saved}`, note: `${outcome.note} ${saved}` } : { card, message: saved };
}
