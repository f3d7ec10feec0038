// The blocked index (src/store/blockedIndex.ts) against a real Azurite: its pointers are exactly the
// blocked actions counted one by one, through answers, undo, a re-import and an undo of imports; the
// sweep's question reads the pointers and those actions, never the whole Actions table; a pointer left
// behind is ignored and tidied, one written just ahead of its row is left alone; a store written before
// the index is scanned once and then read through it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { odata, TableClient } from '@azure/data-tables';
import type { PlanAction } from '../../src/domain/plan.ts';
import type { Store, StoredAction } from '../../src/domain/ports.ts';
import type { ActionProgress } from '../../src/domain/progress.ts';
import { keyToText } from '../../src/store/keys.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { action, answer, plan, progressOf, startOf, unique } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
const PREFIX = 'blkix';
const TODAY = '2008-11-24';
const AT = '2008-11-24T10:00:00Z';

let proxy: StorageProxy;
beforeAll(async () => { proxy = await startStorageProxy(portOf(connectionString)); });
afterAll(async () => proxy?.close());

const client = (prefix: string, name: string): TableClient => TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: true });

/** The pointer rows as stored (the marker row left out). */
async function pointers(prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const row of client(prefix, 'Blocked').listEntities()) {
    if (row.partitionKey !== '~index') found.push(`${keyToText(row.partitionKey ?? '')}|${keyToText(row.rowKey ?? '')}`);
  }
  return found.sort();
}

const keys = (actions: StoredAction[]): string[] => actions.map((a) => `${a.planId}|${a.action.id}`).sort();

/** The blocked actions counted one by one: every action of every plan, read whole. */
async function counted(store: Store): Promise<string[]> {
  const plans = await store.plans.listPlans();
  const all = (await Promise.all(plans.map((p) => store.actions.listPlanActions(p.id)))).flat();
  return keys(all.filter((a) => a.progress.status === 'blocked'));
}

/** The index, what the sweep is given, and a full count agree. */
async function agrees(store: Store, prefix: string, expected: number): Promise<void> {
  const truth = await counted(store);
  expect(truth).toHaveLength(expected);
  expect(keys(await store.actions.blocked())).toEqual(truth);
  expect(await pointers(prefix)).toEqual(truth);
}

const actionsOf = (n: number, from = 0): PlanAction[] => Array.from({ length: n }, (_, k) => {
  const i = from + k;
  return action(`a${i}`, `1.${i}`, `Action ${i}`, i % 3 === 0 ? ['SMLO', 'DAT Co-ordinator'] : ['SMLO'], `2009-${String(1 + (i % 12)).padStart(2, '0')}-15`, i);
});

async function seeded(count = 230): Promise<{ store: Store; prefix: string }> {
  const prefix = `${PREFIX}${unique()}`;
  const store = await openTableStore(connectionString, prefix);
  await store.plans.savePlan(plan('wight', actionsOf(count)), startOf(TODAY), '2008-11-01T09:00:00Z');
  return { store, prefix };
}

/** An answer as a person gives it; returns the progress it replaced (what "undo" puts back). */
async function answerOn(store: Store, planId: string, id: string, status: 'done' | 'delayed' | 'blocked' | 'open', at = AT, reason: string | null = null): Promise<ActionProgress> {
  const now = await store.actions.get(planId, id);
  if (!now) throw new Error(`${id} missing`);
  const due = status === 'delayed' ? '2009-06-30' : now.progress.dueDate;
  const result = await store.actions.update(now, progressOf(status, due, at, reason), answer(now.progress.status, status, at, status, due));
  expect(result.ok).toBe(true);
  return now.progress;
}

