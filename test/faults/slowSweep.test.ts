// A sweep slowed by the connector (Retry-After, a slow Teams) runs past the claim lease. Its claims are
// stamped when made, so a second instance's start-up sweep does not think them abandoned and send
// them again. And with the sweep lease, only one instance runs each scheduled sweep.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Store } from '../../src/domain/ports.ts';
import { runSweep } from '../../src/scheduler/sweep.ts';
import { startReminderSchedule } from '../../src/scheduler/reminderSchedule.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { captureLogs, deliveries, meetPerson, planOf, savePlan, sweepInstance, testClock } from '../support/faultWorld.ts';

// Four owners with one action each: four messages (a person with several actions gets one digest).
const people = ['Sam Jones', 'Ann Lee', 'Raj Shah', 'Tom Kerr'].map((name, i) => ({ aadObjectId: `e1000000-0000-4000-8000-00000000000${i + 1}`, name }));
const texts = ['Audit the shared care protocol', 'Publish the alcohol strategy', 'Map the recovery community', 'Review the needle exchange contract'];
const plan = planOf('slow', texts.map((text, i) => ({ ref: `3.${i + 1}`, text, owners: [`Officer ${i + 1}`], due: '2011-09-13' })));
const at = '2011-09-13T08:00:00Z';
// Wide enough that one send and its mark (1.5 s here) stay inside the lease on a loaded machine.
const LEASE_MS = 5000;

let connector: TestConnector;
beforeAll(async () => { connector = await startConnector(); });
afterAll(async () => connector?.close());

async function world(prefix: string): Promise<[Store, Store]> {
  const store = await openTableStore(inject('tablesConnectionString'), prefix);
  await savePlan(store, plan, '2011-09-01T08:00:00Z');
  for (const [i, person] of people.entries()) await meetPerson(store, connector, person, [`Officer ${i + 1}`]);
  return [store, await openTableStore(inject('tablesConnectionString'), prefix)];
}

describe('a sweep slower than the claim lease', () => {
  it("a second instance starting mid-sweep sends nothing the first is still sending", async () => {
    const [storeA, storeB] = await world('faultSlowClaims');
    // Teams answers each send after 1.5 s: four sends one at a time take about six seconds.
    connector.fail({ status: 200, delayMs: 1500, times: 4 });
    const a = sweepInstance(storeA, testClock(at), captureLogs().logger);
    const sweepA = runSweep(a.services, a.messenger, new Date(at), { concurrency: 1, leaseMs: LEASE_MS });
    // Instance B starts 5.3 s in, past the lease since A's sweep began, while A is still sending.
    await new Promise((resolve) => setTimeout(resolve, 5300));
    const b = sweepInstance(storeB, testClock(at), captureLogs().logger);
    const reportB = await runSweep(b.services, b.messenger, new Date(Date.parse(at) + 5300), { reason: 'start-up catch-up', concurrency: 1, leaseMs: LEASE_MS });
    const reportA = await sweepA;

    const counts = deliveries(connector, people, texts);
    expect(texts.map((t, i) => counts.get(`${people[i]?.name}: ${t}`))).toEqual([1, 1, 1, 1]);
    expect(reportA.sent + reportB.sent).toBe(4);
  });
});

describe('the sweep lease', () => {
  it('of two instances whose cron fires together, one sweeps and the other leaves it, and says so', async () => {
    const [storeA, storeB] = await world('faultSweepLease');
    connector.clear();
    const logsA = captureLogs();
    const logsB = captureLogs();
    const a = sweepInstance(storeA, testClock(at), logsA.logger);
    const b = sweepInstance(storeB, testClock(at), logsB.logger);
    const scheduleA = startReminderSchedule(a.services, a.messenger, '0 3 1 1 *');
    const scheduleB = startReminderSchedule(b.services, b.messenger, '0 3 1 1 *');
    try {
      const [reportA, reportB] = await Promise.all([scheduleA.runScheduled(), scheduleB.runScheduled()]);
      expect([reportA, reportB].filter((r) => r !== null)).toHaveLength(1);
      expect((reportA ?? reportB)?.sent).toBe(4);
      const idle = reportA ? logsB : logsA;
      expect(idle.find('left to the instance holding its lease')).toHaveLength(1);
      expect((reportA ? scheduleB : scheduleA).last()).toMatchObject({ outcome: 'run by another instance' });
      expect((reportA ? scheduleA : scheduleB).last()).toMatchObject({ outcome: 'done', sent: 4 });
      expect(connector.calls.filter((c) => c.kind === 'send')).toHaveLength(4);
    } finally {
      await Promise.all([scheduleA.stop(), scheduleB.stop()]);
    }
  });
});

describe('escalations', () => {
  it('an escalation with nobody holding the lead role is logged, not dropped silently', async () => {
    const store = await openTableStore(inject('tablesConnectionString'), 'faultNoLead');
    // Blocked actions are escalated to the commissioner at once; nobody holds "Commissioner" here.
    await savePlan(store, planOf('nolead', [{ ref: '4.1', text: 'Commission a needle exchange', owners: ['SMLO'], due: '2011-10-31' }]), '2011-09-01T08:00:00Z');
    for (const [i, person] of people.entries()) await meetPerson(store, connector, person, [`Officer ${i + 1}`]);
    const stored = await store.actions.get('nolead', 'nolead-4.1');
    if (!stored) throw new Error('missing');
    await store.actions.update(stored, { ...stored.progress, status: 'blocked', reason: 'no premises', updatedAt: '2011-09-12T10:00:00Z', updatedBy: people[0]?.aadObjectId ?? null },
      { at: '2011-09-12T10:00:00Z', by: { id: people[0]?.aadObjectId ?? "", name: people[0]?.name ?? "" }, via: 'typed', from: 'open', to: 'blocked', occurrence: null, dueBefore: null, dueAfter: null, reason: 'no premises', summary: 'blocked' });
    const logs = captureLogs();
    const instance = sweepInstance(store, testClock(at), logs.logger);
    const report = await runSweep(instance.services, instance.messenger, new Date(at));
    expect(report.unescalated).toBe(1);
    expect(logs.find('escalations not sent: nobody holds their plan\'s lead role')[0]).toMatchObject({ escalations: 1 });
  });
});
