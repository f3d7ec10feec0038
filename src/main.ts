// `npm start`: the bot with its reminder schedule. With nothing configured it runs the embedded
// default: Azurite, local mode, the seed plans with demo roles, and the local chat page that plays
// Teams for the demo people (with the plan dashboard).
import { loadConfig, loadDotEnv } from './config.ts';
import { createLogger } from './log.ts';
import { loadDemoData, readRolesFile } from './demoData.ts';
import { startRuntime } from './runtime.ts';
import { demoClock } from './localChat/demoClock.ts';
import { startLocalChat, type LocalChat } from './localChat/server.ts';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Only the local demo may move time (the page's "run the sweep on…" control).
  const clock = config.localMode ? demoClock() : undefined;
  const runtime = await startRuntime(config, { logger, clock });
  await loadDemoData(runtime.services, config.DEMO_PLANS, config.DEMO_ROLES);
  logger.info(`actionbot is listening on ${runtime.server.url}/api/messages (health: ${runtime.server.url}/healthz)`);

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
    logger.info({ signal }, 'stopping');
    await chat?.close();
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`actionbot: ${(err as Error).message}\n`);
  process.exit(1);
});
