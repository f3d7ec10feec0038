// node-cron runs the sweep on the configured schedule, in London time. The callback only calls the
// sweep with the clock's time; a sweep that fails (storage down) is tried again a few minutes later.
// Across instances, a lease row lets one instance run each scheduled sweep; the send-once ledger
// stays the guarantee, the lease saves the work (and keeps the pacing per tenant, not per process).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron from 'node-cron';
import type { Messenger } from '../domain/messenger.ts';
import type { Services } from '../app/services.ts';
import { runSweep, type SweepReport } from './sweep.ts';

/** How the last sweep in this process went, for /readyz. */
export interface LastSweep {
  at: string;
  reason: string;
  outcome: 'done' | 'failed' | 'run by another instance';
  sent?: number;
  failed?: number;
  error?: string;
}

/** A running schedule. */
export interface ReminderSchedule {
  /** Runs a sweep now (used at start to catch up on what was missed while the bot was down). */
  runNow(reason: string): Promise<SweepReport | null>;
  /** The cron job's own run: takes the slot's lease first, so only one instance sweeps. */
  runScheduled(): Promise<SweepReport | null>;
  last(): LastSweep | null;
  /** Stops the cron job and waits for a sweep in progress to finish. */
  stop(): Promise<void>;
}

const RETRY_MS = 5 * 60_000;
/** A scheduled sweep's lease: another instance takes the slot over if it is not finished by then. */
export const SWEEP_LEASE_MS = 10 * 60_000;

/** Starts the cron job. `retryMs` is how long a failed sweep waits before it is tried again. */
export function startReminderSchedule(services: Services, messenger: Messenger, expression: string, retryMs = RETRY_MS, leaseMs = SWEEP_LEASE_MS): ReminderSchedule {
  if (!cron.validate(expression)) throw new Error(`REMINDER_CRON is not a valid cron expression: "${expression}"`);
  const { logger, clock, store } = services;
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running: Promise<SweepReport | null> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let recheck: NodeJS.Timeout | null = null;
  let last: LastSweep | null = null;

  const sweep = (reason: string): Promise<SweepReport | null> => {
    // One sweep at a time in this process; other instances are kept honest by the ledger.
    const at = clock.now();
    running ??= runSweep(services, messenger, at, { reason })
      .then((report) => {
        last = { at: at.toISOString(), reason, outcome: 'done', sent: report.sent, failed: report.failed };
        return report;
      })
      .catch((err: unknown) => {
        last = { at: at.toISOString(), reason, outcome: 'failed', error: (err as Error).message };
        logger.error({ err, reason }, `reminder sweep failed; trying again in ${Math.round(retryMs / 60_000)} min`);
        retry ??= setTimeout(() => { retry = null; void sweep('retry'); }, retryMs);
        return null;
      })
      .finally(() => { running = null; });
    return running;
  };

  const scheduled = async (): Promise<SweepReport | null> => {
    const at = clock.now();
    const slot = `sweep|${at.toISOString().slice(0, 16)}`;
    let taken: boolean;
    try {
      taken = await store.leases.take(slot, holder, at.toISOString(), leaseMs);
    } catch (err) {
      logger.warn({ err, slot }, 'could not take the sweep lease; sweeping anyway (the ledger still sends each reminder once)');
      taken = true;
    }
    if (!taken) {
      last = { at: at.toISOString(), reason: 'scheduled', outcome: 'run by another instance' };
      logger.info({ slot }, 'scheduled sweep left to the instance holding its lease; checking back when the lease runs out');
      // If that instance dies mid-sweep, its lease lapses and this one takes the slot over.
      recheck ??= setTimeout(() => { recheck = null; void retake(slot); }, leaseMs + 1000);
      recheck.unref?.();
      return null;
    }
    const report = await sweep('scheduled');
    if (report) await store.leases.finish(slot, holder, clock.now().toISOString()).catch(() => undefined);
    return report;
  };

  const retake = async (slot: string): Promise<void> => {
    const now = clock.now().toISOString();
    if (!(await store.leases.take(slot, holder, now, leaseMs).catch(() => false))) return;
    logger.warn({ slot }, 'took over a sweep whose instance did not finish it');
    if (await sweep('lease taken over')) await store.leases.finish(slot, holder, clock.now().toISOString()).catch(() => undefined);
  };

  const task = cron.schedule(expression, () => { void scheduled(); }, { timezone: 'Europe/London', noOverlap: true, name: 'reminder-sweep' });
  return {
    runNow: sweep,
    runScheduled: scheduled,
    last: () => last,
    async stop() {
      await task.stop();
      if (retry) clearTimeout(retry);
      if (recheck) clearTimeout(recheck);
      if (running) {
        logger.info('stopping: waiting for the sweep in progress to finish');
        await running;
      }
    },
  };
}
