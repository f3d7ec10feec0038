// Typed answers ("done", "delayed 1.2.3 to 30 June because …", "blocked: waiting for the PCT"): the
// action is the one named, or the one pending for this person; when several could be meant, ask which.
import { typeableRef } from '../app/actionCards.ts';
import { answerAction, type AnswerOutcome } from '../app/answerAction.ts';
import { mayUpdate } from '../app/caller.ts';
import { findActions, mine } from '../app/questions.ts';
import type { Answer } from '../domain/answers.ts';
import { addDays } from '../domain/calendar.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { TypedReply } from '../domain/typedReply.ts';
import type { ChatTurn } from './commands/chatCommand.ts';

/** What the bot should say, and the action that was saved (to refresh its cards). */
export interface TypedAnswerResult {
  text: string;
  outcome: AnswerOutcome | null;
}

// Only actions this close (or already late) count as "the one pending" for a bare "done".
const PENDING_DAYS = 14;

function answerOf(reply: Exclude<TypedReply, { kind: 'invalid' }>): Answer | string {
  if (reply.kind === 'done') return { kind: 'done' };
  if (reply.kind === 'delayed') return reply.newDate && reply.reason ? { kind: 'delayed', newDate: reply.newDate, reason: reply.reason } : 'say the new date and why, e.g. "delayed to 30 June because the provider is late".';
  return reply.reason ? { kind: 'blocked', reason: reply.reason } : 'say what is blocking it, e.g. "blocked: waiting for the PCT".';
}

function listOf(actions: StoredAction[]): string {
  return actions.slice(0, 10).map((a) => `- **${typeableRef(a)}** ${a.action.text.slice(0, 80)} (due ${a.progress.dueDate ?? 'no date'})`).join('\n');
}

async function candidates(turn: ChatTurn, ref: string | null): Promise<StoredAction[] | string> {
  if (ref) {
    const found = await findActions(turn.services.store, ref);
    if (found.length === 0) return `I can't find an action "${ref}".`;
    const allowed = found.filter((a) => mayUpdate(turn.caller, a.action));
    if (allowed.length === 0) {
      turn.services.logger.warn({ personId: turn.caller.id, ref }, 'typed answer refused: not an owner');
      return `Only the owners of ${ref} (${found[0]?.action.owners.join(', ') || 'none named'}) or the commissioner can update it.`;
    }
    return allowed;
  }
  const horizon = addDays(turn.today, PENDING_DAYS);
  const pending = (await mine(turn.services.store, turn.caller)).filter((a) => a.progress.status === 'blocked' || (a.progress.dueDate !== null && a.progress.dueDate <= horizon));
  if (pending.length === 0) return 'Which action? Add its reference, e.g. "done 1.2.3" ("my actions" lists yours).';
  return pending;
}

/** Applies a typed answer for the caller, or explains what is missing. */
export async function typedAnswer(turn: ChatTurn, reply: TypedReply): Promise<TypedAnswerResult> {
  if (reply.kind === 'invalid') return { text: `I couldn't read that: ${reply.problem}`, outcome: null };
  const answer = answerOf(reply);
  if (typeof answer === 'string') return { text: `Nearly: ${answer}`, outcome: null };
  const found = await candidates(turn, reply.ref);
  if (typeof found === 'string') return { text: found, outcome: null };
  if (found.length > 1) {
    const how = reply.ref ? `"${reply.ref}" is in several plans` : 'Several of your actions could be meant';
    return { text: `${how}. Which one? Reply with its reference, e.g. "${reply.kind} ${typeableRef(found[0] as StoredAction)}":\n\n${listOf(found)}`, outcome: null };
  }
  const target = found[0] as StoredAction;
  const outcome = await answerAction(turn.services, turn.directory, turn.caller, { planId: target.planId, actionId: target.action.id, occurrence: null, answer, via: 'typed' });
  const ref = typeableRef(target);
  if (outcome.kind === 'saved') return { text: `${outcome.note ? outcome.note + ' ' : ''}Saved: ${ref} ${outcome.change.summary}.`, outcome };
  if (outcome.kind === 'refused') return { text: `Not saved: ${ref}: ${outcome.reason}`, outcome };
  return { text: outcome.reason, outcome };
}
