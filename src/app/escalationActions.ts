// What the commissioner can do from the escalation digest: chase the owners, reassign the action to
// another person, accept the delay to a date, or close it. Each is a history entry of the action.
import { SendError, type ConversationAddress, type Messenger } from '../domain/messenger.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange, Person } from '../domain/progress.ts';
import type { IsoDate } from '../domain/plan.ts';
import { londonDate } from '../domain/calendar.ts';
import { dateNotes } from '../domain/newDates.ts';
import { roleKey } from '../domain/owners.ts';
import { isOnLeave } from '../domain/personSettings.ts';
import { answerAction, type AnswerOutcome } from './answerAction.ts';
import type { ShownBy } from './answerNews.ts';
import { holdersIn, mayManagePlan, ownersIn, tenantPlans } from './access.ts';
import { commissionerOfWords, leadRoleRefusal, plansLedThrough } from './roleGrants.ts';
import { actorOf, type Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import type { Services } from './services.ts';
import { dueLabel, readableDates } from '../cards/format.ts';

/**
 * What an escalation action did: a line for the digest ("Chased by Jane Smith") and a message. `settles`:
 * the action was answered (closed, delay accepted); a chase or a reassignment leaves the line open.
 */
export type EscalationResult = { ok: true; outcome: string; message: string; settles: boolean } | { ok: false; message: string };

/** Who a nudge reached, and whom Teams refused (403/404: they removed or blocked the bot). */
export interface Nudged {
  reached: Person[];
  refused: Person[];
}

/** Sends the owners a nudge now. */
export type Nudge = (people: Person[], stored: StoredAction) => Promise<Nudged>;

/** The nudge the chat and the page both send: `card(stored)` to each owner the bot can reach; a refusal marks them unreachable. */
export function nudgeWith(services: Services, messenger: Messenger, card: (stored: StoredAction) => object): Nudge {
  return async (people, stored) => {
    const sent = card(stored);
    const nudged: Nudged = { reached: [], refused: [] };
    for (const person of people) {
      const conversation = (await services.store.people.conversationOf(person.id)) as ConversationAddress | null;
      try {
        if (!conversation) throw new SendError('unreachable', `${person.name} has no conversation with the bot`);
        await messenger.send(conversation, sent);
        nudged.reached.push(person);
      } catch (err) {
        services.logger.warn({ personId: person.id, err: { message: (err as Error).message } }, 'chase not delivered');
        if (!(err instanceof SendError && err.kind === 'unreachable')) continue;
        nudged.refused.push(person);
        await services.store.people.setReachable(person.id, false);
      }
    }
    return nudged;
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
  if (!mayManagePlan(caller, planId, directory)) {
    const plan = directory.plan(planId);
    if (plan === undefined || plan.tenantId !== caller.tenantId) return 'only the commissioner can do that.';
    return `only ${commissionerOfWords(plan, directory, services.settings.LEAD_ROLE)} or an admin can do that.`;
  }
  return (await services.store.actions.get(planId, actionId)) ?? 'that action is no longer in any plan.';
}

const names = (people: readonly Person[]): string => people.map((p) => p.name).join(', ');

/** Chase: the owners of the plan's tenant get the action's reminder card now, except those on leave. */
export async function chase(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, nudge: Nudge): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  if (stored.progress.status === 'done') return refuse('it is already done: there is nobody to chase.');
  const roles = stored.action.owners.join(', ') || 'its roles';
  const reachable = [...new Map(ownersIn(planId, stored.action, directory).flatMap((o) => o.people).filter((p) => p.reachable).map((p) => [p.id, p])).values()];
  if (reachable.length === 0) return refuse(`nobody who can be reached holds ${roles}: reassign it instead.`);
  const today = londonDate(services.clock.now());
  // Once a day: a double click, a retry or a second device must not nudge the owners again.
  const earlier = (await services.store.actions.history(planId, actionId)).find((c) => c.summary.startsWith('chased: ') && !c.summary.startsWith('chased: nobody') && londonDate(new Date(c.at)) === today);
  if (earlier) return refuse(`${earlier.by.name} already chased it today (${earlier.summary.slice('chased: '.length)}).`);
  // Leave means nothing is sent until they are back: the commissioner is told, not the person.
  const settings = await Promise.all(reachable.map((p) => services.store.settings.get(p.id)));
  const away = reachable.flatMap((p, i) => (settings[i] && isOnLeave(settings[i], today) ? [`${p.name} is on leave until ${dueLabel(settings[i].pausedUntil ?? today)}`] : []));
  const owners = reachable.filter((_, i) => !(settings[i] && isOnLeave(settings[i], today)));
  if (owners.length === 0) return refuse(`${away.join('; ')}, and nobody else who can be reached holds ${roles}: reassign it or accept the delay.`);
  // The history shows a chase only once it is written: a second press in the same instant is stopped by a
  // claim in the send-once ledger, freed again when nobody was reached (so the commissioner may retry).
  const claim = `chase|${planId}|${actionId}|${today}`;
  const at = services.clock.now().toISOString();
  if (!(await services.store.reminders.claim(claim, { planId, actionId, audience: 'chase', personId: caller.id }, at, 10 * 60_000))) {
    return refuse('someone already chased it today, or is chasing it now.');
  }
  let outcome: Nudged;
  try {
    outcome = await nudge(owners, stored);
  } catch (err) {
    await services.store.reminders.markFailed(claim, (err as Error).message, at);
    throw err;
  }
  const { reached, refused } = outcome;
  if (reached.length > 0) await services.store.reminders.markSent(claim, { at, activityId: null, conversationId: null });
  else await services.store.reminders.markFailed(claim, 'nobody reached', at);
  await note(services, stored, caller, reached.length > 0 ? `chased: ${names(reached)} reminded` : `chased: nobody reached (${refused.length > 0 ? `Teams refused messages to ${names(refused)}` : 'the messages failed'})`);
  const extra = [
    ...(refused.length > 0 ? [`Teams refused messages to ${names(refused)}: they may have removed the bot, and count as not holding ${roles} until they add it again`] : []),
    ...away,
  ];
  const tail = extra.length > 0 ? `. ${extra.join('. ')}.` : '';
  return { ok: true, settles: false, outcome: `Chased by ${caller.name}: ${reached.length} of ${owners.length} reminded${reached.length > 0 ? ` (${names(reached)})` : ''}${tail}`, message: reached.length > 0 ? `Chased ${names(reached)}${tail || '.'}` : `Nobody was reached${tail || '.'}` };
}

/** Why `who` cannot take the action's roles, or the one person they name (in the plan's tenant). */
function personFor(directory: Directory, caller: Caller, planId: string, who: string, roles: readonly string[]): Person | string {
  const typed = who.trim().toLowerCase();
  const tenant = directory.plan(planId)?.tenantId ?? null;
  const ours = directory.people.filter((p) => tenant !== null && p.tenantId === tenant);
  const exact = ours.filter((p) => p.name.toLowerCase() === typed);
  const found = exact.length > 0 ? exact : ours.filter((p) => p.name.toLowerCase().includes(typed));
  if (typed !== '' && found.length === 1 && found[0]) {
    const person = found[0];
    if (!person.reachable) return `${person.name} cannot be reached (they removed or blocked the bot): they would never be reminded. Give it to someone else.`;
    if (roles.every((r) => holdersIn(planId, r, directory).some((h) => h.id === person.id))) return `${person.name} already holds ${roles.join(', ')}: nothing changed. Chase them instead.`;
    return person;
  }
  // A role's name typed where a person's is wanted: say so, and who holds it.
  const role = tenantPlans(caller, directory).flatMap((p) => p.roles).find((r) => roleKey(r.name) === roleKey(who));
  if (role) {
    const holders = holdersIn(planId, role.name, directory);
    return `${role.name} is a role: type the name of the person to give the action to${holders.length > 0 ? ` (${role.name} is held by ${names(holders)})` : ` (nobody holds ${role.name})`}.`;
  }
  if (found.length > 1) return `"${who}" could be ${names(found.slice(0, 8))}${found.length > 8 ? ', …' : ''}: type the full name.`;
  return `I do not know anyone called "${who}" (they must have added the bot).`;
}

/** Reassign: the named person takes the action's owner roles (alongside anyone holding them). */
export async function reassign(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, who: string): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  if (stored.action.owners.length === 0) return refuse('the action names no owner role to give.');
  // A lead role is never handed on with one action: it would make the person commissioner of every plan
  // it leads (this one's, or another plan's that this action happens to name).
  const tenant = directory.plan(planId)?.tenantId ?? '';
  const leads = (role: string): boolean => roleKey(role) === roleKey(services.settings.LEAD_ROLE) || plansLedThrough(tenant, role, directory, services.settings.LEAD_ROLE).length > 0;
  const roles = stored.action.owners.filter((r) => !leads(r));
  if (roles.length === 0) {
    const first = stored.action.owners[0] ?? 'Commissioner';
    const theirs = leadRoleRefusal(caller, first, directory, services.settings, `hand on ${first}`);
    if (theirs !== null) return refuse(`its only owner role is a plan's lead role (${stored.action.owners.join(', ')}). ${theirs}`);
    return refuse(`its only owner role is the plan's lead role (${stored.action.owners.join(', ')}): to hand that on, type "assign ${first} to <name>".`);
  }
  const person = personFor(directory, caller, planId, who, roles);
  if (typeof person === 'string') return refuse(person);
  const at = services.clock.now().toISOString();
  for (const role of roles) await services.store.roles.assign(tenant, role, person.id, actorOf(caller), at);
  await note(services, stored, caller, `reassigned to ${person.name} (now holds ${roles.join(', ')})`);
  return { ok: true, settles: false, outcome: `Reassigned to ${person.name} by ${caller.name}`, message: `${person.name} now holds ${roles.join(', ')} and will be reminded.` };
}

