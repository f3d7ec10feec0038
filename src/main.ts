// `npm start`: the bot with its reminder schedule. With nothing configured it runs the embedded
// default: Azurite, local mode, and the seed plans with demo roles.
import { loadConfig, loadDotEnv } from './config.ts';
import { createLogger } from './log.ts';
import { loadDemoData } from './import/demoData.ts';
import { startRuntime } from './runtime.ts';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await startRuntime(config, { logger });
  await loadDemoData(runtime.services, config.DEMO_PLANS, config.DEMO_ROLES);
  logger.info(`actionbot is listening on ${runtime.server.url}/api/messages (health: ${runtime.server.url}/healthz)`);
  logger.info({ catchUpDays: config.CATCH_UP_DAYS }, 'catching up: sending reminders missed while the bot was down (within the catch-up window)');
  void runtime.schedule?.runNow('start-up catch-up');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
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
