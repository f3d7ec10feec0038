// node-cron runs the sweep on the configured schedule, in London time. The callback only calls the
// sweep with the clock's time; a sweep that fails (storage down) is tried again a few minutes later.
import cron from 'node-cron';
import type { Messenger } from '../domain/messenger.ts';
import type { Services } from '../app/services.ts';
import { runSweep, type SweepReport } from './sweep.ts';

/** A running schedule. */
export interface ReminderSchedule {
  /** Runs a sweep now (used at start to catch up on what was missed while the bot was down). */
  runNow(reason: string): Promise<SweepReport | null>;
  stop(): void;
}

const RETRY_MS = 5 * 60_000;

/** Starts the cron job. `retryMs` is how long a failed sweep waits before it is tried again. */
export function startReminderSchedule(services: Services, messenger: Messenger, expression: string, retryMs = RETRY_MS): ReminderSchedule {
  if (!cron.validate(expression)) throw new Error(`REMINDER_CRON is not a valid cron expression: "${expression}"`);
  let running: Promise<SweepReport | null> | null = null;
  let retry: NodeJS.Timeout | null = null;

  const sweep = (reason: string): Promise<SweepReport | null> => {
    // One sweep at a time in this process; other instances are kept honest by the ledger.
    running ??= runSweep(services, messenger, services.clock.now(), { reason })
      .catch((err: unknown) => {
        services.logger.error({ err: { message: (err as Error).message }, reason }, `reminder sweep failed; trying again in ${Math.round(retryMs / 60_000)} min`);
        retry ??= setTimeout(() => { retry = null; void sweep('retry'); }, retryMs);
        return null;
      })
      .finally(() => { running = null; });
    return running;
  };

  const task = cron.schedule(expression, () => { void sweep('scheduled'); }, { timezone: 'Europe/London', noOverlap: true, name: 'reminder-sweep' });
  return {
    runNow: sweep,
    stop: () => {
      void task.stop();
      if (retry) clearTimeout(retry);
    },
  };
}
