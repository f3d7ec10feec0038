// The commissioner's actions on one action from the page: chase its owners now, accept a delay, close
// it. Interim: these call the same use cases the chat does (answerAction for close) and append the
// same kind of history entry; they are to be pointed at src/app/escalationActions.ts once it lands.
// Reassigning needs that module, so it is refused here with a clear message.
import { actionCardFields } from '../app/actionCards.ts';
import { answerAction } from '../app/answerAction.ts';
import { actorOf, type Caller } from '../app/caller.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import type { ConversationAddress, Messenger } from '../domain/messenger.ts';
import { renderCard } from '../cards/render.ts';
import { describeStatus } from '../domain/answers.ts';
import { londonDate } from '../domain/calendar.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';

export const ESCALATION_VERBS = ['chase', 'accept-delay', 'close', 'reassign'] as const;
export type EscalationVerb = (typeof ESCALATION_VERBS)[number];

/** What became of a press: a sentence for the page either way. */
export type EscalationOutcome = { ok: true; message: string } | { ok: false; status: number; message: string };

/** A history entry that changes nothing but says what the commissioner did. */
async function note(services: Services, stored: StoredAction, caller: Caller, summary: string): Promise<boolean> {
  const { progress } = stored;
  const change: ActionChange = {
    at: services.clock.now().toISOString(), by: actorOf(caller), via: 'button', from: progress.status, to: progress.status,
    occurrence: progress.occurrence, dueBefore: progress.dueDate, dueAfter: progress.dueDate, reason: null, summary,
  };
  return (await services.store.actions.update(stored, progress, change)).ok;
}

/** Sends the owners the action's reminder card now. */
async function chase(services: Services, messenger: Messenger, directory: Directory, stored: StoredAction, caller: Caller): Promise<EscalationOutcome> {
  const today = londonDate(services.clock.now());
  const status = describeStatus(stored.progress, today);
  const card = renderCard('reminder', { ...actionCardFields(stored, directory, today), kind: status.label === 'overdue' ? 'overdue' : 'upcoming' });
  const sentTo: string[] = [];
  const failed: string[] = [];
  for (const person of directory.owners(stored.action).flatMap((o) => o.people)) {
    const conversation = (await services.store.people.conversationOf(person.id)) as ConversationAddress | null;
    if (!conversation || !person.reachable || sentTo.includes(person.name)) continue;
    try {
      await messenger.send(conversation, card);
      sentTo.push(person.name);
    } catch (err) {
      failed.push(person.name);
      services.logger.warn({ personId: person.id, err: { message: (err as Error).message } }, 'chase not delivered');
    }
  }
  if (sentTo.length === 0) {
    return { ok: false, status: failed.length ? 502 : 409, message: failed.length ? `Teams did not take the reminder for ${failed.join(', ')} just now; try again later.` : 'nobody who holds an owner role of this action can be reached in Teams.' };
  }
  await note(services, stored, caller, `chased by ${caller.name}: reminder sent to ${sentTo.join(', ')}`);
  return { ok: true, message: `Reminder sent to ${sentTo.join(', ')}.` };
}

/** Runs one verb for the caller, who must be allowed to escalate on this plan (the route checks). */
export async function runEscalation(services: Services, messenger: Messenger, directory: Directory, caller: Caller, verb: EscalationVerb, planId: string, actionId: string): Promise<EscalationOutcome> {
  const stored = await services.store.actions.get(planId, actionId);
  if (!stored) return { ok: false, status: 404, message: 'that action is not in any stored plan.' };
  switch (verb) {
    case 'chase':
      return chase(services, messenger, directory, stored, caller);
    case 'accept-delay':
      if (stored.progress.status !== 'delayed') return { ok: false, status: 409, message: 'only a delayed action has a delay to accept.' };
      await note(services, stored, caller, `delay to ${stored.progress.dueDate ?? 'no date'} accepted by ${caller.name}`);
      return { ok: true, message: `Delay to ${stored.progress.dueDate ?? 'no date'} accepted.` };
    case 'close': {
      const outcome = await answerAction(services, directory, caller, { planId, actionId, occurrence: null, answer: { kind: 'done' }, via: 'button' });
      if (outcome.kind === 'saved') return { ok: true, message: `Closed: ${outcome.change.summary}.` };
      if (outcome.kind === 'stale') return { ok: false, status: 409, message: 'someone answered this action a moment ago: look again before closing it.' };
      return { ok: false, status: outcome.kind === 'failed' ? 503 : 409, message: outcome.reason };
    }
    case 'reassign':
      return { ok: false, status: 501, message: 'reassigning from the page is not available yet: use "assign <role> to <person>" in the chat.' };
  }
}
