// A narrowed page of a large plan (the tab's owner filter) told how many actions match: it reads one
// window wide enough to hold a page of them, not a window and then a wider one, and whatever the hint
// says (exact, too low, too high, none match) the page is the same. Against a real Azurite, through a
// proxy that counts the reads.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PageWhere } from '../../src/domain/ports.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { action, plan, startOf, unique } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
let proxy: StorageProxy;

beforeAll(async () => { proxy = await startStorageProxy(portOf(connectionString)); });
afterAll(async () => proxy?.close());

// 3,000 actions; one in ten is the SMLO's, spread through the plan: a page of 200 needs 2,000 positions.
const SIZE = 3_000;
const actions = Array.from({ length: SIZE }, (_, i) => action(`a${i}`, `${Math.floor(i / 100) + 1}.${i % 100}`, `Action ${i}`, [i % 10 === 3 ? 'SMLO' : 'DAT Co-ordinator'], '2009-03-01', i));
const smlo = actions.filter((a) => a.owners.includes('SMLO')).map((a) => a.id);

describe('a narrowed page told how many match', () => {
  it('reads once when told, and lists the same actions whatever it is told', async () => {
    const prefix = `pm${unique()}`.slice(0, 24);
    const store = await openTableStore(proxy.connectionString, prefix);
    await store.plans.savePlan(plan('big', actions), startOf('2008-11-24'), '2008-11-24T09:00:00Z');
    const pageReads = async (where: PageWhere): Promise<{ ids: string[]; reads: number }> => {
      const before = proxy.requests.length;
      const ids = (await store.actions.planPage('big', 200, where)).map((a) => a.action.id);
      const reads = proxy.requests.slice(before).filter((r) => r.method === 'GET' && r.path.endsWith(`${prefix}Actions()`)).length;
      return { ids, reads };
    };

    const unhinted = await pageReads({ owner: 'SMLO' });
    expect(unhinted.ids).toEqual(smlo.slice(0, 200));
    // Without the count it reads 1,000 positions (100 found), then 2,000 more.
    expect(unhinted.reads).toBeGreaterThan(1);

    const hinted = await pageReads({ owner: 'smlo', matches: smlo.length });
    expect(hinted.ids).toEqual(smlo.slice(0, 200));
    expect(hinted.reads).toBe(1);

    // A count too high (the first window then holds too few) reads on; too low or none reads the plan once.
    for (const matches of [smlo.length * 20, 1, 0]) expect((await pageReads({ owner: 'SMLO', matches })).ids, `told ${matches}`).toEqual(smlo.slice(0, 200));
    expect((await pageReads({ owner: 'Nobody Owns This', matches: 0 })).ids).toEqual([]);
  });
});
