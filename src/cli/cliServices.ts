// The command line's access to the configured store: the same settings and storage as `npm start`
// (it reuses the Azurite that `npm start` runs, or starts one and stops it afterwards).
import { loadConfig, loadDotEnv, type Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { systemClock, type Services } from '../app/services.ts';
import { openStorage } from '../store/openStorage.ts';

/** Runs `work` with services over the configured store, then lets the store go. */
export async function withServices<T>(work: (services: Services, config: Config) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  // Logs go to stderr so that a command's output stays clean for pipes.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const storage = await openStorage(config, logger);
  try {
    return await work({ store: storage.store, settings: config, clock: systemClock, logger }, config);
  } finally {
    await storage.close();
  }
}
