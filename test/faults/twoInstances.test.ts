// Two bot instances share one store and run the morning sweep at the same moment: the send-once
// ledger (createEntity, 409 on an existing claim) lets exactly one of them send each person's digest,
// and each reminder in it once.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runSweep } from '../../src/scheduler/sweep.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import type { Store } from '../../src/domain/ports.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { captureLogs, cardsTo, deliveries, meetPerson, planOf, savePlan, sweepInstance, testClock } from '../support/faultWorld.ts';

const prefix = 'faultTwoInstances';
const commissioner = { aadObjectId: 'c0000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const smlo1 = { aadObjectId: 'c0000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const smlo2 = { aadObjectId: 'c0000000-0000-4000-8000-000000000003', name: 'Ali Khan' };
const dat = { aadObjectId: 'c0000000-0000-4000-8000-000000000004', name: 'Pat Lee' };
const people = [commissioner, smlo1, smlo2, dat];
// Due today (Tuesday 13 September 2011): every owner gets the "due today" reminder.
const texts = Array.from({ length: 12 }, (_, i) => `Review the needle exchange contract ${String(i + 1).padStart(2, '0')}`);
const rows = texts.map((text, i) => ({ ref: `1.${i + 1}`, text, owners: i % 2 === 0 ? ['SMLO'] : ['DAT Co-ordinator'], due: '2011-09-13' }));
const unheld = { ref: '9.1', text: 'Appoint a young people lead', owners: ['Young People Lead'], due: '2011-09-13' };
const at = '2011-09-13T08:00:00Z';

let connector: TestConnector;
let storeA: Store;
let storeB: Store;

beforeAll(async () => {
  connector = await startConnector();
  // Two separately opened stores on the same tables, as two processes would have.
  storeA = await openTableStore(inject('tablesConnectionString'), prefix);
  storeB = await openTableStore(inject('tablesConnectionString'), prefix);
  await savePlan(storeA, planOf('twin', [...rows, unheld]), '2011-09-01T08:00:00Z');
  await meetPerson(storeA, connector, commissioner, ['Commissioner']);
  await meetPerson(storeA, connector, smlo1, ['SMLO']);
  await meetPerson(storeA, connector, smlo2, ['SMLO']);
  await meetPerson(storeA, connector, dat, ['DAT Co-ordinator']);
});
afterAll(async () => connector?.close());

describe('two bot instances sweep at the same moment', () => {
  it('every owner gets one digest with each reminder exactly once, and the commissioner one escalation digest', async () => {
    const logs = captureLogs();
    const a = sweepInstance(storeA, testClock(at), logs.logger);
    const b = sweepInstance(storeB, testClock(at), logs.logger);
    const [reportA, reportB] = await Promise.all([runSweep(a.services, a.messenger, new Date(at)), runSweep(b.services, b.messenger, new Date(at))]);

    // One digest each for the two SMLOs (6 actions each) and the DAT Co-ordinator (6), and one escalation
    // digest for the commissioner: the young people action is due and nobody holds its role.
    expect(reportA.sent + reportB.sent).toBe(4);
    expect(reportA.items + reportB.items).toBe(19);
    expect(reportA.failed + reportB.failed).toBe(0);
    // Both really competed: each skipped what the other had claimed.
    expect(reportA.skipped + reportB.skipped).toBe(4);
    const counts = deliveries(connector, people, texts);
    expect(counts.size).toBe(18);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(cardsTo(connector, commissioner).filter((c) => JSON.stringify(c.body).includes('Young People Lead'))).toHaveLength(1);
    for (const person of people) expect(cardsTo(connector, person)).toHaveLength(1);
    expect(connector.calls.filter((c) => c.kind === 'send')).toHaveLength(4);
    expect(await storeA.reminders.stats()).toMatchObject({ failed: 0, claimed: 0 });
  });

  it('a third sweep the same morning sends nothing more', async () => {
    const logs = captureLogs();
    const c = sweepInstance(storeB, testClock(at), logs.logger);
    const report = await runSweep(c.services, c.messenger, new Date('2011-09-13T10:30:00Z'));
    expect(report.sent).toBe(0);
    expect(report.skipped).toBe(4);
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(4);
  });
});
