// What every use case is given: the stores, the settings, a clock and a logger. Wired in src/main.ts.
import type { Config } from '../config.ts';
import type { Store } from '../domain/ports.ts';
import type { Logger } from '../log.ts';
import type { AnswerNews } from './answerNews.ts';

/** Where "now" comes from: the real clock in production, a chosen instant in tests and demos. */
export interface Clock {
  now(): Date;
}

/** The settings the use cases read. */
export type Settings = Pick<
  Config,
  'LEAD_ROLE' | 'ADMINS' | 'ALLOWED_TENANTS' | 'REMIND_DAYS_BEFORE' | 'OVERDUE_EVERY_DAYS' | 'ESCALATE_AFTER_DAYS' | 'CATCH_UP_DAYS'
>;

/** The use cases' dependencies. */
export interface Services {
  store: Store;
  settings: Settings;
  clock: Clock;
  logger: Logger;
  /** Shows saved answers on the other cards and digests; set by the composition root once a chat channel exists. */
  news?: AnswerNews;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
