// The bot's parts as the bench runs them: settings, services on a given store and clock, and a
// messenger whose pacing is raised out of the way, so a figure measures the bot and the store, not
// the Teams rate limit it would otherwise keep to (7 a second by default).
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import type { Clock, Services } from '../../src/app/services.ts';
import { BotMessenger, type MessengerOptions } from '../../src/bot/messenger.ts';
import { createAdapter } from '../../src/bot/server.ts';
import type { Store } from '../../src/domain/ports.ts';

/** Settings for a bench bot: silent, local mode, the default reminder rules. */
export function benchConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
}

/** A clock the bench moves. */
export interface BenchClock extends Clock {
  set(at: Date | string): void;
}

/** A clock starting at `at`. */
export function benchClock(at: string): BenchClock {
  let now = new Date(at);
  return { now: () => new Date(now), set: (next) => { now = new Date(next); } };
}

/** What the use cases are given. */
export function benchServices(store: Store, clock: Clock, config: Config, logger: Logger = createLogger(config.LOG_LEVEL)): Services {
  return { store, settings: config, clock, logger };
}

/** A messenger over a real CloudAdapter with no pacing; retries as configured in `options`. */
export function unpacedMessenger(config: Config, options: Partial<MessengerOptions> = {}): BotMessenger {
  const logger = createLogger(config.LOG_LEVEL);
  const unlimited = { perSecond: 1e9, burst: 1e9 };
  return new BotMessenger(createAdapter(config, logger), { appId: '', limits: { perConversation: [unlimited], overall: unlimited }, logger, ...options });
}
