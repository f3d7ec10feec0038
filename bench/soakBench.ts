// Issue 5's soak: a plan year of daily sweeps over SOAK_ACTIONS stored actions (default 100,000, of
// which a share SOAK_DUE_SHARE falls due within the year: see DEFAULT_SHARE), owners answering done / delayed /
// blocked at random (seeded) between sweeps, against a connector that throttles (429 with Retry-After,
// 503) and has six days of outage. Reports reminders expected, sent, duplicated, lost and peak memory.
// The bot's own pacing is off (it is tested on its own): with Teams' per-chat pacing a year of
// sweeps takes over 20 minutes here, spent waiting, which says nothing about loss or duplication.
import { callerFrom } from '../src/app/caller.ts';
import { loadDirectory } from '../src/app/directory.ts';
import { answerAction } from '../src/app/answerAction.ts';
import { storePlan } from '../src/app/importPlans.ts';
import type { Services } from '../src/app/services.ts';
import type { Answer } from '../src/domain/answers.ts';
import { addDays } from '../src/domain/calendar.ts';
import { occurrences } from '../src/domain/occurrences.ts';
import { roleKey } from '../src/domain/owners.ts';
import type { Due, IsoDate } from '../src/domain/plan.ts';
import { initialProgress } from '../src/domain/progressStart.ts';
import type { TrackedAction } from '../src/domain/reminders.ts';
import { rulesFrom, runSweep } from '../src/scheduler/sweep.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { mapLimit } from '../src/mapLimit.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { benchClock, benchConfig, benchServices, unpacedMessenger } from './support/benchBot.ts';
import { BENCH_TENANT, seatPeople, type BenchPeople } from './support/benchPeople.ts';
import { ledgerRows } from './support/ledgerRows.ts';
import { watchMemory } from './support/memoryPeak.ts';
import { ReminderAudit } from './support/reminderAudit.ts';
import { seededRandom } from './support/seededRandom.ts';
import { BENCH_ROLES, ownersOf, syntheticPlan } from './support/syntheticPlan.ts';
import { startThrottlingConnector } from './support/throttlingConnector.ts';
import type { BenchFigure } from './table.ts';
import { SMOKE, sized } from './support/smoke.ts';
import { runBotSoak } from './botSoakBench.ts';

const YEAR_START: IsoDate = '2026-04-01';
const DAYS = sized(365, 7);
const PERIOD = { start: YEAR_START, end: '2028-03-31' };
const PLAN_ID = 'bench-soak';
const PREFIX = 'soak';
const SEED = 20261124;
const STORED = Number(process.env.SOAK_ACTIONS ?? sized(100_000, 300));
// The demo world the digest issue describes: 446 actions over the five seed plans, held by 5 people, so
// about 89 actions due in the year per person. By default the soak's owners get as many each; the share
// of stored actions due in the year can be set instead (SOAK_DUE_SHARE=0.02: 2,000 of 100,000).
const OWNERS = BENCH_ROLES.length;
const DEMO_DUE_PER_PERSON = 89;
const SHARE = process.env.SOAK_DUE_SHARE === undefined ? Math.min(1, (OWNERS * DEMO_DUE_PER_PERSON) / STORED) : Number(process.env.SOAK_DUE_SHARE);
if (!(SHARE > 0 && SHARE <= 1)) throw new Error(`SOAK_DUE_SHARE must be a share above 0 and at most 1, not ${process.env.SOAK_DUE_SHARE}`);
const IN_YEAR = Math.max(1, Math.round(STORED * SHARE));
// Of those: 5% already overdue when the year starts, 25% quarterly reviews (staggered), the rest one-off dates.
const OVERDUE_AT_START = Math.round(IN_YEAR * 0.05);
const RECURRING = Math.round(IN_YEAR * 0.25);
// A smoke run's week has no outage: a day of failed sends is a minute of botbuilder's and our retries.
const isOutage = (day: number): boolean => !SMOKE && day % 61 === 30;

