// A cancelled CSV download stops reading storage at once (src/dashboard/actionsCsv.ts with the store's
// pages): before, the export read on through a page of 500 actions and their histories after the person
// had gone, slowing everyone's next request. Real Azurite, a plan bigger than one page.
import { describe, expect, inject, it } from 'vitest';
import { loadDirectory } from '../../src/app/directory.ts';
import { writeActionsCsv } from '../../src/dashboard/actionsCsv.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { action, plan, startOf, unique } from '../store/fixtures.ts';

const connectionString = inject('tablesConnectionString');
const PREFIX = 'csvstop';

describe('a cancelled CSV export', () => {
  it('stops within the page it was reading, and says why', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}${unique()}`.slice(0, 30));
    const actions = Array.from({ length: 520 }, (_, i) => action(`a${i}`, `1.${i}`, `Action ${i}`, ['SMLO'], '2008-06-30', i));
    await store.plans.savePlan(plan('big', actions), startOf('2008-04-01'), '2008-04-01T09:00:00Z');
    const stop = new AbortController();
    const written: string[] = [];
    // The person goes away once the header has reached them.
    const write = async (text: string): Promise<void> => { written.push(text); stop.abort(); };
    await expect(writeActionsCsv(store, await loadDirectory(store), '2008-11-24', await store.plans.listPlans(), write, stop.signal)).rejects.toThrow(/abort/i);
    expect(written).toHaveLength(1);
    // Not cancelled, the same export writes every action.
    const all: string[] = [];
    await writeActionsCsv(store, await loadDirectory(store), '2008-11-24', await store.plans.listPlans(), async (text) => { all.push(text); });
    expect(all.join('').split('\r\n').filter((line) => line.startsWith('"Isle of Wight DAT"')).length).toBe(520);
  });
});
