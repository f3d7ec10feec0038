// The weekly briefing's snapshot of a large plan: past ~9,000 actions it no longer fits one table row
// (found by the bot's own soak: the briefing of a 100,000-action plan failed every Monday). It is split
// over parts and read back whole; a save that died half way is never taken for a whole snapshot.
import { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import type { ActionSnapshot, PlanSnapshot } from '../../src/domain/briefing.ts';
import { openTableStore } from '../../src/store/tableStore.ts';

const connectionString = inject('tablesConnectionString');
const PREFIX = 'briefsnap';

function snapshotOf(asOf: string, count: number): PlanSnapshot {
  const actions: Record<string, ActionSnapshot> = {};
  for (let i = 0; i < count; i++) actions[`big-plan-${Math.floor(i / 100)}.${i % 100}-${i}`] = { status: i % 7 === 0 ? 'done' : 'open', dueDate: `2027-0${1 + (i % 9)}-${10 + (i % 19)}` };
  return { asOf, actions };
}

describe("the briefing's weekly snapshots", () => {
  it('keeps the snapshot of a 40,000-action plan and reads it back whole', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}a`);
    const week = snapshotOf('2026-12-07', 40_000);
    await store.briefings.saveSnapshot('big-plan', week);
    const read = await store.briefings.snapshotBefore('big-plan', '2026-12-14');
    expect(read?.asOf).toBe('2026-12-07');
    expect(Object.keys(read?.actions ?? {})).toHaveLength(40_000);
    expect(read).toEqual(week);
    // The day itself is not "before" it.
    expect(await store.briefings.snapshotBefore('big-plan', '2026-12-07')).toBeNull();
  });

  it('takes the newest whole week: a week whose part is missing is passed over', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}b`);
    const first = snapshotOf('2026-11-30', 30_000);
    const second = snapshotOf('2026-12-07', 30_000);
    await store.briefings.saveSnapshot('big-plan', first);
    await store.briefings.saveSnapshot('big-plan', second);
    expect((await store.briefings.snapshotBefore('big-plan', '2026-12-14'))?.asOf).toBe('2026-12-07');
    // As if the save of 7 Dec had died after its head row and before one of its parts.
    const table = TableClient.fromConnectionString(connectionString, `${PREFIX}bBriefings`, { allowInsecureConnection: true });
    await table.deleteEntity('big-plan', '2026-12-07|1');
    const read = await store.briefings.snapshotBefore('big-plan', '2026-12-14');
    expect(read?.asOf).toBe('2026-11-30');
    expect(read).toEqual(first);
  });

  it('a small plan is still one row', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}c`);
    await store.briefings.saveSnapshot('small-plan', snapshotOf('2026-12-07', 100));
    const table = TableClient.fromConnectionString(connectionString, `${PREFIX}cBriefings`, { allowInsecureConnection: true });
    const rows = [];
    for await (const row of table.listEntities({ queryOptions: { filter: "PartitionKey eq 'small-plan'" } })) rows.push(row.rowKey);
    expect(rows).toEqual(['2026-12-07']);
    expect(Object.keys((await store.briefings.snapshotBefore('small-plan', '2026-12-08'))?.actions ?? {})).toHaveLength(100);
  });
});
