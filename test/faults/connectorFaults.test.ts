// Teams (here the test connector) throttles, fails, hangs or refuses: sends are retried with back-off
// within limits, every failure leaves a record in the ledger, a failed digest goes with the next sweep
// (with what is then still due), and a person who removed the bot is marked unreachable and the
// commissioner is told. Each owner's digest is two ledger rows: the day's digest and its one reminder.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Store } from '../../src/domain/ports.ts';
import { runSweep } from '../../src/scheduler/sweep.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { textOf } from '../support/botHarness.ts';
import { startConnector, type ConnectorCall, type TestConnector } from '../support/connector.ts';
import { captureLogs, cardsTo, meetPerson, planOf, savePlan, sweepInstance, testClock } from '../support/faultWorld.ts';
import { personalConversationId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'e0000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const person = (n: number, name: string): TeamsPerson => ({ aadObjectId: `e0000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, name });
const at = '2011-09-13T08:00:00Z';
const nextMorning = new Date('2011-09-14T08:00:00Z');

let connector: TestConnector;
beforeAll(async () => { connector = await startConnector(); });
afterAll(async () => connector?.close());

/** A store where each owner has one action due today, in a role of their own. */
async function world(prefix: string, owners: TeamsPerson[], perOwner = 1): Promise<Store> {
  const store = await openTableStore(inject('tablesConnectionString'), prefix);
  const rows = owners.flatMap((o, i) => Array.from({ length: perOwner }, (_, k) => ({ ref: `${i + 1}.${k + 1}`, text: `Report ${o.name}'s caseload ${k + 1}`, owners: [`Lead ${i + 1}`], due: '2011-09-13' })));
  await savePlan(store, planOf(prefix.toLowerCase(), rows), '2011-09-01T08:00:00Z');
  await meetPerson(store, connector, jane, ['Commissioner']);
  for (const [i, o] of owners.entries()) await meetPerson(store, connector, o, [`Lead ${i + 1}`]);
  return store;
}

const sweeper = (store: Store, attemptTimeoutMs = 30_000) => sweepInstance(store, testClock(at), captureLogs().logger, {}, { attempts: 3, backoffMs: 50, attemptTimeoutMs });
const callsTo = (p: TeamsPerson): ConnectorCall[] => connector.calls.filter((c) => c.conversationId === personalConversationId(p) && c.kind === 'send');
const to = (p: TeamsPerson) => (c: { conversationId: string }) => c.conversationId === personalConversationId(p);

describe('Teams throttles or fails for a while', () => {
  it('a 429 with Retry-After is waited out and the reminder arrives once', async () => {
    const sam = person(1, 'Sam Jones');
    const store = await world('faultConn429', [sam]);
    connector.fail({ status: 429, retryAfter: 1, when: to(sam) });
    const report = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date(at));
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    const [throttled, delivered, ...rest] = callsTo(sam);
    expect([throttled?.status, delivered?.status, rest.length]).toEqual([429, 200, 0]);
    // Retry-After: 1 second, honoured.
    expect((delivered?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(await store.reminders.stats()).toEqual({ sent: 2, failed: 0, claimed: 0 });
  });

  it('two 503s are retried with growing waits and the reminder arrives once', async () => {
    const ali = person(2, 'Ali Khan');
    const store = await world('faultConn503', [ali]);
    connector.fail({ status: 503, times: 2, when: to(ali) });
    const report = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date(at));
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    const calls = callsTo(ali);
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(cardsTo(connector, ali)).toHaveLength(1);
  });

  it('throttled beyond every retry: recorded as failed, and the next sweep sends it', async () => {
    const pat = person(3, 'Pat Lee');
    const store = await world('faultConnStorm', [pat]);
    connector.fail({ status: 429, retryAfter: 0, times: 100, when: to(pat) });
    const first = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date(at));
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    // Three tries of our own, each retried by the Bot Framework client: bounded, not endless.
    const tries = callsTo(pat).length;
    expect(tries).toBeGreaterThanOrEqual(3);
    expect(tries).toBeLessThanOrEqual(16);
    expect(await store.reminders.stats()).toEqual({ sent: 0, failed: 2, claimed: 0 });
    connector.clear();
    const next = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date('2011-09-13T11:00:00Z'));
    expect(next).toMatchObject({ sent: 1, failed: 0 });
    expect(cardsTo(connector, pat)).toHaveLength(1);
    expect(await store.reminders.stats()).toEqual({ sent: 2, failed: 0, claimed: 0 });
  });

  it('a failed digest is retried by the next sweep with what is still due: an action answered meanwhile is left out', async () => {
    const eve = person(8, 'Eve Shaw');
    const store = await world('faultConnRetry', [eve], 2);
    connector.fail({ status: 429, retryAfter: 0, times: 100, when: to(eve) });
    const first = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date(at));
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    connector.clear();
    // Eve answers the first one (by typing, say) before the next sweep.
    const answered = await store.actions.get('faultconnretry', 'faultconnretry-1.1');
    if (!answered) throw new Error('no action 1.1');
    const now = '2011-09-13T10:00:00Z';
    await store.actions.update(answered, { ...answered.progress, status: 'done', updatedAt: now, updatedBy: 'Eve Shaw' }, {
      at: now, by: { id: eve.aadObjectId, name: 'Eve Shaw' }, via: 'typed', from: 'open', to: 'done', occurrence: '2011-09-13', dueBefore: '2011-09-13', dueAfter: '2011-09-13', reason: null, summary: 'done',
    });
    const next = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date('2011-09-13T11:00:00Z'));
    expect(next).toMatchObject({ sent: 1, items: 1, failed: 0 });
    const [card] = cardsTo(connector, eve);
    expect(textOf(card)).toContain("Report Eve Shaw's caseload 2");
    expect(textOf(card)).not.toContain("Report Eve Shaw's caseload 1");
  });

  it('no answer in time: not sent twice at once, recorded as failed, sent by the next sweep', async () => {
    const kim = person(4, 'Kim Wu');
    const store = await world('faultConnHang', [kim]);
    // The connector hangs past the 400 ms the messenger waits, then gives up with a 504.
    connector.fail({ status: 504, delayMs: 1500, when: to(kim) });
    const impatient = sweeper(store, 400);
    const first = await runSweep(impatient.services, impatient.messenger, new Date(at));
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    expect(await store.reminders.stats()).toEqual({ sent: 0, failed: 2, claimed: 0 });
    await connector.waitFor(() => callsTo(kim).length === 1, 5000);
    const next = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date('2011-09-13T11:00:00Z'));
    expect(next).toMatchObject({ sent: 1, failed: 0 });
    expect(callsTo(kim).map((c) => c.status)).toEqual([504, 200]);
  });
});