/** Overdue when the year starts, quarterly reviews (staggered), one-off dates over the year; the rest by the plan's end. */
function dueOf(i: number): Due {
  if (i >= IN_YEAR) return { kind: 'date', date: PERIOD.end };
  if (i < OVERDUE_AT_START) return { kind: 'date', date: addDays('2026-03-01', i % 31) };
  if (i < OVERDUE_AT_START + RECURRING) return { kind: 'recurring', every: '3 months', from: addDays(YEAR_START, 14 + (i % 90)), until: null };
  return { kind: 'date', date: addDays(YEAR_START, i % DAYS) };
}

interface Tally { answers: number; refused: number; answerFailures: number; sweepErrors: number; sweepFailed: number; sweepMs: number; personSweeps: number; maxLinesPerPersonSweep: number }

/** Owners answer some of today's cards (one answer per action a day), and some blocks are lifted. */
async function answerDay(services: Services, people: BenchPeople, actions: Map<string, TrackedAction>, delivered: { personId: string; actionId: string }[], random: () => number, today: IsoDate, tally: Tally): Promise<void> {
  const answers = new Map<string, { personId: string; answer: Answer }>();
  const delay = (): Answer => ({ kind: 'delayed', newDate: addDays(today, 7 + Math.floor(random() * 50)), reason: 'the provider is late' });
  for (const { personId, actionId } of delivered) {
    if (personId === people.lead.id || answers.has(actionId)) continue;
    const r = random();
    const answer: Answer | null = r < 0.4 ? { kind: 'done' } : r < 0.55 ? delay() : r < 0.6 ? { kind: 'blocked', reason: 'waiting for the PCT' } : null;
    if (answer) answers.set(actionId, { personId, answer });
  }
  for (const tracked of actions.values()) {
    if (tracked.progress.status !== 'blocked' || answers.has(tracked.actionId)) continue;
    const r = random();
    const owner = people.holderOf.get(roleKey(ownersOf(Number(tracked.actionId.slice(1)), STORED)[0] ?? ''));
    if (owner && r < 0.15) answers.set(tracked.actionId, { personId: owner.id, answer: r < 0.08 ? { kind: 'done' } : delay() });
  }
  if (answers.size === 0) return;
  const directory = await loadDirectory(services.store);
  await mapLimit([...answers], 8, async ([actionId, { personId, answer }]) => {
    const tracked = actions.get(actionId) as TrackedAction;
    const caller = callerFrom(personId, personId, BENCH_TENANT, directory, services.settings);
    const outcome = await answerAction(services, directory, caller, { planId: PLAN_ID, actionId, occurrence: tracked.progress.occurrence, answer, via: 'button' });
    if (outcome.kind === 'saved') {
      tracked.progress = outcome.stored.progress;
      tally.answers += 1;
    } else if (outcome.kind === 'refused') tally.refused += 1;
    else tally.answerFailures += 1;
  });
}

/**
 * Both soaks: the bot as its own process (its memory: botSoakBench.ts), then the year in this process
 * (loss and duplication under a throttling connector). SOAK_ONLY=bot or SOAK_ONLY=inprocess runs one
 * (the other's figures are then dropped from results.json).
 */
export async function run(): Promise<BenchFigure[]> {
  const only = process.env.SOAK_ONLY;
  return [...(only === 'inprocess' ? [] : await runBotSoak()), ...(only === 'bot' ? [] : await runInProcess())];
}

