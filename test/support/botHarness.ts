// The real bot, over real HTTP, against the test Azurite and a test connector, with a clock the test
// sets. Tests post Teams-shaped activities and read what the bot sent from the connector.
import { inject } from 'vitest';
import type { Activity } from 'botbuilder';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { Clock } from '../../src/app/services.ts';
import { storePlan } from '../../src/app/importPlans.ts';
import type { Plan } from '../../src/domain/plan.ts';
import type { Store } from '../../src/domain/ports.ts';
import { runSweep, type SweepOptions, type SweepReport } from '../../src/scheduler/sweep.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { startConnector, type ConnectorCall, type TestConnector } from './connector.ts';
import { installationUpdate, message, personalConversationId, postActivity, testTenantId, type TeamsOrigin, type TeamsPerson } from './teamsActivity.ts';

/** A clock the test moves. */
export interface TestClock extends Clock {
  set(iso: string): void;
}

/** A clock starting at `iso`. */
export function testClock(iso: string): TestClock {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => { now = new Date(next); } };
}

/** A running bot with its connector, store and clock. */
export interface BotHarness {
  runtime: Runtime;
  store: Store;
  connector: TestConnector;
  clock: TestClock;
  origin: TeamsOrigin;
  config: Config;
  post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }>;
  /** Installs the bot for a person (installationUpdate add) and waits for the greeting. */
  install(person: TeamsPerson): Promise<void>;
  /** Sends a message and returns what the bot sent back to that person's chat because of it. */
  say(person: TeamsPerson, text: string): Promise<ConnectorCall[]>;
  /** Runs the reminder sweep as of `iso` (also moves the clock there). */
  sweep(iso: string, options?: SweepOptions): Promise<SweepReport>;
  importPlan(plan: Plan): Promise<void>;
  close(): Promise<void>;
}

/** Starts a bot on a free port with tables under `prefix` (unique per test file). */
export async function startBotHarness(prefix: string, now: string, env: Record<string, string> = {}): Promise<BotHarness> {
  const connector = await startConnector();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', TABLE_PREFIX: prefix, SENDS_PER_SECOND: '50', ...env });
  const store = await openTableStore(inject('tablesConnectionString'), prefix);
  const clock = testClock(now);
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await startRuntime(config, { store, clock, logger, schedule: false });
  const origin: TeamsOrigin = { serviceUrl: connector.url };
  const post = (activity: Partial<Activity>) => postActivity(runtime.server.url, activity);
  return {
    runtime, store, connector, clock, origin, config, post,
    async install(person) {
      const before = connector.sentTo(personalConversationId(person)).length;
      const res = await post(installationUpdate(origin, person, 'add'));
      if (res.status >= 300) throw new Error(`install failed: ${res.status}`);
      await connector.waitFor(() => connector.sentTo(personalConversationId(person)).length > before || (undefined as unknown as false), 5000).catch(() => undefined);
    },
    async say(person, text) {
      const activity = message(origin, person, text);
      const res = await post(activity);
      if (res.status >= 300) throw new Error(`message failed: ${res.status} ${JSON.stringify(res.body)}`);
      return connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300);
    },
    async sweep(iso, options) {
      clock.set(iso);
      return runSweep(runtime.services, runtime.messenger, new Date(iso), options);
    },
    async importPlan(plan) {
      await storePlan(runtime.services, plan, testTenantId);
    },
    async close() {
      await runtime.stop();
      await connector.close();
    },
  };
}

/** The Adaptive Card in a sent activity, if any. */
export function cardOf(call: ConnectorCall | undefined): Record<string, unknown> | null {
  const attachments = call?.body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null;
}

/** All the text of a card or message, flattened, for assertions in the user's words. */
export function textOf(call: ConnectorCall | undefined): string {
  if (!call) return '';
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.entries(node).forEach(([k, v]) => { if (k !== 'data' && k !== 'id' && k !== 'type') walk(v); });
  };
  walk(cardOf(call) ?? call.body.text);
  return parts.join(' ');
}