describe('a person removed or blocked the bot', () => {
  it('403 and 404 mark them unreachable, the commissioner is told, and their reminders are on hold', async () => {
    const lou = person(5, 'Lou Grant');
    const max = person(6, 'Max Hill');
    const store = await world('faultConnGone', [lou, max]);
    connector.fail({ status: 403, code: 'MessageWritesBlocked', when: to(lou) });
    connector.fail({ status: 404, code: 'ConversationNotFound', when: to(max) });
    const report = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date(at));
    expect(report.unreachable.sort()).toEqual(['Lou Grant', 'Max Hill']);
    // Neither was retried: Teams has said no.
    expect(callsTo(lou)).toHaveLength(1);
    expect(callsTo(max)).toHaveLength(1);
    expect((await store.people.get(lou.aadObjectId))?.reachable).toBe(false);
    expect((await store.people.get(max.aadObjectId))?.reachable).toBe(false);
    // In the commissioner's escalation digest of the same sweep.
    const notices = cardsTo(connector, jane).map(textOf);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Teams refused messages to Lou Grant');
    expect(notices[0]).toContain('Teams refused messages to Max Hill');
    expect(await store.reminders.stats()).toMatchObject({ failed: 4, claimed: 0 });

    // Next morning nothing goes to them; their roles count as unheld, so their due actions go to the commissioner.
    const tomorrow = await runSweep(sweeper(store).services, sweeper(store).messenger, nextMorning);
    expect(tomorrow.sent).toBe(1);
    const escalation = textOf(cardsTo(connector, jane).at(-1));
    expect(escalation).toContain('nobody who can be reached holds Lead 1');
    expect(escalation).toContain('nobody who can be reached holds Lead 2');
    expect(callsTo(lou)).toHaveLength(1);
    expect(callsTo(max)).toHaveLength(1);
  });
});

describe('pacing', () => {
  it('a person with ten reminders due gets one digest, not ten messages', async () => {
    const viv = person(7, 'Viv Ray');
    const store = await world('faultConnOne', [viv], 10);
    const report = await runSweep(sweeper(store).services, sweeper(store).messenger, new Date(at));
    expect(report).toMatchObject({ sent: 1, items: 10 });
    expect(cardsTo(connector, viv)).toHaveLength(1);
  });

  it('digests to twenty people go at the configured seven a second, not all at once', async () => {
    const ten = Array.from({ length: 20 }, (_, i) => person(10 + i, `Owner ${i}`));
    const store = await world('faultConnPace', ten);
    const paced = sweepInstance(store, testClock(at), captureLogs().logger, { SENDS_PER_SECOND: '7' }, { attempts: 3, backoffMs: 50 });
    const report = await runSweep(paced.services, paced.messenger, new Date(at));
    expect(report.sent).toBe(20);
    const times = ten.map((p) => cardsTo(connector, p)[0]?.at ?? 0);
    // A burst of seven, then thirteen gaps of 1/7 s: about 1.9 s (unpaced, twenty local sends take milliseconds).
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1500);
    // The bucket's bound: one burst plus seven a second.
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(15); // 7 + 7, and one more when a window catches a token at each end
  });
});
