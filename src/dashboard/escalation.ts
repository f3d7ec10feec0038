// The commissioner's actions on one action from the page: chase its owners now, reassign it, accept a
// delay, close it. They are the escalation digest's own (src/app/escalationActions.ts), so the page
// has the same permissions and leaves the same history entries as the chat.
import { acceptDelay, chase, close, nudgeWith, reassign, type EscalationResult, type Nudge } from '../app/escalationActions.ts';
import type { Caller } from '../app/caller.ts';
import type { Directory } from '../app/directory.ts';
import { actionCardFields } from '../app/actionCards.ts';
import type { Services } from '../app/services.ts';
import { renderCard } from '../cards/render.ts';
import { isValidIsoDate, londonDate } from '../domain/calendar.ts';
import { bannerKind } from '../domain/digestItems.ts';
import type { Messenger } from '../domain/messenger.ts';
import type { IsoDate } from '../domain/plan.ts';

export const ESCALATION_VERBS = ['chase', 'accept-delay', 'close', 'reassign'] as const;
export type EscalationVerb = (typeof ESCALATION_VERBS)[number];

/** What the page sent with the verb: the person to reassign to, the date a delay is accepted to. */
export interface EscalationInput {
  who?: string;
  newDate?: string;
}

/** What became of a press: a sentence for the page either way. */
export type EscalationOutcome = { ok: true; message: string } | { ok: false; status: number; message: string };

/** The chase's nudge: each owner gets the action's reminder card now, as the digest's chase sends it. */
function reminderNudge(services: Services, messenger: Messenger, directory: Directory, today: IsoDate): Nudge {
  return nudgeWith(services, messenger, (stored) => renderCard('reminder', { ...actionCardFields(stored, directory, today), kind: bannerKind(stored.progress.dueDate ?? today, today) }));
}

const outcomeOf = (result: EscalationResult): EscalationOutcome => (result.ok ? { ok: true, message: result.message } : { ok: false, status: 409, message: result.message });

/** Runs one verb for the caller; the use cases check that the caller may manage the plan. */
export async function runEscalation(services: Services, messenger: Messenger | undefined, directory: Directory, caller: Caller, verb: EscalationVerb, planId: string, actionId: string, input: EscalationInput = {}): Promise<EscalationOutcome> {
  const stored = await services.store.actions.get(planId, actionId);
  if (!stored) return { ok: false, status: 404, message: 'that action is not in any stored plan.' };
  switch (verb) {
    case 'chase':
      if (!messenger) return { ok: false, status: 503, message: 'chasing needs the bot running.' };
      return outcomeOf(await chase(services, directory, caller, planId, actionId, reminderNudge(services, messenger, directory, londonDate(services.clock.now()))));
    case 'reassign': {
      const who = input.who?.trim() ?? '';
      if (who === '' || who.length > 100) return { ok: false, status: 400, message: 'type the name of the person to give it to.' };
      return outcomeOf(await reassign(services, directory, caller, planId, actionId, who));
    }
    case 'accept-delay': {
      // The page accepts the date the owner asked for unless it sends another.
      if (input.newDate === undefined && stored.progress.status !== 'delayed') return { ok: false, status: 409, message: 'only a delayed action has a delay to accept: send the new date to set one.' };
      const newDate = input.newDate ?? stored.progress.dueDate;
      if (!newDate || !isValidIsoDate(newDate)) return { ok: false, status: 400, message: 'pick the new date for the delay.' };
      return outcomeOf(await acceptDelay(services, directory, caller, planId, actionId, newDate));
    }
    case 'close':
      return outcomeOf(await close(services, directory, caller, planId, actionId));
  }
}
