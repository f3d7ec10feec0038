// The weekly briefing reads each plan without its actions' rows: counts from the tally, the oldest overdue
// from the due index, the week's snapshot from three properties of each row ($select). At 100,000 actions
// the whole plan read (twice, for the cards and then the snapshots) was the bot's peak memory. Through a
// storage proxy that sees every query; the snapshot kept must still be every action's status and date.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importDemoPlans } from '../../src/demoData.ts';
import { runBriefing } from '../../src/scheduler/briefing.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet } from '../support/cardPress.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { testTenantId } from '../support/teamsActivity.ts';

const PREFIX = 'brfReads';
const demo = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { leadRoles: Record<string, string>; people: { id: string; name: string; roles: string[] }[] };
const jane = demo.people.find((p) => p.name === 'Jane Smith');

let bot: BotHarness;
let proxy: StorageProxy;
beforeAll(async () => {
  bot = await startBotHarness(PREFIX, '2026-11-30T08:00:00Z');
  proxy = await startStorageProxy(portOf(inject('tablesConnectionString')));
  await importDemoPlans(bot.runtime.services, 'seeds/plans', testTenantId, demo.leadRoles);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
}, 60_000);
afterAll(async () => { await bot?.close(); await proxy?.close(); });

describe('what the weekly briefing reads', () => {
  it('no action row whole, and a snapshot of every action', async () => {
    const store = await openTableStore(proxy.connectionString, PREFIX);
    const sent = await runBriefing({ ...bot.runtime.services, store }, bot.runtime.messenger, new Date('2026-11-30T09:00:00Z'));
    expect(sent).toBeGreaterThan(0);
    const text = textOf(cardsAbout(bot, { aadObjectId: jane?.id ?? '', name: 'Jane Smith' }, 'Weekly briefing')[0]);
    expect(text).toMatch(/\d+ actions: \d+ open, \d+ delayed, \d+ blocked, \d+ done; \d+ overdue/);

    const actionQueries = proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`${PREFIX}Actions()`));
    expect(actionQueries.length).toBeGreaterThan(0);
    for (const q of actionQueries) expect(q.query, 'a query of the Actions table without $select reads whole rows').toContain('$select=');

    for (const plan of await bot.store.plans.listPlans()) {
      const actions = await bot.store.actions.listPlanActions(plan.id);
      const kept = await bot.store.briefings.snapshotBefore(plan.id, '2026-12-07');
      expect(kept?.asOf).toBe('2026-11-30');
      expect(kept?.actions).toEqual(Object.fromEntries(actions.map((a) => [a.action.id, { status: a.progress.status, dueDate: a.progress.dueDate }])));
    }
  });
});
