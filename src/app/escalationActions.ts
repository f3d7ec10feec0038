// What the commissioner can do from the escalation digest: chase the owners, reassign the action to
// another person, accept the delay to a date, or close it. Each is a history entry of the action.
import type { ConversationAddress, Messenger } from '../domain/messenger.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange, Person } from '../domain/progress.ts';
import type { IsoDate } from '../domain/plan.ts';
import { answerAction, type AnswerOutcome } from './answerAction.ts';
import type { ShownBy } from './answerNews.ts';
import { mayManagePlan } from './access.ts';
import { actorOf, type Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import type { Services } from './services.ts';
import { dueLabel } from '../cards/format.ts';

/** What an escalation action did: a line for the digest ("Chased by Jane Smith") and a message. */
export type EscalationResult = { ok: true; outcome: string; message: string } | { ok: false; message: string };

/** Sends the owners a nudge now; returns how many got it. */
export type Nudge = (people: Person[], stored: StoredAction) => Promise<number>;

/** The nudge the chat and the page both send: `card(stored)` to each owner the bot can reach. */
export function nudgeWith(services: Services, messenger: Messenger, card: (stored: StoredAction) => object): Nudge {
  return async (people, stored) => {
    const sent = card(stored);
    let count = 0;
    for (const person of people) {
      const conversation = (await services.store.people.conversationOf(person.id)) as ConversationAddress | null;
      if (!conversation) continue;
      try {
        await messenger.send(conversation, sent);
        count += 1;
      } catch (err) {
        services.logger.warn({ personId: person.id, err: { message: (err as Error).message } }, 'chase not delivered');
      }
    }
    return count;
  };
}

const refuse = (message: string): EscalationResult => ({ ok: false, message });

/** Appends a history entry that changes no status (a chase, a reassignment), retrying once on a race. */
async function note(services: Services, stored: StoredAction, caller: Caller, summary: string): Promise<void> {
  for (let current: StoredAction | null = stored, tries = 0; current && tries < 2; tries++) {
    const { progress } = current;
    const change: ActionChange = {
      at: services.clock.now().toISOString(), by: actorOf(caller), via: 'button', from: progress.status, to: progress.status,
      occurrence: progress.occurrence, dueBefore: progress.dueDate, dueAfter: progress.dueDate, reason: null, summary,
    };
    if ((await services.store.actions.update(current, progress, change)).ok) return;
    current = await services.store.actions.get(stored.planId, stored.action.id);
  }
}

async function loadFor(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string): Promise<StoredAction | string> {
  if (!mayManagePlan(caller, planId, directory)) return 'only the commissioner can do that.';
  return (await services.store.actions.get(planId, actionId)) ?? 'that action is no longer in any plan.';
}

/** Chase: the owners get the action's reminder card now. */
export async function chase(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, nudge: Nudge): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  const owners = [...new Map(directory.owners(stored.action).flatMap((o) => o.people).filter((p) => p.reachable).map((p) => [p.id, p])).values()];
  if (owners.length === 0) return refuse(`nobody who can be reached holds ${stored.action.owners.join(', ') || 'its roles'}: reassign it instead.`);
  const sent = await nudge(owners, stored);
  await note(services, stored, caller, `chased: ${owners.map((p) => p.name).join(', ')} reminded`);
  return { ok: true, outcome: `Chased by ${caller.name}: ${sent} of ${owners.length} reminded`, message: `Chased ${owners.map((p) => p.name).join(', ')}.` };
}

/** Reassign: the named person takes the action's owner roles (alongside anyone holding them). */
export async function reassign(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, who: string): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  const found = directory.people.filter((p) => p.name.toLowerCase().includes(who.trim().toLowerCase()));
  if (who.trim() === '' || found.length !== 1 || !found[0]) {
    return refuse(found.length > 1 ? `"${who}" could be ${found.map((p) => p.name).join(' or ')}: type the full name.` : `I do not know anyone called "${who}" (they must have added the bot).`);
  }
  const person = found[0];
  if (stored.action.owners.length === 0) return refuse('the action names no owner role to give.');
  const at = services.clock.now().toISOString();
  for (const role of stored.action.owners) await services.store.roles.assign(role, person.id, actorOf(caller), at);
  await note(services, stored, caller, `reassigned to ${person.name} (now holds ${stored.action.owners.join(', ')})`);
  return { ok: true, outcome: `Reassigned to ${person.name} by ${caller.name}`, message: `${person.name} now holds ${stored.action.owners.join(', ')} and will be reminded.` };
}

function fromAnswer(outcome: AnswerOutcome, line: (stored: StoredAction) => string): EscalationResult {
  if (outcome.kind === 'saved') return { ok: true, outcome: line(outcome.stored), message: `Saved: ${outcome.change.summary}.` };
  if (outcome.kind === 'stale') return refuse(`it changed a moment ago (now ${outcome.stored.progress.status}); nothing was changed.`);
  return refuse(outcome.reason);
}

/** Accept the delay: the action is delayed to the new date, on the commissioner's word. `shownBy`: the digest pressed. */
export async function acceptDelay(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, newDate: IsoDate, shownBy: ShownBy = {}): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  const outcome = await answerAction(services, directory, caller, { planId, actionId, occurrence: null, answer: { kind: 'delayed', newDate, reason: 'delay accepted by the commissioner' }, via: 'button', shownBy });
  return fromAnswer(outcome, () => `Delay accepted to ${dueLabel(newDate)} by ${caller.name}`);
}

/** Close: the action is done, on the commissioner's word. `shownBy`: the digest pressed. */
export async function close(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, shownBy: ShownBy = {}): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  const outcome = await answerAction(services, directory, caller, { planId, actionId, occurrence: null, answer: { kind: 'done' }, via: 'button', shownBy });
  return fromAnswer(outcome, () => `Closed by ${caller.name}`);
}
