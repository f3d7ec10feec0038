// The reminder settings people change in chat or on a digest: how often, pause and leave, snooze an
// action, and cover a role until a date. Each returns what to say back, naming the date understood.
import { dueLabel, shorten } from '../cards/format.ts';
import { typeableRef } from './actionCards.ts';
import { isOnLeave, isPaused, modeLabel, snoozeUntil, withSnooze, type SnoozeChoice } from '../domain/personSettings.ts';
import type { Person } from '../domain/progress.ts';
import { nextWorkingDay } from '../domain/workingDays.ts';
import { leadRoleOf, mayManagePlan, tenantPlans } from './access.ts';
import { leadRoleRefusal, onlyManagersText, rolesOfPlans } from './roleGrants.ts';
import { closest } from './closest.ts';
import { roleKey } from '../domain/owners.ts';
import type { IsoDate, PlanAction } from '../domain/plan.ts';
import type { ReminderMode } from '../domain/reading/intent.ts';
import { actorOf, type Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import type { Services } from './services.ts';

/** What a settings change did, for the reply. */
export interface SettingsResult {
  ok: boolean;
  message: string;
}

/** "remind me daily / weekly on Monday / only when overdue". A weekend day is the Monday it would come on. */
export async function setReminderMode(services: Services, personId: string, asked: ReminderMode): Promise<SettingsResult> {
  const weekend = asked.kind === 'weekly' && (asked.weekday === 0 || asked.weekday === 6);
  const mode: ReminderMode = weekend ? { kind: 'weekly', weekday: 1 } : asked;
  const settings = await services.store.settings.get(personId);
  await services.store.settings.save({ ...settings, mode });
  return { ok: true, message: `${weekend ? 'Reminders go out on working days only, so ' : ''}I will remind you ${modeLabel(mode)}.` };
}

/** "pause reminders until 4 Jan" / "I'm on leave until 4 Jan": nothing is sent before that day. */
export async function pauseReminders(services: Services, personId: string, until: IsoDate, today: IsoDate, leave: boolean): Promise<SettingsResult> {
  if (until <= today) return { ok: false, message: `${dueLabel(until)} is not in the future, so nothing was paused.` };
  const settings = await services.store.settings.get(personId);
  await services.store.settings.save({ ...settings, pausedUntil: until, onLeave: leave });
  // Sweeps run on working days: a pause to a weekend or bank holiday ends on the working day after.
  const back = nextWorkingDay(until);
  const ends = back === until ? `until ${dueLabel(until)}` : `before ${dueLabel(back)}, the first working day from ${dueLabel(until)}`;
  return { ok: true, message: `${leave ? 'Enjoy your leave. ' : ''}No reminders ${ends}; type "resume reminders" to have them back sooner.` };
}

/** The pause "stop" sets: until the person turns reminders back on. */
export const STOPPED_UNTIL = '9999-12-31';

/** "resume reminders". */
export async function resumeReminders(services: Services, personId: string, today: IsoDate): Promise<SettingsResult> {
  const settings = await services.store.settings.get(personId);
  if (!isPaused(settings, today)) return { ok: true, message: `Your reminders were not paused: they come ${modeLabel(settings.mode)}.` };
  await services.store.settings.save({ ...settings, pausedUntil: null, onLeave: false });
  return { ok: true, message: 'Reminders are back on from the next sweep.' };
}

/** Snoozes one action for one person: a working day, a week, or until a date. */
export async function snoozeAction(services: Services, personId: string, planId: string, actionId: string, choice: SnoozeChoice, today: IsoDate): Promise<SettingsResult> {
  const asked = snoozeUntil(choice, today);
  if (asked <= today) return { ok: false, message: `${dueLabel(asked)} is not in the future, so it was not snoozed.` };
  // No sweep runs on a weekend or bank holiday: the action comes back on the next working day.
  const until = nextWorkingDay(asked);
  const settings = await services.store.settings.get(personId);
  await services.store.settings.save(withSnooze(settings, { planId, actionId, until }, today));
  return { ok: true, message: `Snoozed until ${dueLabel(until)}${until === asked ? '' : `, the first working day from ${dueLabel(asked)}`}.` };
}

/** "unsnooze 1.2.3": its reminders come again from the next sweep. */
export async function unsnoozeAction(services: Services, personId: string, planId: string, actionId: string, today: IsoDate): Promise<SettingsResult> {
  const settings = await services.store.settings.get(personId);
  const kept = settings.snoozes.filter((s) => !(s.planId === planId && s.actionId === actionId));
  if (!settings.snoozes.some((s) => s.planId === planId && s.actionId === actionId && s.until > today)) return { ok: false, message: 'it was not snoozed.' };
  await services.store.settings.save({ ...settings, snoozes: kept });
  return { ok: true, message: 'no longer snoozed: reminders about it come again from the next sweep.' };
}

/** "my settings". */
export async function describeSettings(services: Services, personId: string, today: IsoDate, directory: Directory, tenantId: string): Promise<string[]> {
  const settings = await services.store.settings.get(personId);
  const lines = [`Reminders: ${modeLabel(settings.mode)}.`];
  if (settings.pausedUntil === STOPPED_UNTIL) lines.push('Stopped until you turn them back on (say "resume").');
  else if (isPaused(settings, today)) lines.push(`${isOnLeave(settings, today) ? 'On leave' : 'Paused'} until ${dueLabel(settings.pausedUntil ?? today)}.`);
  const snoozed = settings.snoozes.filter((s) => s.until > today);
  // Each snoozed action by its code and words, so the person knows which ones are quiet.
  for (const s of snoozed.sort((a, b) => a.until.localeCompare(b.until))) {
    const stored = await services.store.actions.get(s.planId, s.actionId);
    lines.push(`Snoozed: ${stored ? `${typeableRef(stored)} ${shorten(stored.action.text, 60)}` : 'an action no longer in its plan'}, back on ${dueLabel(s.until)}.`);
  }
  // Role names are per tenant: another tenant's cover of a role of the same name is none of theirs.
  const covers = (await services.store.settings.covers()).filter((c) => directory.person(c.personId)?.tenantId === tenantId
    && (c.personId === personId || directory.rolesOf(tenantId, personId).some((r) => roleKey(r) === roleKey(c.role))));
  for (const c of covers) lines.push(`${directory.person(c.personId)?.name ?? 'Someone'} covers ${c.role} until ${dueLabel(c.until)}.`);
  return lines;
}

/**
 * "Sam Patel covers SMLO until 4 Jan", by the commissioner or a holder of the role: the cover holds
 * the role until that day (so reminders and answers reach them), and loses it after.
 */
export async function coverRole(services: Services, directory: Directory, caller: Caller, person: Person, asked: string, until: IsoDate, today: IsoDate): Promise<SettingsResult> {
  // Only a role the caller's tenant's plans name: a made-up one would be a new role, given to nobody's actions.
  const named = [...new Set(tenantPlans(caller, directory).flatMap((p) => [...p.roles.map((r) => r.name), leadRoleOf(p, services.settings.LEAD_ROLE)]))];
  const role = named.find((n) => roleKey(n) === roleKey(asked));
  if (!role) {
    const near = closest(asked, named, 3);
    return { ok: false, message: `No plan of yours names a role "${asked}", so no cover was set.${near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : ' Type "roles" to see them.'}` };
  }
  // Authority follows the plan: a role whose holders commission a plan is only that plan's managers' to
  // give, even to themselves; any other role, the managers of a plan naming it, or someone who holds it.
  const doing = `arrange cover for ${role}`;
  const lead = leadRoleRefusal(caller, role, directory, services.settings, doing);
  if (lead !== null) return { ok: false, message: lead };
  const holds = caller.roles.some((r) => roleKey(r) === roleKey(role));
  const naming = tenantPlans(caller, directory).filter((p) => rolesOfPlans([p], services.settings.LEAD_ROLE).some((n) => roleKey(n) === roleKey(role)));
  if (!holds && !naming.some((p) => mayManagePlan(caller, p.id, directory))) {
    return { ok: false, message: onlyManagersText(naming, directory, services.settings, caller.tenantId, doing, `someone who holds ${role}`) };
  }
  if (until < today) return { ok: false, message: `${dueLabel(until)} has passed, so no cover was set.` };
  if (person.tenantId !== caller.tenantId) return { ok: false, message: `I don't know ${person.name} here, so no cover was set.` };
  const already = directory.rolesOf(caller.tenantId, person.id).some((r) => roleKey(r) === roleKey(role));
  const existing = (await services.store.settings.covers()).find((c) => c.personId === person.id && roleKey(c.role) === roleKey(role));
  if (already && !existing) return { ok: false, message: `${person.name} already holds ${role}.` };
  const at = services.clock.now().toISOString();
  if (!already) await services.store.roles.assign(caller.tenantId, role, person.id, actorOf(caller), at);
  await services.store.settings.saveCover({ role, personId: person.id, until, by: caller.name, granted: existing?.granted ?? true });
  return { ok: true, message: `${person.name} covers ${role} until ${dueLabel(until)}: they get its reminders and may answer for it. Their answers are recorded as cover.` };
}

/** Ends covers whose last day has passed: the cover gives the role back. Run by every sweep. */
export async function endCovers(services: Services, today: IsoDate): Promise<number> {
  const ended = (await services.store.settings.covers()).filter((c) => c.until < today);
  for (const c of ended) {
    // A cover has no tenant of its own: the role goes back wherever the person was given it (their tenant).
    const held = c.granted ? (await services.store.roles.list()).filter((r) => roleKey(r.role) === roleKey(c.role) && r.personIds.includes(c.personId)) : [];
    for (const r of held) await services.store.roles.unassign(r.tenantId, r.role, c.personId, { id: 'cover', name: 'cover ended' }, services.clock.now().toISOString());
    await services.store.settings.removeCover(c.role, c.personId);
    services.logger.info({ role: c.role, personId: c.personId }, 'cover ended: role given back');
  }
  return ended.length;
}

/**
 * The caller as history should name them: "Sam Patel (as cover for SMLO)" when they may answer only
 * because they cover an owner role.
 */
export async function asCover(services: Services, caller: Caller, action: PlanAction): Promise<Caller> {
  const covers = (await services.store.settings.covers()).filter((c) => c.personId === caller.id && action.owners.some((o) => roleKey(o) === roleKey(c.role)));
  if (covers.length === 0 || caller.isLead || caller.isAdmin) return caller;
  const own = new Set(caller.roles.filter((r) => !covers.some((c) => roleKey(c.role) === roleKey(r))).map(roleKey));
  if (action.owners.some((o) => own.has(roleKey(o)))) return caller;
  return { ...caller, name: `${caller.name} (as cover for ${covers.map((c) => c.role).join(', ')})` };
}

/** Names of the people on leave today (of one tenant, when given), for the commissioner's overdue list and briefing. */
export async function peopleOnLeave(services: Services, directory: Directory, today: IsoDate, tenantId?: string): Promise<{ name: string; until: IsoDate }[]> {
  return (await services.store.settings.list())
    .filter((s) => isOnLeave(s, today) && (tenantId === undefined || directory.person(s.personId)?.tenantId === tenantId))
    .map((s) => ({ name: directory.person(s.personId)?.name ?? s.personId, until: s.pausedUntil ?? today }));
}
