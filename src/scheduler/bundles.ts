// Who gets what today, as one bundle per person: their digest of owner reminders, and (for the
// commissioner) the escalation digest. Settings, snoozes and reachability are applied here; the
// send-once claims happen when each bundle is delivered.
import { commissionersOf, ownersIn } from '../app/access.ts';
import { typeableRef } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { shorten } from '../cards/format.ts';
import { addDays, daysBetween } from '../domain/calendar.ts';
import { sectionOf } from '../domain/digestItems.ts';
import type { DigestLine } from '../domain/digestPorts.ts';
import { defaultSettings, lookBackDays, snoozesEnding, type PersonSettings } from '../domain/personSettings.ts';
import { whoNeedsWhat, type Candidate } from '../domain/whoNeedsWhat.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { ReminderInfo, StoredAction } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';
import { remindersDue, type Reminder, type ReminderRules } from '../domain/reminders.ts';

/** One line of a bundle, with the ledger key that makes it once per person. */
export interface BundleItem {
  itemKey: string;
  info: ReminderInfo;
  reminder: Reminder;
  stored: StoredAction;
  line: DigestLine;
}

/**
 * Everything one person gets from one sweep, in one message: an owner's digest, or the commissioner's
 * escalation digest (which opens with their own lines when they have any that day).
 */
export interface Bundle {
  kind: 'owner' | 'escalation';
  person: Person;
  day: IsoDate;
  items: BundleItem[];
  /** Escalation notes, each once: `key` claims it in the ledger. */
  notes: { key: string; text: string }[];
}

/** The plan of a sweep: bundles, and owner roles nobody who can be reached holds. */
export interface SweepPlan {
  due: number;
  owner: Bundle[];
  escalation: Bundle[];
  unheldRoles: string[];
  /** Escalations that went to nobody: no one in the plan's tenant holds the lead role. */
  unescalated: number;
}

/** Owners of an action who can be reached, and its owner roles that nobody reachable holds. */
export function reachableOwners(stored: StoredAction, directory: Directory): { people: Person[]; unheld: string[] } {
  const people = new Map<string, Person>();
  const unheld: string[] = [];
  // Role holders are per tenant: only people of the plan's own tenant are its owners.
  for (const { role, people: holders } of ownersIn(stored.planId, stored.action, directory)) {
    const reachable = holders.filter((p) => p.reachable);
    if (reachable.length === 0) unheld.push(role);
    for (const person of reachable) people.set(person.id, person);
  }
  return { people: [...people.values()], unheld };
}

/** The digest line of an action as of `today`. */
export function lineOf(stored: StoredAction, directory: Directory, today: IsoDate, why?: string): DigestLine {
  const { progress, action, planId } = stored;
  const line: DigestLine = {
    planId, actionId: action.id, occurrence: progress.occurrence, dueDate: progress.dueDate,
    section: sectionOf({ planId, actionId: action.id, status: progress.status, dueDate: progress.dueDate, recurring: action.due.kind === 'recurring' }, today),
    ref: typeableRef(stored), text: shorten(action.text, 110), partnership: directory.plan(planId)?.partnership ?? planId,
  };
  if (why !== undefined) line.why = why;
  return line;
}

/** A snoozed action coming back: a reminder of its own (its key names the snooze, so it is once). */
function snoozeReturn(stored: StoredAction, until: IsoDate, today: IsoDate): Reminder | null {
  const { progress } = stored;
  if (progress.status === 'done' || !progress.dueDate) return null;
  const left = daysBetween(today, progress.dueDate);
  return {
    key: ['snoozed', stored.planId, stored.action.id, progress.occurrence ?? progress.dueDate, until].join('|'),
    planId: stored.planId, actionId: stored.action.id, occurrence: progress.occurrence ?? progress.dueDate, dueDate: progress.dueDate,
    kind: left < 0 ? 'overdue' : left === 0 ? 'due-today' : 'upcoming', step: `snoozed-${until}`, audience: 'owners', sendOn: until,
    daysLate: Math.max(0, -left), daysLeft: Math.max(0, left),
  };
}

function whyEscalated(reminder: Reminder, stored: StoredAction): string {
  if (stored.progress.status === 'blocked') return `blocked: ${stored.progress.reason ?? 'no reason given'}`;
  return `${reminder.daysLate} days late`;
}

