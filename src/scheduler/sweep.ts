// The reminder sweep: finds what is due today, sends each reminder once to each recipient, and tells
// the commissioner about roles nobody holds and people the bot can no longer reach. Cron calls it with
// the clock's time; tests and `actionbot remind --at` call it with any time they like.
import { loadDirectory, type Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import { reminderHorizon, remindersDue, type Reminder, type ReminderRules } from '../domain/reminders.ts';
import type { Messenger } from '../domain/messenger.ts';
import { recipientsOf } from './recipients.ts';
import { deliver, type Delivery } from './delivery.ts';
import { noticesForLead } from './leadNotices.ts';

/** What one sweep did. */
export interface SweepReport {
  at: string;
  today: IsoDate;
  /** Actions read from the due index (and blocked ones). */
  considered: number;
  /** Reminders due today (before fan-out to people). */
  due: number;
  sent: number;
  /** Of those sent, reminders whose day had passed (missed while the bot was down, within CATCH_UP_DAYS). */
  caughtUp: number;
  /** Already sent, or claimed by another sweep that is still sending. */
  skipped: number;
  failed: number;
  unreachable: string[];
  unheldRoles: string[];
  /** Escalations that went to nobody: no one holds the lead role. */
  unescalated: number;
  /** With dryRun: what would be sent, nothing claimed or sent. */
  planned: { key: string; personId: string; personName: string; actionId: string; kind: string }[];
}

export interface SweepOptions {
  dryRun?: boolean;
  /** Why the sweep runs ("scheduled", "start-up catch-up"), for the log. */
  reason?: string;
  /** A claim older than this that was never marked sent is taken over (the sender died). */
  leaseMs?: number;
  /** Sends in flight at once; the messenger paces them to Teams' limits. */
  concurrency?: number;
}

/** The reminder rules from settings. */
export function rulesFrom(settings: Services['settings']): ReminderRules {
  return {
    daysBefore: settings.REMIND_DAYS_BEFORE,
    overdueEveryDays: settings.OVERDUE_EVERY_DAYS,
    escalateAfterDays: settings.ESCALATE_AFTER_DAYS,
    catchUpDays: settings.CATCH_UP_DAYS,
  };
}

/** Runs one sweep as of `at`. Storage faults reject (the caller retries later); send faults are recorded per reminder. */
export async function runSweep(services: Services, messenger: Messenger, at: Date, options: SweepOptions = {}): Promise<SweepReport> {
  const { store, settings } = services;
  const today = londonDate(at);
  const rules = rulesFrom(settings);
  const [due, blocked, directory] = await Promise.all([
    store.actions.dueBy(reminderHorizon(today, rules)),
    store.actions.blocked(),
    loadDirectory(store),
  ]);
  const byKey = new Map<string, StoredAction>();
  for (const a of [...due, ...blocked]) byKey.set(`${a.planId}|${a.action.id}`, a);
  const reminders = remindersDue([...byKey.values()].map((a) => ({ planId: a.planId, actionId: a.action.id, progress: a.progress })), today, rules);

  const report: SweepReport = { at: at.toISOString(), today, considered: byKey.size, due: reminders.length, sent: 0, caughtUp: 0, skipped: 0, failed: 0, unreachable: [], unheldRoles: [], unescalated: 0, planned: [] };
  // Claims are stamped when made, not with the sweep's start: a sweep slowed past the lease (Retry-After,
  // a slow connector) must not write claims that already look abandoned to another instance.
  const started = Date.now();
  const stamp = (): string => new Date(at.getTime() + (Date.now() - started)).toISOString();
  const deliveries: Delivery[] = [];
  const unheldSteps: { reminder: Reminder; roles: string[] }[] = [];
  for (const reminder of reminders) {
    const stored = byKey.get(`${reminder.planId}|${reminder.actionId}`);
    if (!stored) continue;
    const { people, unheld: roles } = recipientsOf(reminder, stored, directory, settings.LEAD_ROLE);
    if (roles.length > 0) unheldSteps.push({ reminder, roles });
    if (reminder.audience === 'lead' && people.length === 0) report.unescalated += 1;
    for (const person of people) deliveries.push({ kind: 'reminder', key: `${reminder.key}|${person.id}`, person, reminder, stored });
  }
  report.unheldRoles = [...new Set(unheldSteps.flatMap((s) => s.roles))];

  if (report.unescalated > 0) {
    services.logger.warn({ leadRole: settings.LEAD_ROLE, escalations: report.unescalated }, `escalations not sent: nobody holds the lead role "${settings.LEAD_ROLE}" (assign it to someone)`);
  }
  await sendAll(services, messenger, directory, deliveries, report, at, stamp, options);
  const unheld = await unheldToTell(services, unheldSteps, at, stamp, options);
  const notices = noticesForLead(directory, settings.LEAD_ROLE, today, unheld, report.unreachable);
  await sendAll(services, messenger, directory, notices, report, at, stamp, options);
  services.logger.info(
    { reason: options.reason ?? 'on demand', today, considered: report.considered, due: report.due, sent: report.sent, caughtUp: report.caughtUp, catchUpDays: settings.CATCH_UP_DAYS, skipped: report.skipped, failed: report.failed, unheldRoles: report.unheldRoles.length, unescalated: report.unescalated, dryRun: options.dryRun ?? false },
    report.caughtUp > 0 ? `reminder sweep done: ${report.caughtUp} missed while the bot was down sent late (at most ${settings.CATCH_UP_DAYS} days)` : 'reminder sweep done',
  );
  return report;
}

/**
 * Roles nobody holds, counted over the reminder steps they left unsent: on the step's own day (every
 * sweep that day builds the same notice; its ledger key makes it one card), or on a catch-up day when
 * no sweep has told the commissioner about that step yet. The ledger remembers which steps were told.
 */
async function unheldToTell(services: Services, steps: { reminder: Reminder; roles: string[] }[], at: Date, stamp: () => string, options: SweepOptions): Promise<Map<string, number>> {
  const unheld = new Map<string, number>();
  const today = londonDate(at);
  for (const { reminder, roles } of steps) {
    if (!options.dryRun) {
      const key = `${reminder.key}|unheld`;
      const info = { planId: reminder.planId, actionId: reminder.actionId, audience: 'unheld', personId: '' };
      const first = await services.store.reminders.claim(key, info, stamp(), options.leaseMs ?? 10 * 60_000);
      if (first) await services.store.reminders.markSent(key, { at: stamp(), activityId: null, conversationId: null });
      else if (reminder.sendOn !== today) continue;
    }
    for (const role of roles) unheld.set(role, (unheld.get(role) ?? 0) + 1);
  }
  return unheld;
}

async function sendAll(services: Services, messenger: Messenger, directory: Directory, deliveries: Delivery[], report: SweepReport, at: Date, stamp: () => string, options: SweepOptions): Promise<void> {
  if (options.dryRun) {
    for (const d of deliveries) report.planned.push({ key: d.key, personId: d.person.id, personName: d.person.name, actionId: d.kind === 'reminder' ? d.reminder.actionId : '', kind: d.kind === 'reminder' ? d.reminder.kind : d.kind });
    return;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++];
      if (!delivery) break;
      const outcome = await deliver(services, messenger, directory, delivery, { today: report.today, stamp }, options.leaseMs ?? 10 * 60_000);
      if (outcome === 'sent') {
        report.sent += 1;
        if (delivery.kind === 'reminder' && delivery.reminder.sendOn < report.today) report.caughtUp += 1;
      } else if (outcome === 'skipped') report.skipped += 1;
      else {
        report.failed += 1;
        if (outcome === 'unreachable' && !report.unreachable.includes(delivery.person.name)) report.unreachable.push(delivery.person.name);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker));
}

export type { Reminder };
