// The one place where the parts are wired together: config → logger → storage → services → bot,
// messenger, server and reminder schedule. src/main.ts runs it; tests and the local chat start it too.
import type { CloudAdapter } from 'botbuilder';
import { tenantsAccepted, type Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import type { Clock, Services } from './app/services.ts';
import { systemClock } from './app/services.ts';
import { ActionBot } from './bot/actionBot.ts';
import { isPlanTableInWorker, readPlanInWorker } from './import/worker/readInWorker.ts';
import { BotMessenger, type Messenger } from './bot/messenger.ts';
import { answerNews } from './bot/answerNews.ts';
import { teamsLimits } from './bot/pacing.ts';
import { createAdapter, startServer, type Readiness, type RunningServer, type ServerOptions } from './bot/server.ts';
import type { Store } from './domain/ports.ts';
import { dashboardFor, mountDashboard } from './dashboard/mount.ts';
import { startReminderSchedule, type ReminderSchedule } from './scheduler/reminderSchedule.ts';
import { logUnheldRoles } from './scheduler/briefing.ts';
import { startBriefingSchedule } from './scheduler/briefingSchedule.ts';
import { openStorage } from './store/openStorage.ts';

/** A running bot and everything it owns. */
export interface Runtime {
  services: Services;
  server: RunningServer;
  adapter: CloudAdapter;
  messenger: Messenger;
  schedule: ReminderSchedule | null;
  /** Drains (requests in flight get up to `graceMs`), lets a running sweep finish, closes storage. */
  stop(graceMs?: number): Promise<void>;
}

/** What a caller may supply instead of the defaults (tests pass a store, a clock and a logger). */
export interface RuntimeOptions {
  store?: Store;
  clock?: Clock;
  logger?: Logger;
  /** false: no cron job (tests drive the sweep themselves). */
  schedule?: boolean;
  extraRoutes?: ServerOptions['extraRoutes'];
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}

/** The messenger for an adapter, paced to the configured rate. */
export function messengerFor(adapter: CloudAdapter, config: Config, logger: Logger): Messenger {
  return new BotMessenger(adapter, { appId: config.MicrosoftAppId, limits: teamsLimits(config.SENDS_PER_SECOND), logger });
}

/** Starts storage (unless given), the bot server and the reminder schedule. */
export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const storage = options.store ? { store: options.store, description: 'given store', close: async () => {} } : await openStorage(config, logger);
  try {
    const services: Services = { store: storage.store, settings: config, clock: options.clock ?? systemClock, logger };
    const adapter = createAdapter(config, logger);
    const messenger = messengerFor(adapter, config, logger);
    services.news = answerNews(services, messenger);
    const bot = new ActionBot(services, messenger, { read: readPlanInWorker, isPlanTable: isPlanTableInWorker, localMode: config.localMode, fileHosts: config.FILE_HOSTS, timeoutMs: config.FILE_TIMEOUT_SECONDS * 1000 });
    // The dashboard (the Teams tab) on the bot's own port in every mode: signed in outside local mode.
    const dashboard = mountDashboard(dashboardFor(config, services, messenger));
    const extraRoutes = (s: Parameters<typeof dashboard>[0]): void => { dashboard(s); options.extraRoutes?.(s); };
    let schedule: ReminderSchedule | null = null;
    const readiness = async (): Promise<Readiness> => {
      // Storage answers (a small read) within a few seconds, and how the last sweep went.
      const reached = await withTimeout(services.store.plans.listPlans().then(() => 'reachable'), 5000).catch((err: unknown) => `unreachable: ${(err as Error).message}`);
      return { ready: reached === 'reachable', storage: reached, lastSweep: schedule?.last() ?? null };
    };
    const server = await startServer({ config, bot, logger, adapter, extraRoutes, readiness });
    schedule = options.schedule === false ? null : startReminderSchedule(services, messenger, config.REMINDER_CRON);
    const briefing = options.schedule === false ? null : startBriefingSchedule(services, messenger, config.BRIEFING_CRON);
    if (schedule) void logUnheldRoles(services).catch(() => undefined);
    logger.info({ storage: storage.description, localMode: config.localMode, tenants: tenantsAccepted(config), schedule: options.schedule === false ? 'off' : config.REMINDER_CRON }, 'actionbot ready');
    return {
      services, server, adapter, messenger, schedule,
      // Drain: stop taking requests and finish those in flight, then let a running sweep finish.
      stop: async (graceMs) => {
        await server.close(graceMs);
        await schedule?.stop();
        briefing?.stop();
        await storage.close();
      },
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
}
