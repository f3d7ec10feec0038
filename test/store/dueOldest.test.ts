// "The oldest few overdue" from the due index (src/store/dueIndex.ts) against a real Azurite: read a
// window of days at a time, the marks returned are exactly the oldest ones the whole index holds, in
// order, across month tables, and reading stops soon after enough are found (not at the month's end).
import { describe, expect, inject, it } from 'vitest';
import type { DueMark } from '../../src/domain/ports.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { action, plan, startOf, unique } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
const PREFIX = 'dueold';
const TODAY = '2008-11-24';

// Due dates spread over the spring and summer: several windows and several month tables.
const DUE = ['2008-04-01', '2008-04-02', '2008-04-05', '2008-04-20', '2008-04-30', '2008-05-01', '2008-05-19', '2008-07-03', '2008-07-31', '2008-09-12'];

describe('the oldest due marks', () => {
  it('are the oldest the whole index holds, and reading stops near them', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}${unique()}`.slice(0, 30));
    const actions = DUE.flatMap((due, d) => [0, 1, 2].map((k) => action(`a${d}-${k}`, `${d + 1}.${k}`, `Action ${d}-${k}`, [k === 0 ? 'SMLO' : 'DAT Co-ordinator'], due, d * 3 + k)));
    await store.plans.savePlan(plan('oldest', actions), startOf('2008-03-01'), '2008-03-01T09:00:00Z');
    const all = await store.actions.dueMarks(TODAY);
    expect(all.map((m) => m.dueDate)).toEqual(DUE.flatMap((d) => [d, d, d]));
    const key = (m: DueMark): string => `${m.dueDate}|${m.actionId}`;
    for (const [count, keep] of [[1, () => true], [4, () => true], [2, (m: DueMark) => m.owners?.includes('SMLO') === true], [6, (m: DueMark) => m.owners?.includes('SMLO') === true]] as const) {
      const some = await store.actions.dueMarks(TODAY, { count, keep });
      const kept = some.filter(keep);
      // Whole up to what it read: the first `count` kept are the index's first `count` kept.
      expect(kept.slice(0, count).map(key)).toEqual(all.filter(keep).slice(0, count).map(key));
      // And it did not read on to the end of the month where it found them.
      const lastNeeded = all.filter(keep)[count - 1]?.dueDate ?? '';
      expect(some.every((m) => m.dueDate < `${lastNeeded.slice(0, 7)}-32` && m.dueDate <= addWeeks(lastNeeded))).toBe(true);
    }
  });
});

/** A little past a date: the widest window that could have been read with it (windows double from 2 days). */
function addWeeks(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 16);
  return d.toISOString().slice(0, 10);
}
