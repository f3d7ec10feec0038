// What the table store must survive between its writes: a sweep reading the due index while an answer
// is half-written, and a failure between an action's new progress and its history entry. A storage
// proxy holds or drops the chosen request, so the interleaving really happens.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import { openTableStore } from '../../src/store/tableStore.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { action, answer, plan, progressOf, startOf } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
let proxy: StorageProxy;

beforeAll(async () => { proxy = await startStorageProxy(portOf(connectionString)); });
afterAll(async () => proxy?.close());

// An answer writes its action row with the partition's tally in one transaction ($batch).
const actionWrite = (req: { method: string; path: string }) => req.method === 'POST' && req.path.endsWith('/$batch');
const historyWrite = (req: { method: string; path: string }) => req.method === 'POST' && req.path.endsWith('History');

describe('the due index while an answer is being saved', () => {
  it("a sweep reading between the new pointer and the action row does not hide the action for good", async () => {
    const prefix = 'wfRace';
    const answering = await openTableStore(proxy.connectionString, prefix);
    const sweeping = await openTableStore(connectionString, prefix);
    await answering.plans.savePlan(plan('p', [action('a1', '1', 'Needle exchange review', ['SMLO'], '2008-09-11')]), startOf('2008-09-01'), '2008-09-01T09:00:00Z');
    const before = await answering.actions.get('p', 'a1');
    if (!before) throw new Error('a1 missing');

    // Sam delays the action to December; the action row's write is held after the new pointer is in.
    const held = proxy.hold(actionWrite);
    const saving = answering.actions.update(before, progressOf('delayed', '2008-12-05', '2008-09-11T08:59:00Z', 'provider late'), answer('open', 'delayed', '2008-09-11T08:59:00Z', 'delayed to 2008-12-05', '2008-12-05'));
    await held.arrived;
    // The 09:00 sweep runs now: it sees the December pointer and a row still due in September.
    expect((await sweeping.actions.dueBy('2008-12-31')).map((s) => s.progress.dueDate)).toEqual(['2008-09-11']);
    held.release();
    expect((await saving).ok).toBe(true);

    expect((await sweeping.actions.dueBy('2008-12-31')).map((s) => [s.action.id, s.progress.dueDate])).toEqual([['a1', '2008-12-05']]);
    expect(await sweeping.actions.dueBy('2008-11-30')).toEqual([]);
  });
});

describe('an answer and its history', () => {
  it('a failure between the action row and its history row loses neither: the history is repaired from the row', async () => {
    const prefix = 'wfHistory';
    const store = await openTableStore(proxy.connectionString, prefix);
    await store.plans.savePlan(plan('p', [action('a1', '1', 'Publish the directory', ['SMO'], '2008-10-01')]), startOf('2008-09-01'), '2008-09-01T09:00:00Z');
    const before = await store.actions.get('p', 'a1');
    if (!before) throw new Error('a1 missing');

    proxy.cut(historyWrite);
    const result = await store.actions.update(before, progressOf('done', null, '2008-09-30T10:00:00Z'), answer('open', 'done', '2008-09-30T10:00:00Z', 'done'));
    proxy.heal();
    expect(result.ok).toBe(true);
    expect((await store.actions.get('p', 'a1'))?.progress.status).toBe('done');

    const history = await store.actions.history('p', 'a1');
    expect(history.map((c) => [c.to, c.summary, c.by.name])).toEqual([['done', 'done', 'Sam Smlo']]);
    // Reading it wrote the missing row back, so the History table is whole again.
    const rows = [];
    for await (const row of TableClient.fromConnectionString(connectionString, `${prefix}History`, { allowInsecureConnection: true }).listEntities()) rows.push(row.summary);
    expect(rows).toEqual(['done']);
    // A later answer's history follows it, in order.
    const done = await store.actions.get('p', 'a1');
    if (!done) throw new Error('a1 missing');
    await store.actions.update(done, progressOf('open', '2008-10-01', '2008-10-01T10:00:00Z'), answer('done', 'open', '2008-10-01T10:00:00Z', 'reopened'));
    expect((await store.actions.history('p', 'a1')).map((c) => c.summary)).toEqual(['done', 'reopened']);
  });
});