function fromAnswer(outcome: AnswerOutcome, line: (stored: StoredAction) => string): EscalationResult {
  if (outcome.kind === 'saved') return { ok: true, settles: true, outcome: line(outcome.stored), message: `Saved: ${line(outcome.stored)}.` };
  if (outcome.kind === 'stale') return refuse(`it changed a moment ago (now ${outcome.stored.progress.status}); nothing was changed.`);
  return refuse(readableDates(outcome.reason));
}

/**
 * Accept the delay: the action is delayed to the new date, on the commissioner's word. `shownBy`: the digest
 * pressed; `occurrence`: the one its line was about (a press after the owner closed it lands on nothing).
 */
export async function acceptDelay(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, newDate: IsoDate, shownBy: ShownBy = {}, occurrence: IsoDate | null = null): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  const outcome = await answerAction(services, directory, caller, { planId, actionId, occurrence, answer: { kind: 'delayed', newDate, reason: 'delay accepted by the commissioner' }, via: 'button', shownBy });
  // As for an owner's own delay: a weekend, a bank holiday or a date after the plan ends is accepted, and said.
  const notes = dateNotes(newDate, directory.plan(planId)?.period ?? null, dueLabel);
  return fromAnswer(outcome, () => `Delay accepted to ${dueLabel(newDate)} by ${caller.name}${notes.length > 0 ? `. Note: ${notes.join('; ')}` : ''}`);
}

/** Close: the action is done, on the commissioner's word. `shownBy` and `occurrence` as for acceptDelay. */
export async function close(services: Services, directory: Directory, caller: Caller, planId: string, actionId: string, shownBy: ShownBy = {}, occurrence: IsoDate | null = null): Promise<EscalationResult> {
  const stored = await loadFor(services, directory, caller, planId, actionId);
  if (typeof stored === 'string') return refuse(stored);
  const outcome = await answerAction(services, directory, caller, { planId, actionId, occurrence, answer: { kind: 'done' }, via: 'button', shownBy });
  // A recurring action stays open for its next occurrence: the line says so rather than "Closed".
  return fromAnswer(outcome, (after) => (after.progress.status === 'done' || !after.progress.dueDate ? `Closed by ${caller.name}` : `This occurrence closed by ${caller.name}; next review ${dueLabel(after.progress.dueDate)}`));
}
