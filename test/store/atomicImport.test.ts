// A re-import is all or nothing: storage that stops answering between the partitions of a re-import
// leaves every reader on the previous version exactly (same rows, same ETags), and trying again lands
// the new version whole. An answer given while a re-import is written is carried into the new version.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.ts';
import type { Store } from '../../src/domain/ports.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { portOf, startStorageProxy, type StorageProxy, type StorageRequest } from '../support/storageProxy.ts';
import { action, answer, plan, progressOf, startOf } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
let proxy: StorageProxy;

beforeAll(async () => { proxy = await startStorageProxy(portOf(connectionString)); });
afterAll(async () => proxy?.close());

const isBatch = (req: StorageRequest): boolean => req.method === 'POST' && req.path.endsWith('/$batch');
const TODAY = '2008-11-24';
const month = (i: number): string => `2008-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** 150 actions over two partitions, owned by the SMLO or the DAT Co-ordinator, due September to December. */
const v1: Plan = inTenant(plan('wight', Array.from({ length: 150 }, (_, i) => action(`a${i}`, `1.${i}`, `Action ${i} of the harm reduction grid`, [i % 2 ? 'SMLO' : 'DAT Co-ordinator'], month(i), i + 1))));

/** The plans are tenant t1's, so lists by role find them. */
function inTenant(p: Plan): Plan {
  return { ...p, tenantId: 't1' };
}

/** Reworded and moved, new owners, ten removed, twelve added. */
const v2: Plan = inTenant(plan('wight', [
  ...v1.actions.slice(0, 140).map((a, i) => (i < 20 ? { ...a, text: `${a.text}, revised`, byWhenRaw: '2009-02-02', due: { kind: 'date' as const, date: '2009-02-02' } }
    : i < 30 ? { ...a, owners: ['Housing Officer'], ownersRaw: 'Housing Officer' } : a)),
  ...Array.from({ length: 12 }, (_, i) => action(`n${i}`, `2.${i}`, `New action ${i}`, ['Housing Officer'], '2009-01-15', 200 + i)),
]));

/** Everything a reader can see of the plan, ETags included: equal snapshots mean nothing changed. */
async function seen(store: Store) {
  const [plans, whole, list, page, openPage, tally, due, blocked, byRef, smlo, housing, one, history] = await Promise.all([
    store.plans.listPlans(), store.plans.getPlan('wight'), store.actions.listPlanActions('wight'),
    store.actions.planPage('wight', 40), store.actions.planPage('wight', 40, { statuses: ['open'] }),
    store.actions.tally('wight'), store.actions.dueBy('2009-12-31'), store.actions.blocked(), store.actions.findByRef('1.5'),
    store.actions.ofRoles('t1', ['SMLO']), store.actions.ofRoles('t1', ['Housing Officer']), store.actions.get('wight', 'a3'), store.actions.history('wight', 'a3'),
  ]);
  const byKey = (a: { planId: string; action: { id: string } }, b: { planId: string; action: { id: string } }) => a.action.id.localeCompare(b.action.id);
  return { plans, whole, list, page, openPage, tally: tally?.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), due, blocked, byRef, smlo: smlo.sort(byKey), housing: housing.sort(byKey), one, history };
}

/** The same, without what differs between two stores that hold the same plan (ETags, times, revision ids). */
function content(snapshot: Awaited<ReturnType<typeof seen>>): unknown {
  return JSON.parse(JSON.stringify(snapshot, (key, value: unknown) => (['etag', 'importedAt', 'revision', 'key'].includes(key) ? undefined : value)));
}

/** A store at `prefix` holding v1 with three answers. */
async function seeded(prefix: string): Promise<Store> {
  const store = await openTableStore(connectionString, prefix);
  await store.plans.savePlan(v1, startOf(TODAY), '2008-11-24T09:00:00Z');
  for (const [id, status, due] of [['a1', 'done', null], ['a2', 'blocked', null], ['a3', 'delayed', '2009-01-20']] as const) {
    const before = await store.actions.get('wight', id);
    if (!before) throw new Error(`${id} missing`);
    const saved = await store.actions.update(before, progressOf(status, due, '2008-11-24T10:00:00Z', status === 'done' ? null : 'waiting on the provider'), answer('open', status, '2008-11-24T10:00:00Z', status, due));
    if (!saved.ok) throw new Error(`${id} not answered`);
  }
  return store;
}

let reference: unknown;
let batchesBeforeCommit = 0;

describe('a re-import that fails between partitions', () => {
  beforeAll(async () => {
    // A clean re-import through the proxy: what the new version looks like, and how many transactions come before its commit.
    await seeded('atomRef');
    const store = await openTableStore(proxy.connectionString, 'atomRef');
    const from = proxy.requests.length;
    await store.plans.savePlan(v2, startOf(TODAY), '2008-11-25T09:00:00Z');
    const during = proxy.requests.slice(from);
    const commit = during.findIndex((r) => r.method === 'PUT' && r.path.includes('atomRefPlans('));
    batchesBeforeCommit = during.slice(0, commit).filter(isBatch).length;
    reference = content(await seen(await openTableStore(connectionString, 'atomRef')));
  });

  it('is counted: the re-import writes several partitions before its commit', () => {
    expect(batchesBeforeCommit).toBeGreaterThan(3);
  });

  for (const [name, at, crash] of [
    ['the first transaction', () => 1, false],
    // The action rows go last, one transaction per partition: this fails the second partition of two.
    ['the second-to-last transaction before the commit', () => batchesBeforeCommit - 1, true],
    ['the last transaction before the commit', () => batchesBeforeCommit, false],
  ] as const) {
    it(`storage failing from ${name}${crash ? ' (and every request after: a crash)' : ''} leaves the previous version exactly; trying again lands the new one`, async () => {
      const prefix = `atom${at()}${crash ? 'c' : 'b'}`;
      const direct = await seeded(prefix);
      const before = await seen(direct);
      const importing = await openTableStore(proxy.connectionString, prefix);
      let count = 0;
      const nth = at();
      proxy.cut((req) => (isBatch(req) && ++count >= nth) || (crash && count >= nth));
      try {
        await expect(importing.plans.savePlan(v2, startOf(TODAY), '2008-11-25T09:00:00Z')).rejects.toThrow();
      } finally {
        proxy.heal();
      }
      expect(count).toBeGreaterThanOrEqual(nth);
      // Every read path, from a store with nothing cached, shows the previous version: same rows, same ETags.
      expect(await seen(await openTableStore(connectionString, prefix))).toEqual(before);

      // Trying again lands the new version, the same as a re-import that never failed.
      const report = await importing.plans.savePlan(v2, startOf(TODAY), '2008-11-25T09:00:00Z');
      expect([report.kept, report.added.length, report.removed.length]).toEqual([140, 12, 10]);
      expect(content(await seen(await openTableStore(connectionString, prefix)))).toEqual(reference);
    });
  }

  it('storage failing after the commit (only tidying left) still lands the new version whole', async () => {
    const direct = await seeded('atomAfter');
    const importing = await openTableStore(proxy.connectionString, 'atomAfter');
    let count = 0;
    proxy.cut((req) => isBatch(req) && ++count > batchesBeforeCommit);
    try {
      await importing.plans.savePlan(v2, startOf(TODAY), '2008-11-25T09:00:00Z');
    } finally {
      proxy.heal();
    }
    expect(content(await seen(direct))).toEqual(reference);
    // The next import tidies what was left and changes nothing a reader sees.
    await importing.plans.savePlan(v2, startOf(TODAY), '2008-11-26T09:00:00Z');
    expect(content(await seen(direct))).toEqual(JSON.parse(JSON.stringify(reference).replaceAll('2008-11-25T09:00:00Z', '2008-11-26T09:00:00Z')));
  });
});

describe('an answer given while a re-import is written', () => {
  it('is in the new version once it lands: progress, history and tally', async () => {
    const direct = await seeded('atomAnswer');
    const importing = await openTableStore(proxy.connectionString, 'atomAnswer');
    // The re-import's first transaction waits while Sam answers a5 (straight to storage).
    const held = proxy.hold(isBatch);
    const saving = importing.plans.savePlan(v2, startOf(TODAY), '2008-11-25T09:00:00Z');
    await held.arrived;
    const a5 = await direct.actions.get('wight', 'a5');
    if (!a5) throw new Error('a5 missing');
    const answered = await direct.actions.update(a5, progressOf('done', null, '2008-11-25T09:00:30Z'), answer('open', 'done', '2008-11-25T09:00:30Z', 'done during the import'));
    expect(answered.ok).toBe(true);
    held.release();
    const report = await saving;
    expect(report.kept).toBe(140);

    const after = await openTableStore(connectionString, 'atomAnswer');
    expect((await after.actions.get('wight', 'a5'))?.progress.status).toBe('done');
    expect((await after.actions.history('wight', 'a5')).map((c) => c.summary)).toEqual(['done during the import']);
    const doneCount = (await after.actions.tally('wight'))?.filter((e) => e.status === 'done').reduce((n, e) => n + e.count, 0);
    expect(doneCount).toBe(2);
    expect((await after.actions.dueBy('2009-12-31')).map((s) => s.action.id)).not.toContain('a5');
  });
});
