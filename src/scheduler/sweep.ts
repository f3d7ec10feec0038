// The reminder sweep: finds what is due today and sends each person ONE message, their digest (the
// commissioner's escalation digest holds their own lines too), each line once. Cron calls it with the clock's time; tests and
// `actionbot remind --at` call it with any time they like.
import { loadDirectory } from '../app/directory.ts';
import { endCovers } from '../app/reminderSettings.ts';
import type { Services } from '../app/services.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Person } from '../domain/progress.ts';
import type { StoredAction } from '../domain/ports.ts';
import { reminderHorizon, type Reminder, type ReminderRules } from '../domain/reminders.ts';
import type { Messenger } from '../domain/messenger.ts';
import { isWorkingDay } from '../domain/workingDays.ts';
import { deliverBundle } from './bundleDelivery.ts';
import { planSweep, type Bundle } from './bundles.ts';
import { addEscalationNotes, commissionerIds } from './escalationNotes.ts';

/** What one sweep did. */
export interface SweepReport {
  at: string;
  today: IsoDate;
  /** Actions read from the due index (and blocked ones). */
  considered: number;
  /** Reminders due today (before fan-out to people). */
  due: number;
  /** Messages sent: one per person (a digest, or a commissioner's escalation digest). */
  sent: number;
  /** Lines in the messages sent (each a reminder of one action to one person). */
  items: number;
  /** Of those lines, reminders whose day had passed (missed while the bot was down, within CATCH_UP_DAYS). */
  caughtUp: number;
  /** Messages already sent today, or claimed by another sweep that is still sending. */
  skipped: number;
  failed: number;
  unreachable: string[];
  unheldRoles: string[];
  /** Escalations that went to nobody: no one in the plan's tenant holds the lead role. */
  unescalated: number;
  /** With dryRun: the lines that would be sent, nothing claimed or sent. */
  planned: { key: string; personId: string; personName: string; actionId: string; kind: string; message: 'digest' | 'escalation' }[];
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

/** Runs one sweep as of `at`. Storage faults reject (the caller retries later); send faults are recorded per message. */
export async function runSweep(services: Services, messenger: Messenger, at: Date, options: SweepOptions = {}): Promise<SweepReport> {
  const { store, settings } = services;
  const today = londonDate(at);
  const rules = rulesFrom(settings);
  if (!options.dryRun) await endCovers(services, today);
  const [due, blocked, directory] = await Promise.all([
    store.actions.dueBy(reminderHorizon(today, rules)),
    store.actions.blocked(),
    loadDirectory(store),
  ]);
  const byKey = new Map<string, StoredAction>();
  for (const a of [...due, ...blocked]) byKey.set(`${a.planId}|${a.action.id}`, a);
  const plan = await planSweep(services, directory, byKey, today, rules);

  const report: SweepReport = { at: at.toISOString(), today, considered: byKey.size, due: plan.due, sent: 0, items: 0, caughtUp: 0, skipped: 0, failed: 0, unreachable: [], unheldRoles: plan.unheldRoles, unescalated: plan.unescalated, planned: [] };
  // Claims are stamped when made, not with the sweep's start: a sweep slowed past the lease (Retry-After,
  // a slow connector) must not write claims that already look abandoned to another instance.
  const started = Date.now();
  const unreachable: Person[] = [];
  const stamp = (): Date => new Date(at.getTime() + (Date.now() - started));
  const send = async (bundles: Bundle[]): Promise<void> => {
    if (options.dryRun) {
      for (const b of bundles) for (const i of b.items) report.planned.push({ key: i.itemKey, personId: b.person.id, personName: b.person.name, actionId: i.reminder.actionId, kind: i.reminder.kind, message: i.reminder.audience === 'owners' ? 'digest' : 'escalation' });
      return;
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let bundle = bundles[next++]; bundle; bundle = bundles[next++]) {
        const { outcome, lines } = await deliverBundle(services, messenger, directory, bundle, stamp(), options.leaseMs ?? 10 * 60_000);
        if (outcome === 'sent') {
          report.sent += 1;
          report.items += lines.length;
          report.caughtUp += lines.filter((l) => l.reminder.sendOn < today).length;
        } else if (outcome === 'skipped') report.skipped += 1;
        else if (outcome !== 'empty') report.failed += 1;
        if (outcome === 'unreachable' && !unreachable.some((p) => p.id === bundle.person.id)) {
          unreachable.push(bundle.person);
          report.unreachable.push(bundle.person.name);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker));
  };
  if (report.unescalated > 0) {
    services.logger.warn({ escalations: report.unescalated }, 'escalations not sent: nobody holds their plan\'s lead role (assign it to someone, or "lead role for <plan> is <role>")');
  }
  // Commissioners' messages go last, so they hear of anyone found unreachable in this sweep; a commissioner's
  // own digest waits with them, so notes join it and they still get one message.
  const leads = commissionerIds(services, directory);
  await send(plan.owner.filter((b) => !leads.has(b.person.id)));
  const last = [...plan.owner.filter((b) => leads.has(b.person.id)), ...plan.escalation];
  // Notes alone (an unopened digest, someone unreachable) wait for a working day, as reminders do: nothing
  // goes out at a weekend or on a bank holiday.
  await send(options.dryRun || !isWorkingDay(today) ? last : await addEscalationNotes(services, directory, last, today, unreachable));
  services.logger.info(
    { reason: options.reason ?? 'on demand', today, considered: report.considered, due: report.due, sent: report.sent, items: report.items, caughtUp: report.caughtUp, catchUpDays: settings.CATCH_UP_DAYS, skipped: report.skipped, failed: report.failed, unheldRoles: report.unheldRoles.length, unescalated: report.unescalated, dryRun: options.dryRun ?? false },
    report.caughtUp > 0 ? `reminder sweep done: ${report.caughtUp} missed while the bot was down sent late (at most ${settings.CATCH_UP_DAYS} days)` : 'reminder sweep done',
  );
  return report;
}

export type { Reminder };