/** The year in the bench process, against a throttling connector. */
async function runInProcess(): Promise<BenchFigure[]> {
  const started = performance.now();
  const memory = watchMemory();
  const azurite = await startBenchAzurite();
  const random = seededRandom(SEED);
  const connector = await startThrottlingConnector({ throttled: 0.01, retryAfterSeconds: 1, unavailable: 0.002, random: seededRandom(SEED + 1) });
  try {
    const config = benchConfig({ TABLE_PREFIX: PREFIX });
    const store = await openTableStore(azurite.connectionString, PREFIX);
    const clock = benchClock(`${YEAR_START}T08:00:00Z`);
    const services = benchServices(store, clock, config);
    const plan = syntheticPlan({ id: PLAN_ID, count: STORED, period: PERIOD, dueOf });
    await storePlan(services, plan, BENCH_TENANT);
    const people = await seatPeople(store, connector.url, `${YEAR_START}T08:00:00Z`);
    const model: TrackedAction[] = plan.actions.map((a) => ({ planId: PLAN_ID, actionId: a.id, progress: initialProgress(occurrences(a.due, PERIOD), YEAR_START) }));
    plan.actions.length = 0; // the store has it; the soak keeps only its own copy of progress
    const actions = new Map(model.map((m) => [m.actionId, m]));
    process.stderr.write(`  soak: ${STORED.toLocaleString('en-GB')} actions stored in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

    // The production retries (4 tries, back-off from 500 ms with jitter, Retry-After honoured); no pacing.
    const messenger = unpacedMessenger(config);
    const audit = new ReminderAudit(PLAN_ID, model, people, rulesFrom(config));
    const tally: Tally = { answers: 0, refused: 0, answerFailures: 0, sweepErrors: 0, sweepFailed: 0, sweepMs: 0, personSweeps: 0, maxLinesPerPersonSweep: 0 };
    const yearStart = performance.now();
    let rssAfterFirstMonth = 0;
    for (let day = 0; day < DAYS; day++) {
      const today = addDays(YEAR_START, day);
      audit.expect(today);
      const at = new Date(`${today}T08:00:00Z`);
      clock.set(at);
      connector.outage = isOutage(day);
      const sweepStart = performance.now();
      try {
        tally.sweepFailed += (await runSweep(services, messenger, at)).failed;
      } catch (err) {
        tally.sweepErrors += 1;
        process.stderr.write(`  soak: sweep of ${today} failed: ${(err as Error).message}\n`);
      }
      connector.outage = false;
      tally.sweepMs += performance.now() - sweepStart;
      // A digest's later pages are part of the message: its lines are read from the digest it names.
      const messages = await Promise.all(connector.drain().map(async (m) => ({
        conversationId: m.conversationId,
        actionIds: m.digest ? ((await store.digests.get(m.digest))?.lines ?? []).map((l) => l.actionId) : m.actions.map((n) => `a${n}`),
      })));
      const perPerson = new Map<string, number>();
      for (const m of messages) perPerson.set(m.conversationId, (perPerson.get(m.conversationId) ?? 0) + m.actionIds.length);
      tally.personSweeps += perPerson.size;
      tally.maxLinesPerPersonSweep = Math.max(tally.maxLinesPerPersonSweep, ...perPerson.values(), 0);
      const delivered = audit.receive(messages);
      clock.set(`${today}T13:00:00Z`);
      await answerDay(services, people, actions, delivered, random, today, tally);
      if (day === 29) rssAfterFirstMonth = process.memoryUsage().rss;
      if (day % 30 === 29) process.stderr.write(`  soak: day ${day + 1} (${today}), ${((performance.now() - yearStart) / 1000).toFixed(0)} s (sweeps ${(tally.sweepMs / 1000).toFixed(0)} s), rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`);
    }
    const yearSeconds = (performance.now() - yearStart) / 1000;
    const rssGrowth = (process.memoryUsage().rss - rssAfterFirstMonth) / 2 ** 20;
    const ledger = await ledgerRows(azurite.connectionString, PREFIX);
    const result = audit.result(ledger);
    const resent = [...ledger.values()].filter((r) => r.state === 'sent' && r.attempts > 1).length;
    const round = (n: number): number => Math.round(n * 10) / 10;
    const run = `${STORED.toLocaleString('en-GB')} actions, ${IN_YEAR.toLocaleString('en-GB')} due in the year (share ${(SHARE * 100).toFixed(2)}%: ${Math.round(IN_YEAR / OWNERS)} per owner over ${OWNERS} owners; the demo people have about ${DEMO_DUE_PER_PERSON} each), ${DAYS} daily sweeps, pacing off`;
    const peak = memory.stop();
    return [
      { key: 'soak.expected', label: `reminders expected (remindersDue per day × holders; ${run})`, value: result.expected, unit: '' },
      { key: 'soak.sent', label: 'reminders that reached their person', value: result.sent, unit: '' },
      { key: 'soak.messages', label: `messages that reached people (digests and single cards), over ${DAYS} sweeps`, value: result.messages, unit: '' },
      { key: 'soak.linesPerMessage', label: 'reminders per message: how many times fewer sends than one card per reminder (goal ≥ 10)', value: result.messages > 0 ? round(result.lines / result.messages) : 0, unit: 'x' },
      { key: 'soak.weeklyFloor', label: 'fewest messages that still remind each person weekly: one per person per week holding a reminder', value: result.weeklyFloor, unit: '' },
      { key: 'soak.weeklyFloorRatio', label: 'reminders ÷ that floor: the most "times fewer sends" any cadence reaches here without a person going a week unreminded', value: result.weeklyFloor > 0 ? round(result.expected / result.weeklyFloor) : 0, unit: 'x' },
      { key: 'soak.linesPerPersonSweep', label: 'mean reminder lines per person per sweep that sent them anything', value: tally.personSweeps > 0 ? round(result.lines / tally.personSweeps) : 0, unit: '' },
      { key: 'soak.maxLinesPerPersonSweep', label: 'most reminder lines one person got from one sweep', value: tally.maxLinesPerPersonSweep, unit: '' },
      { key: 'soak.maxOwnerMessages', label: 'most messages one owner got from one sweep (must be 1)', value: result.maxOwnerMessages, unit: '' },
      { key: 'soak.maxLeadMessages', label: 'most messages the commissioner got from one sweep (must be 1: own lines and escalations in one digest)', value: result.maxLeadMessages, unit: '' },
      { key: 'soak.duplicated', label: 'reminders that reached a person twice (must be 0)', value: result.duplicated, unit: '' },
      { key: 'soak.unexpected', label: 'lines matching no reminder due that day (must be 0)', value: result.unexpected, unit: '' },
      { key: 'soak.lost', label: 'expected, never arrived, no failure recorded (must be 0)', value: result.lost, unit: '' },
      { key: 'soak.failedSuperseded', label: 'failed, recorded, not resent: a later message about the action reached the person, or it was answered', value: result.failedSuperseded, unit: '' },
      { key: 'soak.failedNothingLater', label: 'failed, recorded, and no later message about the action reached the person', value: result.failedNothingLater, unit: '' },
      { key: 'soak.resentAfterFailure', label: 'sent on a later sweep after a failed try', value: resent, unit: '' },
      { key: 'soak.sendFailures', label: 'sends given up by a sweep (recorded failed, tried again next sweep)', value: tally.sweepFailed, unit: '' },
      { key: 'soak.throttled', label: 'connector answers 429 (1% of calls, Retry-After 1 s; all calls on 6 outage days)', value: connector.statuses.get(429) ?? 0, unit: '' },
      { key: 'soak.unavailable', label: 'connector answers 503 (0.2% of calls)', value: connector.statuses.get(503) ?? 0, unit: '' },
      { key: 'soak.answers', label: `answers saved (done/delayed/blocked, seed ${SEED}); refused ${tally.refused}, failed ${tally.answerFailures}`, value: tally.answers, unit: '' },
      { key: 'soak.sweepErrors', label: 'sweeps that failed outright', value: tally.sweepErrors, unit: '' },
      { key: 'soak.peakRssMb', label: 'peak RSS of the bench process during the soak, import included (Azurite apart)', value: peak.rssMb, unit: 'MB' },
      { key: 'soak.peakHeapMb', label: 'peak JavaScript heap used during the soak', value: peak.heapUsedMb, unit: 'MB' },
      { key: 'soak.rssGrowthMb', label: 'RSS at the end of the year minus after its first month (growth)', value: Math.round(rssGrowth), unit: 'MB' },
      { key: 'soak.yearSeconds', label: `wall time of the ${DAYS} sweeps and answers`, value: yearSeconds, unit: 's' },
      { key: 'soak.sweepSeconds', label: 'of which in runSweep (throttling waits included)', value: tally.sweepMs / 1000, unit: 's' },
    ];
  } finally {
    await connector.close();
    await azurite.stop();
  }
}
