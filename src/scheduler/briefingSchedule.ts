// node-cron sends the weekly briefing at BRIEFING_CRON (Monday 09:00 London time by default). The
// callback only calls the briefing with the clock's time; a failed run is tried again a few minutes later.
import cron from 'node-cron';
import type { Messenger } from '../domain/messenger.ts';
import type { Services } from '../app/services.ts';
import { runBriefing } from './briefing.ts';

const RETRY_MS = 5 * 60_000;

/** Starts the weekly briefing job; returns its stop function. */
export function startBriefingSchedule(services: Services, messenger: Messenger, expression: string, retryMs = RETRY_MS): { stop(): void } {
  if (!cron.validate(expression)) throw new Error(`BRIEFING_CRON is not a valid cron expression: "${expression}"`);
  let retry: NodeJS.Timeout | null = null;
  const run = (): void => {
    runBriefing(services, messenger, services.clock.now()).catch((err: unknown) => {
      services.logger.error({ err: { message: (err as Error).message } }, 'weekly briefing failed; trying again shortly');
      retry ??= setTimeout(() => { retry = null; run(); }, retryMs);
    });
  };
  const task = cron.schedule(expression, run, { timezone: 'Europe/London', noOverlap: true, name: 'weekly-briefing' });
  return { stop: () => { void task.stop(); if (retry) clearTimeout(retry); } };
}