/** Builds every bundle of a sweep as of `today`. */
export async function planSweep(services: Services, directory: Directory, actions: Map<string, StoredAction>, today: IsoDate, rules: ReminderRules): Promise<SweepPlan> {
  const settingsList = await services.store.settings.list();
  const settings = new Map<string, PersonSettings>(settingsList.map((s) => [s.personId, s]));
  const settingsOf = (id: string): PersonSettings => settings.get(id) ?? defaultSettings(id);
  const tracked = [...actions.values()].map((a) => ({ planId: a.planId, actionId: a.action.id, progress: a.progress }));
  const daily = remindersDue(tracked, today, rules);
  const weeklyLookBack = Math.max(...settingsList.map((s) => lookBackDays(s, rules.catchUpDays)), rules.catchUpDays);
  const weekly = weeklyLookBack > rules.catchUpDays ? remindersDue(tracked, today, { ...rules, catchUpDays: weeklyLookBack }) : daily;
  const isWeekly = (id: string): boolean => settingsOf(id).mode.kind === 'weekly';
  // A plan's commissioners hold its lead role in its tenant (src/app/access.ts); nobody else hears of it.
  const leadsOf = (planId: string): Person[] => commissionersOf(planId, directory, services.settings.LEAD_ROLE).filter((p) => p.reachable);
  let unescalated = 0;

  const candidates: Candidate[] = [];
  const why = new Map<string, string>();
  const unheldRoles = new Set<string>();
  const add = (reminder: Reminder, people: Person[], weeklyList: boolean): void => {
    const stored = actions.get(`${reminder.planId}|${reminder.actionId}`);
    if (!stored) return;
    const blocked = stored.progress.status === 'blocked';
    for (const person of people) if (isWeekly(person.id) === weeklyList) candidates.push({ personId: person.id, reminder, blocked });
  };
  for (const [list, weeklyList] of [[daily, false], [weekly, true]] as const) {
    for (const reminder of list) {
      const stored = actions.get(`${reminder.planId}|${reminder.actionId}`);
      if (!stored) continue;
      if (reminder.audience === 'lead') {
        why.set(reminder.key, whyEscalated(reminder, stored));
        const leads = leadsOf(reminder.planId);
        if (leads.length === 0 && !weeklyList) unescalated += 1;
        add(reminder, leads, weeklyList);
        continue;
      }
      const { people, unheld } = reachableOwners(stored, directory);
      add(reminder, people, weeklyList);
      if (weeklyList || unheld.length === 0) continue;
      unheld.forEach((r) => unheldRoles.add(r));
      // An action due or late whose owners nobody can reach goes to the commissioner instead.
      if (people.length === 0 && (reminder.kind === 'overdue' || reminder.kind === 'due-today')) {
        const escalated: Reminder = { ...reminder, key: `${reminder.key}|unheld`, audience: 'lead', kind: 'escalation' };
        why.set(escalated.key, `nobody who can be reached holds ${unheld.join(', ')}`);
        const leads = leadsOf(reminder.planId);
        if (leads.length === 0) unescalated += 1;
        add(escalated, leads, false);
        add(escalated, leads, true);
      }
    }
  }
  for (const s of settingsList) {
    for (const snooze of snoozesEnding(s, today, lookBackDays(s, rules.catchUpDays))) {
      const stored = actions.get(`${snooze.planId}|${snooze.actionId}`);
      const back = stored ? snoozeReturn(stored, snooze.until, today) : null;
      const person = directory.person(s.personId);
      if (stored && back && person?.reachable) candidates.push({ personId: s.personId, reminder: back, blocked: stored.progress.status === 'blocked' });
    }
  }

  const owner: Bundle[] = [];
  const escalation: Bundle[] = [];
  for (const [personId, reminders] of whoNeedsWhat(candidates, settingsOf, today)) {
    const person = directory.person(personId);
    if (!person) continue;
    const itemsFor = (audience: 'owners' | 'lead'): BundleItem[] => reminders.filter((r) => r.audience === audience).flatMap((reminder) => {
      const stored = actions.get(`${reminder.planId}|${reminder.actionId}`);
      if (!stored) return [];
      const info = { planId: reminder.planId, actionId: reminder.actionId, audience: reminder.audience, personId };
      return [{ itemKey: `${reminder.key}|${personId}`, info, reminder, stored, line: lineOf(stored, directory, today, why.get(reminder.key)) }];
    });
    const mine = itemsFor('owners');
    const lead = itemsFor('lead');
    // A commissioner who is also an owner that day gets one message: their own lines, then the escalations.
    if (lead.length > 0) escalation.push({ kind: 'escalation', person, day: today, items: [...mine, ...lead], notes: [] });
    else if (mine.length > 0) owner.push({ kind: 'owner', person, day: today, items: mine, notes: [] });
  }
  return { due: daily.length, owner, escalation, unheldRoles: [...unheldRoles], unescalated };
}

/** The days an unread owner digest is worth a note to the commissioner: sent two to seven days ago. */
export function unreadWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -7), to: addDays(today, -2) };
}