describe('the blocked index', () => {
  it('equals the blocked actions counted one by one through answers, undo, a re-import and undoing imports', async () => {
    const { store, prefix } = await seeded();
    await agrees(store, prefix, 0);

    // Many answers at once over many partitions; one re-blocked with a new reason; three unblocked.
    const blockedIds = Array.from({ length: 12 }, (_, k) => `a${k * 17}`);
    await Promise.all(blockedIds.map((id) => answerOn(store, 'wight', id, 'blocked', AT, 'no budget')));
    await agrees(store, prefix, 12);
    await answerOn(store, 'wight', 'a17', 'blocked', '2008-11-24T11:00:00Z', 'still no budget');
    await Promise.all([answerOn(store, 'wight', 'a34', 'done', '2008-11-24T11:00:00Z'), answerOn(store, 'wight', 'a51', 'delayed', '2008-11-24T11:00:00Z'), answerOn(store, 'wight', 'a68', 'open', '2008-11-24T11:00:00Z')]);
    await agrees(store, prefix, 9);

    // Undo: a block taken back, and an unblock taken back.
    const before = await answerOn(store, 'wight', 'a200', 'blocked', '2008-11-24T12:00:00Z', 'oops');
    await agrees(store, prefix, 10);
    const undone = await store.actions.get('wight', 'a200');
    if (!undone) throw new Error('a200 missing');
    expect((await store.actions.update(undone, { ...before, updatedAt: '2008-11-24T12:01:00Z' }, answer('blocked', before.status, '2008-11-24T12:01:00Z', 'undone'))).ok).toBe(true);
    await agrees(store, prefix, 9);
    const wasBlocked = await answerOn(store, 'wight', 'a85', 'done', '2008-11-24T12:02:00Z');
    await agrees(store, prefix, 8);
    const redo = await store.actions.get('wight', 'a85');
    if (!redo) throw new Error('a85 missing');
    expect((await store.actions.update(redo, { ...wasBlocked, updatedAt: '2008-11-24T12:03:00Z' }, answer('done', 'blocked', '2008-11-24T12:03:00Z', 'undone'))).ok).toBe(true);
    await agrees(store, prefix, 9);

    // A re-import drops two blocked actions (a0, a102), moves one's date (a119) and adds five: blocked ones keep their block.
    const v1 = plan('wight', actionsOf(230));
    const v2 = plan('wight', [
      ...actionsOf(230).filter((a) => a.id !== 'a0' && a.id !== 'a102').map((a) => (a.id === 'a119' ? { ...a, byWhenRaw: '2009-09-30', due: { kind: 'date' as const, date: '2009-09-30' } } : a)),
      ...actionsOf(5, 300),
    ]);
    const report = await store.plans.savePlan(v2, startOf(TODAY), '2008-11-25T09:00:00Z');
    expect(report.removed.map((a) => a.id).sort()).toEqual(['a0', 'a102']);
    await agrees(store, prefix, 7);

    // Undoing it puts the first version back (the dropped actions return open, as undo import does).
    await store.plans.savePlan(v1, startOf(TODAY), '2008-11-25T09:05:00Z');
    await agrees(store, prefix, 7);

    // A new plan with blocked actions, whose import is undone (a new plan is left with no actions).
    await store.plans.savePlan(plan('other', actionsOf(20)), startOf(TODAY), '2008-11-25T10:00:00Z');
    await Promise.all(['a1', 'a2', 'a3'].map((id) => answerOn(store, 'other', id, 'blocked', '2008-11-25T10:01:00Z', 'waiting on the council')));
    await agrees(store, prefix, 10);
    await store.plans.savePlan(plan('other', []), startOf(TODAY), '2008-11-25T10:05:00Z');
    await agrees(store, prefix, 7);
  }, 60_000);

  it('reads the pointers and the blocked actions, never the whole Actions table', async () => {
    const prefix = `${PREFIX}${unique()}`;
    const store = await openTableStore(proxy.connectionString, prefix);
    await store.plans.savePlan(plan('wight', actionsOf(230)), startOf(TODAY), '2008-11-01T09:00:00Z');
    await Promise.all(['a3', 'a40', 'a99'].map((id) => answerOn(store, 'wight', id, 'blocked', AT, 'no budget')));
    await store.actions.blocked(); // a store's first read may build the index
    const from = proxy.requests.length;
    expect(keys(await store.actions.blocked())).toEqual(['wight|a3', 'wight|a40', 'wight|a99']);
    const reads = proxy.requests.slice(from).filter((r) => r.method === 'GET' && decodeURIComponent(r.path).includes(`${prefix}Actions`));
    // Three point reads of the blocked rows, no query over the table.
    expect(reads.filter((r) => decodeURIComponent(r.path).includes(`${prefix}Actions()`))).toEqual([]);
    expect(reads).toHaveLength(3);
  });

  it('ignores and tidies a pointer left behind, and leaves one written just ahead of its row', async () => {
    const { store, prefix } = await seeded(40);
    await answerOn(store, 'wight', 'a1', 'blocked', AT, 'no budget');
    await store.actions.blocked();
    const index = client(prefix, 'Blocked');
    // Left behind: a pointer whose action was written after it and is not blocked, and one to an action
    // not in the plan.
    await index.upsertEntity({ partitionKey: 'wight', rowKey: 'a2' });
    await answerOn(store, 'wight', 'a2', 'delayed', '2008-11-24T10:05:00Z');
    await index.upsertEntity({ partitionKey: 'wight', rowKey: 'gone' });
    // Just ahead of its row: a block being written (the pointer is newer than the row, and fresh).
    await index.upsertEntity({ partitionKey: 'wight', rowKey: 'a3' });
    expect(keys(await store.actions.blocked())).toEqual(['wight|a1']);
    expect(await pointers(prefix)).toEqual(['wight|a1', 'wight|a3']);
    // The block lands: it is found through the pointer already there.
    await answerOn(store, 'wight', 'a3', 'blocked', '2008-11-24T10:06:00Z', 'no room');
    expect(keys(await store.actions.blocked())).toEqual(['wight|a1', 'wight|a3']);
    await agrees(store, prefix, 2);
  });

  it('points at the blocked actions of a store written before the index, once, then reads through it', async () => {
    const { store, prefix } = await seeded(60);
    await Promise.all(['a5', 'a6', 'a50'].map((id) => answerOn(store, 'wight', id, 'blocked', AT, 'no budget')));
    // As a store from before the index: no pointers, no marker.
    const index = client(prefix, 'Blocked');
    for await (const row of index.listEntities()) await index.deleteEntity(row.partitionKey ?? '', row.rowKey ?? '');
    const reopened = await openTableStore(connectionString, prefix);
    expect(keys(await reopened.actions.blocked())).toEqual(['wight|a5', 'wight|a50', 'wight|a6']);
    await agrees(reopened, prefix, 3);
    const marker = await index.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'~index'}` } }).next();
    expect(marker.value?.rowKey).toBe('built');
  });
});
