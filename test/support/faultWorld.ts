// The sweep's world for fault tests, without the HTTP bot: a store on real Azurite, a test connector
// standing in for Teams, people who installed the bot, hand-made plans, a settable clock and the logs.
import { Writable } from 'node:stream';
import type { ConversationReference } from 'botbuilder';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import type { Services } from '../../src/app/services.ts';
import { storePlan } from '../../src/app/importPlans.ts';
import { BotMessenger, type MessengerOptions } from '../../src/bot/messenger.ts';
import { teamsLimits } from '../../src/bot/pacing.ts';
import { createAdapter } from '../../src/bot/server.ts';
import type { Due, Plan, PlanAction } from '../../src/domain/plan.ts';
import type { Store } from '../../src/domain/ports.ts';
import { testClock, textOf, type TestClock } from './botHarness.ts';
import type { ConnectorCall, TestConnector } from './connector.ts';
import { personalConversationId, testTenantId, type TeamsPerson } from './teamsActivity.ts';

/** Logs written by the code under test, read back as objects. */
export interface LogCapture {
  logger: Logger;
  entries(): { msg: string; [field: string]: unknown }[];
  /** Entries whose message contains `words`. */
  find(words: string): { msg: string; [field: string]: unknown }[];
}

/** A pino logger writing into memory. */
export function captureLogs(level = 'info'): LogCapture {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
  const logger = createLogger(level, sink);
  const entries = () => lines.map((l) => JSON.parse(l) as { msg: string });
  return { logger, entries, find: (words) => entries().filter((e) => e.msg.includes(words)) };
}

/** Everything one bot instance needs to sweep. */
export interface SweepInstance {
  services: Services;
  messenger: BotMessenger;
  config: Config;
}

/** One bot instance (its own adapter and messenger) over `store`, in local mode. */
export function sweepInstance(store: Store, clock: TestClock, logger: Logger, env: Record<string, string> = {}, messenger: Partial<MessengerOptions> = {}): SweepInstance {
  const config = loadConfig({ LOG_LEVEL: 'silent', SENDS_PER_SECOND: '50', ...env });
  const adapter = createAdapter(config, logger);
  return {
    config,
    services: { store, settings: config, clock, logger },
    messenger: new BotMessenger(adapter, { appId: '', limits: teamsLimits(config.SENDS_PER_SECOND), logger, backoffMs: 50, ...messenger }),
  };
}

/** Records a person as if they had installed the bot (their chat is on the connector) and gives them roles. */
export async function meetPerson(store: Store, connector: TestConnector, person: TeamsPerson, roles: string[], at = '2011-09-01T08:00:00Z'): Promise<void> {
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: testTenantId, isGroup: false, name: '' },
    user: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
    bot: { id: '28:actionbot', name: 'actionbot' },
  };
  await store.people.save({ id: person.aadObjectId, tenantId: testTenantId, name: person.name, reachable: true }, reference);
  for (const role of roles) await store.roles.assign(testTenantId, role, person.aadObjectId, { id: 'test', name: 'test setup' }, at);
}

/** A row of a hand-made plan. */
export interface Row {
  ref: string;
  text: string;
  owners: string[];
  due: string | Due;
}

/** A hand-made plan in the 2011-12 plan year; action ids are `${id}-${ref}`. */
export function planOf(id: string, rows: Row[]): Plan {
  const actions: PlanAction[] = rows.map((row, i) => ({
    id: `${id}-${row.ref}`, ref: row.ref, grid: 1, objective: null, text: row.text,
    byWhenRaw: typeof row.due === 'string' ? row.due : row.due.kind, ownersRaw: row.owners.join(' & '), owners: row.owners,
    due: typeof row.due === 'string' ? { kind: 'date', date: row.due } : row.due, source: { line: i + 10 },
  }));
  const roles = [...new Set(rows.flatMap((r) => r.owners))].map((name) => ({ name, actions: rows.filter((r) => r.owners.includes(name)).length }));
  return { id, partnership: `${id} partnership`, period: { start: '2011-04-01', end: '2012-03-31' }, grids: [{ number: 1, title: 'Treatment' }], actions, roles, warnings: [] };
}

/** Saves a plan as of `now` (each action starts with its occurrence in hand). */
export async function savePlan(store: Store, plan: Plan, now: string): Promise<void> {
  await storePlan({ store, clock: testClock(now), settings: loadConfig({}) }, plan, testTenantId);
}

/** Cards the connector accepted as new messages in a person's chat. */
export function cardsTo(connector: TestConnector, person: TeamsPerson): ConnectorCall[] {
  return connector.sentTo(personalConversationId(person)).filter((c) => c.kind === 'send');
}

/** How many cards each person received about each action text: `${name}: ${text}` → count. */
export function deliveries(connector: TestConnector, people: TeamsPerson[], texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of people) {
    for (const card of cardsTo(connector, person)) {
      const text = textOf(card);
      for (const t of texts.filter((x) => text.includes(x))) counts.set(`${person.name}: ${t}`, (counts.get(`${person.name}: ${t}`) ?? 0) + 1);
    }
  }
  return counts;
}

export { testClock, type TestClock };
