// The real bot over HTTP on a store the test opened itself (e.g. through a storage proxy that breaks
// on purpose), with a test connector, a settable clock and its logs captured.
import type { Activity } from 'botbuilder';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Store } from '../../src/domain/ports.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { testClock, type TestClock } from './botHarness.ts';
import { startConnector, type ConnectorCall, type TestConnector } from './connector.ts';
import { captureLogs, meetPerson, type LogCapture } from './faultWorld.ts';
import { cardAction, cardSubmit, message, postActivity, type TeamsOrigin, type TeamsPerson } from './teamsActivity.ts';

/** What Teams gets back for an Action.Execute: a replacement card or a message for the person. */
export interface InvokeReply {
  status: number;
  type: string;
  /** The message shown to the person (message replies), or the card's JSON. */
  text: string;
}

/** A running bot over a given store. */
export interface FaultBot {
  runtime: Runtime;
  store: Store;
  connector: TestConnector;
  clock: TestClock;
  logs: LogCapture;
  origin: TeamsOrigin;
  config: Config;
  post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }>;
  /** Records the person with their chat on the connector, and gives them roles. */
  meet(person: TeamsPerson, ...roles: string[]): Promise<void>;
  /** Presses a card button (Action.Execute) with `data`. */
  press(person: TeamsPerson, verb: string, data: Record<string, unknown>, tenantId?: string): Promise<InvokeReply>;
  /** Presses a card button on a client without Universal Actions (Action.Submit); returns the bot's chat replies. */
  submit(person: TeamsPerson, value: Record<string, unknown>): Promise<ConnectorCall[]>;
  /** Sends a message; returns what the bot sent back because of it. */
  say(person: TeamsPerson, text: string): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

/** Starts the bot on a free port over `store`, at `now`, with settings `env`. */
export async function startFaultBot(store: Store, now: string, env: Record<string, string> = {}): Promise<FaultBot> {
  const connector = await startConnector();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', SENDS_PER_SECOND: '50', ...env });
  const clock = testClock(now);
  const logs = captureLogs(config.LOG_LEVEL);
  const runtime = await startRuntime(config, { store, clock, logger: logs.logger, schedule: false });
  const origin: TeamsOrigin = { serviceUrl: connector.url };
  const post = (activity: Partial<Activity>) => postActivity(runtime.server.url, activity);
  const repliesTo = (activity: Partial<Activity>) => connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300);
  return {
    runtime, store, connector, clock, logs, origin, config, post,
    meet: (person, ...roles) => meetPerson(store, connector, person, roles, now),
    async press(person, verb, data, tenantId) {
      const res = await post(cardAction({ ...origin, tenantId }, person, verb, data));
      const body = (res.body ?? {}) as { type?: string; value?: unknown };
      return { status: res.status, type: body.type ?? '', text: typeof body.value === 'string' ? body.value : JSON.stringify(body.value ?? '') };
    },
    async submit(person, value) {
      const activity = cardSubmit(origin, person, value);
      const res = await post(activity);
      if (res.status >= 300) throw new Error(`submit failed: ${res.status}`);
      return repliesTo(activity);
    },
    async say(person, text) {
      const activity = message(origin, person, text);
      const res = await post(activity);
      if (res.status >= 300) throw new Error(`message failed: ${res.status}`);
      return repliesTo(activity);
    },
    async close() {
      await runtime.stop();
      await connector.close();
    },
  };
}
