// A bot killed in the middle of its sweep leaves claims it never marked sent (the person's digest for
// the day and each reminder in it). The next sweep sends the digest once the claims' lease has run out,
// never while they may still be live, and sends nothing twice.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Messenger } from '../../src/bot/messenger.ts';
import type { Store } from '../../src/domain/ports.ts';
import { runSweep } from '../../src/scheduler/sweep.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';
import { captureLogs, cardsTo, deliveries, meetPerson, planOf, savePlan, sweepInstance, testClock } from '../support/faultWorld.ts';

// One owner per story, so each story's chat holds only its own cards.
const owner = (n: number) => ({ aadObjectId: `d0000000-0000-4000-8000-00000000000${n}`, name: `Sam Jones ${n}` });
const texts = Array.from({ length: 6 }, (_, i) => `Audit the shared care protocol ${String(i + 1).padStart(2, '0')}`);
// Due today, Tuesday 13 September 2011: six "due today" reminders for Sam, in one digest.
const plan = planOf('killed', texts.map((text, i) => ({ ref: `2.${i + 1}`, text, owners: ['SMLO'], due: '2011-09-13' })));
const at = '2011-09-13T08:00:00Z';
const minutesLater = (m: number) => new Date(Date.parse(at) + m * 60_000);

let connector: TestConnector;
beforeAll(async () => { connector = await startConnector(); });
afterAll(async () => connector?.close());

async function world(prefix: string, sam: TeamsPerson): Promise<Store> {
  const store = await openTableStore(inject('tablesConnectionString'), prefix);
  await savePlan(store, plan, '2011-09-01T08:00:00Z');
  await meetPerson(store, connector, sam, ['SMLO']);
  return store;
}

function sweeper(store: Store) {
  return sweepInstance(store, testClock(at), captureLogs().logger);
}

const sentOnce = (sam: TeamsPerson) => {
  const counts = deliveries(connector, [sam], texts);
  return texts.every((t) => counts.get(`${sam.name}: ${t}`) === 1);
};

describe('a bot process killed part-way through its sweep (SIGKILL)', () => {
  it('the next sweep after the lease sends the digest, and nothing twice', async () => {
    const sam = owner(1);
    const prefix = 'faultKilledProcess';
    const store = await world(prefix, sam);
    let arrivals = 0;
    // The digest's send hangs (and in the end fails): the process is killed while waiting for it.
    connector.fail({ status: 503, delayMs: 4000, when: () => ++arrivals === 1 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/sweepProcess.ts'], {
      env: { ...process.env, SWEEP_CONNECTION: inject('tablesConnectionString'), SWEEP_PREFIX: prefix, SWEEP_AT: at },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    try {
      // Starting a second Node process with the whole bot takes a few seconds on a busy machine.
      await connector.waitFor(() => arrivals >= 1, 25_000);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    // The digest and its six reminders were claimed, none marked sent.
    expect(await store.reminders.stats()).toEqual({ sent: 0, failed: 0, claimed: 7 });

    // Five minutes later another instance sweeps: the dead one's claims may still be live, so it waits.
    const early = await runSweep(sweeper(store).services, sweeper(store).messenger, minutesLater(5));
    expect(early).toMatchObject({ sent: 0, skipped: 1 });
    expect(cardsTo(connector, sam)).toHaveLength(0);

    // After the ten-minute lease the abandoned digest is sent, whole.
    const late = await runSweep(sweeper(store).services, sweeper(store).messenger, minutesLater(11));
    expect(late).toMatchObject({ sent: 1, items: 6 });
    expect(sentOnce(sam)).toBe(true);
    expect(cardsTo(connector, sam)).toHaveLength(1);
    expect(await store.reminders.stats()).toEqual({ sent: 7, failed: 0, claimed: 0 });
  }, 40_000);
});

describe('a dead process left claims in the ledger (simulated)', () => {
  it('they are left alone during the lease and sent after it', async () => {
    const sam = owner(2);
    const store = await world('faultKilledClaims', sam);
    const { services, messenger } = sweeper(store);
    const planned = await runSweep(services, messenger, new Date(at), { dryRun: true });
    expect(planned.planned).toHaveLength(6);
    // The dead process claimed Sam's digest for the day and three of its reminders at 08:00, and sent nothing.
    const info = { planId: '', actionId: '', audience: 'digest', personId: sam.aadObjectId };
    expect(await store.reminders.claim(`digest|owner|${sam.aadObjectId}|2011-09-13`, info, at, 10 * 60_000)).toBe(true);
    for (const p of planned.planned.slice(0, 3)) {
      expect(await store.reminders.claim(p.key, { planId: plan.id, actionId: p.actionId, audience: 'owners', personId: p.personId }, at, 10 * 60_000)).toBe(true);
    }
    const during = await runSweep(services, messenger, minutesLater(2));
    expect(during).toMatchObject({ sent: 0, skipped: 1 });
    const after = await runSweep(services, messenger, minutesLater(12));
    expect(after).toMatchObject({ sent: 1, items: 6 });
    expect(sentOnce(sam)).toBe(true);
    expect(cardsTo(connector, sam)).toHaveLength(1);
  });
});

describe('the sender breaks part-way (an unexpected error, not a Teams answer)', () => {
  it('the sweep stops with the error; the next sweep after the lease finishes the job, nothing twice', async () => {
    const sam = owner(3);
    const store = await world('faultKilledThrow', sam);
    const { services, messenger } = sweeper(store);
    let sends = 0;
    const breaking: Messenger = {
      send: (conversation, card) => (++sends === 1 ? Promise.reject(new Error('card renderer crashed')) : messenger.send(conversation, card)),
      update: (conversation, id, card) => messenger.update(conversation, id, card),
    };
    await expect(runSweep(services, breaking, new Date(at), { concurrency: 1 })).rejects.toThrow('card renderer crashed');
    expect(await store.reminders.stats()).toEqual({ sent: 0, failed: 0, claimed: 7 });
    const next = await runSweep(services, messenger, minutesLater(11));
    expect(next).toMatchObject({ sent: 1, items: 6 });
    expect(sentOnce(sam)).toBe(true);
  });
});
