// `npm start` / `node dist/main.js`: the bot with its reminder schedule. With nothing configured it
// runs the embedded default: Azurite, local mode, the seed plans with demo roles, and the local chat
// page that plays Teams for the demo people (with the plan dashboard). SIGTERM drains: no new
// requests, those in flight and a running sweep finish, then the process exits.
import { loadConfig, loadDotEnv } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { loadDemoData, readRolesFile } from './demoData.ts';
import { startRuntime } from './runtime.ts';
import { demoClock } from './localChat/demoClock.ts';
import { startLocalChat, type LocalChat } from './localChat/server.ts';

/** Longest a drain waits for requests in flight before closing their connections. */
const DRAIN_MS = 20_000;

async function main(logger: Logger): Promise<void> {
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;
  // Only the local demo may move time (the page's "run the sweep on…" control).
  const clock = config.localMode ? demoClock() : undefined;
  const runtime = await startRuntime(config, { logger, clock });
  await loadDemoData(runtime.services, config.DEMO_PLANS, config.DEMO_ROLES);
  logger.info(`actionbot is listening on ${runtime.server.url}/api/messages (health: ${runtime.server.url}/healthz, readiness: ${runtime.server.url}/readyz)`);

  let chat: LocalChat | null = null;
  if (config.localMode) {
    const demo = config.DEMO_ROLES ? await readRolesFile(config.DEMO_ROLES) : { tenantId: 'local', people: [] };
    chat = await startLocalChat({ runtime, people: demo.people, tenantId: demo.tenantId, port: config.LOCAL_CHAT_PORT, clock, logger });
    logger.info(`local chat (plays Teams for the demo people): ${chat.url}/   dashboard: ${chat.url}/dashboard`);
    process.stdout.write(`\n  Open ${chat.url}/ to chat with the bot as a demo person (dashboard: ${chat.url}/dashboard)\n\n`);
  }
  logger.info({ catchUpDays: config.CATCH_UP_DAYS }, 'catching up: sending reminders missed while the bot was down (within the catch-up window)');
  void runtime.schedule?.runNow('start-up catch-up');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests in flight and the running sweep');
    await chat?.close();
    await runtime.stop(DRAIN_MS);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

loadDotEnv();
// At info until the settings are read, so a settings error is logged too.
const logger = createLogger('info');
// A promise nobody awaited that failed leaves the bot in an unknown state: log it and exit, so the
// platform restarts a clean process.
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled promise rejection: exiting');
  process.exit(1);
});
process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception: exiting');
  process.exit(1);
});
main(logger).catch((err: unknown) => {
  logger.fatal({ err }, 'actionbot could not start');
  process.stderr.write(`actionbot: ${(err as Error).message}\n`);
  process.exit(1);
});
