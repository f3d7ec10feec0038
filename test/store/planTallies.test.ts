// The plan's own tally row (src/store/planTallies.ts) against a real Azurite: a count reads it, not the
// partitions' rows; it stays equal to the actions counted one by one through many answers at once; and a
// writer that died or lost its token never leaves a wrong count behind.
import { describe, expect, inject, it } from 'vitest';
import { odata, TableClient } from '@azure/data-tables';
import { tallyOf } from '../../src/app/planFigures.ts';
import type { Store, TallyEntry } from '../../src/domain/ports.ts';
import { TALLY_KEY } from '../../src/store/actionTally.ts';
import { STALE_MS } from '../../src/store/planTallies.ts';
import type { TableActionStore } from '../../src/store/tableActionStore.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { action, answer, plan, progressOf, startOf, unique } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
const PREFIX = 'ptally';
const TODAY = '2008-11-24';
const AT = '2008-11-24T10:00:00Z';
const ROLES = ['SMLO', 'DAT Co-ordinator', 'Public Health Lead'];

const sorted = (t: TallyEntry[] | null): string[] => (t ?? []).map((e) => `${e.grid}|${e.status}|${e.dueDate ?? ''}|${e.count}`).sort();
const client = (prefix: string, name: string): TableClient => TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: true });

async function rowsOf(table: TableClient, filter?: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of table.listEntities<Record<string, unknown>>(filter ? { queryOptions: { filter } } : {})) rows.push(row);
  return rows;
}

/** A store with one plan of 230 actions over several partitions, two grids and three roles. */
async function seeded(): Promise<{ store: Store; prefix: string; planId: string }> {
  const prefix = `${PREFIX}${unique()}`.slice(0, 30);
  const store = await openTableStore(connectionString, prefix);
  const planId = 'plan';
  const actions = Array.from({ length: 230 }, (_, i) => ({ ...action(`a${i}`, `${1 + (i % 2)}.${i}`, `Action ${i}`, i % 3 === 0 ? ['SMLO', 'DAT Co-ordinator'] : i % 7 === 0 ? ['Public Health Lead'] : ['SMLO'], i % 7 === 0 ? null : `2008-${String(1 + (i % 12)).padStart(2, '0')}-15`, i), grid: 1 + (i % 2) }));
  await store.plans.savePlan(plan(planId, actions), startOf(TODAY), '2008-11-01T09:00:00Z');
  return { store, prefix, planId };
}

/** The kept tally, whole and per role, equals the one counted from the actions. */
async function agrees(store: Store, planId: string): Promise<void> {
  const actions = await store.actions.listPlanActions(planId);
  expect(sorted(await store.actions.tally(planId))).toEqual(sorted(tallyOf(actions)));
  for (const role of [...ROLES, 'Nobody']) {
    const owned = actions.filter((a) => a.action.owners.some((o) => o.toLowerCase() === role.toLowerCase()));
    expect(sorted(await store.actions.tally(planId, role)), role).toEqual(sorted(tallyOf(owned)));
  }
}

async function answerOn(store: Store, planId: string, id: string, status: 'done' | 'delayed' | 'blocked', due: string | null): Promise<void> {
  const now = await store.actions.get(planId, id);
  if (!now) throw new Error(`${id} missing`);
  const result = await store.actions.update(now, progressOf(status, due, AT), answer(now.progress.status, status, AT, status, due));
  expect(result.ok).toBe(true);
}

describe("the plan's own tally row", () => {
  it('is what a count reads: with the partitions\' tally rows gone, the counts are still there', async () => {
    const { store, prefix, planId } = await seeded();
    const counted = tallyOf(await store.actions.listPlanActions(planId));
    const actions = client(prefix, 'Actions');
    const tallies = await rowsOf(actions, odata`RowKey eq ${TALLY_KEY}`);
    expect(tallies.length).toBeGreaterThan(1);
    for (const row of tallies) await actions.deleteEntity(String(row.partitionKey), String(row.rowKey));
    expect(sorted(await store.actions.tally(planId))).toEqual(sorted(counted));
  });

  it('stays equal to the actions counted one by one with many answers at once, and no writer is left in flight', async () => {
    const { store, prefix, planId } = await seeded();
    const answers = Array.from({ length: 24 }, (_, i) => answerOn(store, planId, `a${i * 9}`, i % 3 === 0 ? 'done' : i % 3 === 1 ? 'blocked' : 'delayed', i % 3 === 2 ? '2009-02-01' : null));
    await Promise.all(answers);
    await agrees(store, planId);
    const [head] = await rowsOf(client(prefix, 'PlanTallies'), odata`RowKey eq ${'r'}`);
    expect(head?.pending).toBe('[]');
    expect(head?.stale).toBe(false);
  }, 60_000);

  it('is counted afresh from the partitions when a writer died between its two writes, and kept again', async () => {
    const { store, prefix, planId } = await seeded();
    await answerOn(store, planId, 'a1', 'done', null);
    // A writer that died: its token is old, and the counts it should have moved were not.
    const table = client(prefix, 'PlanTallies');
    const [head] = await rowsOf(table, odata`RowKey eq ${'r'}`);
    if (!head) throw new Error('no plan tally row');
    await table.updateEntity({ partitionKey: String(head.partitionKey), rowKey: 'r', pending: JSON.stringify([['dead-writer', Date.now() - STALE_MS - 1_000]]), tally: '[]' }, 'Merge');
    await agrees(store, planId);
    const [after] = await rowsOf(table, odata`RowKey eq ${'r'}`);
    expect(after?.pending).toBe('[]');
    expect(after?.tally).not.toBe('[]');
  });

  it('is not trusted after a writer finds its token taken by a rebuild: it marks the row stale and the next read counts afresh', async () => {
    const { store, prefix, planId } = await seeded();
    const tallies = (store.actions as TableActionStore).planTallies;
    const token = await tallies.begin(planId, '');
    // A rebuild (or an import) replaced the row meanwhile, and with it the token; the counts there are now wrong.
    const table = client(prefix, 'PlanTallies');
    await table.updateEntity({ partitionKey: planId, rowKey: 'r', pending: '[]', tally: JSON.stringify([[1, 'done', null, 999]]) }, 'Merge');
    await tallies.finish(planId, '', token, { owners: ['SMLO'], from: { grid: 1, status: 'open', dueDate: '2008-01-15' }, to: { grid: 1, status: 'done', dueDate: null } });
    const [head] = await rowsOf(table, odata`RowKey eq ${'r'}`);
    expect(head?.stale).toBe(true);
    await agrees(store, planId);
  });

  it('follows re-imports: each version has its own row', async () => {
    const { store, planId } = await seeded();
    await answerOn(store, planId, 'a4', 'done', null);
    const v2 = Array.from({ length: 40 }, (_, i) => ({ ...action(`b${i}`, `3.${i}`, `New ${i}`, ['Public Health Lead'], '2009-03-01', i), grid: 2 }));
    await store.plans.savePlan(plan(planId, v2), startOf(TODAY), '2008-11-25T09:00:00Z');
    await agrees(store, planId);
    expect((await store.actions.tally(planId))?.reduce((n, e) => n + e.count, 0)).toBe(40);
    await answerOn(store, planId, 'b3', 'blocked', null);
    await store.plans.savePlan(plan(planId, [...v2, action('c1', '4.1', 'Later', ['SMLO'], '2009-04-01', 50)]), startOf(TODAY), '2008-11-26T09:00:00Z');
    await agrees(store, planId);
    expect((await store.actions.tally(planId))?.reduce((n, e) => n + e.count, 0)).toBe(41);
  });
});
