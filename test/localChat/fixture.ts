// A small plan and three demo people for the local chat and dashboard tests, and a way to start the
// real runtime with the local chat against the test Azurite, on a demo clock set to Monday 2 June 2025.
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { storePlan } from '../../src/app/importPlans.ts';
import type { Plan, PlanAction } from '../../src/domain/plan.ts';
import type { Store } from '../../src/domain/ports.ts';
import { demoClock, type DemoClock } from '../../src/localChat/demoClock.ts';
import { startLocalChat, type LocalChat } from '../../src/localChat/server.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../src/runtime.ts';

export const tenantId = '00000000-0000-4000-8000-00000000cafe';
export const jane = { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Jane Smith', roles: ['Commissioner'] };
export const sam = { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Sam Patel', roles: ['SMLO'] };
/** A name that would run script if a page put it in as HTML. */
export const robin = { id: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'Robin <img src=x onerror=alert(2)>', roles: ['SMO'] };
export const people = [jane, sam, robin];

/** An action text that would run script if a page put it in as HTML. */
export const scriptText = 'Publish the <script>alert(1)</script> treatment plan';
/** The Monday the tests live on (09:00 in London). */
export const monday = '2025-06-02';

function action(ref: string, grid: number, text: string, owners: string[], date: string, line: number): PlanAction {
  return { id: `act-${ref.replace('.', '-')}`, ref, grid, objective: null, text, byWhenRaw: date, ownersRaw: owners.join(' & '), owners, due: { kind: 'date', date }, source: { line } };
}

/**
 * On 2 June 2025: 1.1 is due in a week (Sam is reminded), 1.2 is 28 days late (Sam and Robin are
 * nudged), 2.1 is on track, 2.2 is the oldest overdue (no nudge today).
 */
export function testshirePlan(): Plan {
  const actions = [
    action('1.1', 1, 'Agree the needs assessment', ['SMLO'], '2025-06-09', 10),
    action('1.2', 1, scriptText, ['SMLO', 'SMO'], '2025-05-05', 11),
    action('2.1', 2, 'Review housing referrals', ['Commissioner'], '2025-09-30', 20),
    action('2.2', 2, 'Hold the annual review with providers', ['SMO'], '2025-04-30', 21),
  ];
  return {
    id: 'testshire-2025',
    partnership: 'Testshire Partnership',
    period: { start: '2025-04-01', end: '2026-03-31' },
    grids: [{ number: 1, title: 'Treatment' }, { number: 2, title: 'Housing' }],
    actions,
    roles: [{ name: 'SMLO', actions: 2 }, { name: 'SMO', actions: 2 }, { name: 'Commissioner', actions: 1 }],
    warnings: [],
  };
}

/** The runtime with the plan and roles loaded, and the local chat in front of it. */
export interface ChatDemo {
  runtime: Runtime;
  chat: LocalChat;
  store: Store;
  clock: DemoClock;
  close(): Promise<void>;
}

/** Starts everything with tables under `prefix` (unique per test file). */
export async function startChatDemo(prefix: string, options: Pick<RuntimeOptions, 'extraRoutes'> = {}): Promise<ChatDemo> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', TABLE_PREFIX: prefix, SENDS_PER_SECOND: '50' });
  const store = await openTableStore(inject('tablesConnectionString'), prefix);
  const clock = demoClock(new Date(`${monday}T08:00:00Z`));
  const runtime = await startRuntime(config, { store, clock, logger: createLogger('silent'), schedule: false, ...options });
  await storePlan(runtime.services, testshirePlan(), tenantId);
  for (const person of people) {
    for (const role of person.roles) await store.roles.assign(tenantId, role, person.id, { id: 'test', name: 'test' }, `${monday}T08:00:00Z`);
  }
  const chat = await startLocalChat({ runtime, people: people.map(({ id, name }) => ({ id, name })), tenantId, port: 0, clock });
  return {
    runtime, chat, store, clock,
    async close() {
      await chat.close();
      await runtime.stop();
    },
  };
}

/** Calls the page's API as the page does. */
export async function pageApi<T>(chat: LocalChat, path: string, body?: object): Promise<{ status: number; body: T }> {
  const res = await fetch(`${chat.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

/** All the text of a chat entry and its cards, flattened, for assertions in the user's words. */
export function entryText(entry: { text: string | null; cards: object[] }): string {
  const parts: string[] = entry.text ? [entry.text] : [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.entries(node).forEach(([k, v]) => { if (k !== 'data' && k !== 'id' && k !== 'type') walk(v); });
  };
  walk(entry.cards);
  return parts.join(' ');
}
