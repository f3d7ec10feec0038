// The reminder sweep over 10,000 and over 100,000 stored actions with the same 200 due today: its
// time must follow the reminders due, not the plan size. Each run gets a fresh reminder ledger, so
// every run really claims and sends; pacing is off, so the figure is the bot's and the store's work.
// Real plans always have blocked actions, and each escalates to the commissioner: both sizes hold the
// same number blocked (1% of the smaller plan), so the figure compares stored size alone.
// BENCH_BLOCKED_SHARE=0.01 blocks 1% of each plan instead (the larger sweep then has more to send).
import { storePlan } from '../src/app/importPlans.ts';
import { mapLimit } from '../src/mapLimit.ts';
import type { IsoDate } from '../src/domain/plan.ts';
import type { Store } from '../src/domain/ports.ts';
import { runSweep } from '../src/scheduler/sweep.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { startConnector, type TestConnector } from '../test/support/connector.ts';
import { benchClock, benchConfig, benchServices, unpacedMessenger } from './support/benchBot.ts';
import { BENCH_TENANT, seatPeople } from './support/benchPeople.ts';
import { ownersOf, syntheticPlan } from './support/syntheticPlan.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const TODAY: IsoDate = '2026-11-24'; // a Tuesday
const AT = `${TODAY}T09:00:00Z`;
const DUE_TODAY = sized(200, 20);
const RUNS = sized(5, 1);
// BENCH_ACTIONS=30000 compares 3,000 with 30,000 for development runs; the figures are taken at 10,000 and 100,000.
const SIZES = process.env.BENCH_ACTIONS ? [Number(process.env.BENCH_ACTIONS) / 10, Number(process.env.BENCH_ACTIONS)] : sized([10_000, 100_000], [100, 300]);
const PERIOD = { start: '2026-04-01', end: '2028-03-31' };
const BLOCKED_SHARE = process.env.BENCH_BLOCKED_SHARE ? Number(process.env.BENCH_BLOCKED_SHARE) : null;
/** Blocked actions in a plan of `count`: the same at both sizes unless a share is asked for. */
const blockedIn = (count: number): number => Math.round((BLOCKED_SHARE ?? 0.01) * (BLOCKED_SHARE === null ? (SIZES[0] ?? 0) : count));
/** Blocked yesterday afternoon, so each escalates to the commissioner today. */
const BLOCKED_AT = '2026-11-23T15:00:00.000Z';

/** 200 actions due today; the rest by the end of the plan, 16 months ahead (one date: see syntheticPlan.ts). */
function dueOf(i: number): { kind: 'date'; date: IsoDate } {
  return { kind: 'date', date: i < DUE_TODAY ? TODAY : PERIOD.end };
}

/** Owner lines for the actions due today, and one escalation line per blocked action for the commissioner. */
const cardsExpected = (count: number): number => Array.from({ length: DUE_TODAY }, (_, i) => ownersOf(i, count).length).reduce((a, b) => a + b, 0) + blockedIn(count);
/** One message per person holding a reminder today (each of their lines is in their digest), and the commissioner's. */
const messagesExpected = (count: number): number => new Set(Array.from({ length: DUE_TODAY }, (_, i) => ownersOf(i, count)).flat()).size + (blockedIn(count) > 0 ? 1 : 0);

/** Blocks `blockedIn(count)` actions spread over the plan (none of those due today), as owners' answers do. */
async function blockSome(store: Store, planId: string, count: number): Promise<void> {
  const n = blockedIn(count);
  const step = Math.floor((count - DUE_TODAY) / Math.max(1, n));
  await mapLimit(Array.from({ length: n }, (_, k) => `a${DUE_TODAY + k * step}`), 16, async (id) => {
    const stored = await store.actions.get(planId, id);
    if (!stored) throw new Error(`sweep bench: action ${id} missing`);
    const progress = { ...stored.progress, status: 'blocked' as const, reason: 'waiting on the council', updatedAt: BLOCKED_AT, updatedBy: 'bench-officer-1' };
    const change = { at: BLOCKED_AT, by: { id: 'bench-officer-1', name: 'Officer 1' }, via: 'button' as const, from: stored.progress.status, to: 'blocked' as const, occurrence: stored.progress.occurrence, dueBefore: stored.progress.dueDate, dueAfter: stored.progress.dueDate, reason: progress.reason, summary: 'blocked: waiting on the council' };
    if (!(await store.actions.update(stored, progress, change)).ok) throw new Error(`sweep bench: could not block ${id}`);
  });
}

interface SweepFigures {
  medianMs: number;
  p95Ms: number;
  setupSeconds: number;
  /** The sweep's question "which actions are blocked?" alone (store.actions.blocked()). */
  blockedMs: number;
}

async function measure(connectionString: string, connector: TestConnector, count: number): Promise<SweepFigures> {
  const config = benchConfig();
  const prefix = `sweep${count}`;
  const store = await openTableStore(connectionString, prefix);
  const services = benchServices(store, benchClock(AT), config);
  const setupStart = performance.now();
  await storePlan(services, syntheticPlan({ id: `bench-${count}`, count, period: PERIOD, dueOf }), BENCH_TENANT);
  await seatPeople(store, connector.url, AT);
  await blockSome(store, `bench-${count}`, count);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  process.stderr.write(`  sweep: ${count.toLocaleString('en-GB')} actions stored in ${setupSeconds.toFixed(1)} s\n`);

  const messenger = unpacedMessenger(config);
  const cards = cardsExpected(count);
  const samples: number[] = [];
  // Run 0 warms up connections and caches; it is not counted.
  for (let run = 0; run <= RUNS; run++) {
    const ledger = (await openTableStore(connectionString, `${prefix}Run${run}`)).reminders;
    const runStore: Store = { ...store, reminders: ledger };
    connector.clear();
    const started = performance.now();
    const report = await runSweep({ ...services, store: runStore }, messenger, new Date(AT));
    const ms = performance.now() - started;
    const arrived = connector.calls.filter((c) => c.kind === 'send' && c.status < 400).length;
    const messages = messagesExpected(count);
    if (report.due !== DUE_TODAY + blockedIn(count) || report.items !== cards || report.sent !== messages || arrived !== messages || report.failed > 0) {
      throw new Error(`sweep bench at ${count}: due ${report.due}, lines ${report.items}, sent ${report.sent}, arrived ${arrived}, failed ${report.failed}; expected ${DUE_TODAY + blockedIn(count)} due, ${cards} lines in ${messages} messages`);
    }
    if (run > 0) samples.push(ms);
    process.stderr.write(`  sweep: ${count.toLocaleString('en-GB')} stored, run ${run}: ${ms.toFixed(0)} ms${run === 0 ? ' (warm-up)' : ''}\n`);
  }
  const { median, p95 } = percentiles(samples);
  const asked: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const found = await store.actions.blocked();
    if (found.length !== blockedIn(count)) throw new Error(`sweep bench at ${count}: ${found.length} blocked found, expected ${blockedIn(count)}`);
    if (run > 0) asked.push(performance.now() - started);
  }
  return { medianMs: median, p95Ms: p95, setupSeconds, blockedMs: percentiles(asked).median };
}

/** Times runSweep at 10,000 and 100,000 stored actions, each in fresh tables of a private Azurite. */
export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  const connector = await startConnector();
  try {
    const small = await measure(azurite.connectionString, connector, SIZES[0] ?? 0);
    const big = await measure(azurite.connectionString, connector, SIZES[1] ?? 0);
    const what = `${DUE_TODAY} due today and ${blockedIn(SIZES[0] ?? 0)}/${blockedIn(SIZES[1] ?? 0)} blocked, ${cardsExpected(SIZES[1] ?? 0)} reminder lines in ${messagesExpected(SIZES[1] ?? 0)} digests, pacing off, median of ${RUNS}`;
    return [
      { key: 'sweep.10k.medianMs', label: `runSweep over 10,000 stored (${what})`, value: small.medianMs, unit: 'ms' },
      { key: 'sweep.100k.medianMs', label: `runSweep over 100,000 stored (${what})`, value: big.medianMs, unit: 'ms' },
      { key: 'sweep.ratio', label: 'runSweep at 100,000 stored / at 10,000 (goal: near 1)', value: big.medianMs / small.medianMs, unit: 'x' },
      { key: 'sweep.100k.p95Ms', label: `runSweep over 100,000 stored, slowest of ${RUNS}`, value: big.p95Ms, unit: 'ms' },
      { key: 'sweep.10k.blockedMs', label: `which actions are blocked (store.actions.blocked()) at 10,000 stored, median of ${RUNS}`, value: small.blockedMs, unit: 'ms' },
      { key: 'sweep.100k.blockedMs', label: `which actions are blocked (store.actions.blocked()) at 100,000 stored, median of ${RUNS}`, value: big.blockedMs, unit: 'ms' },
      { key: 'sweep.100k.setupS', label: 'setup: import 100,000 actions (savePlan) and seat 11 people', value: big.setupSeconds, unit: 's' },
    ];
  } finally {
    await connector.close();
    await azurite.stop();
  }
}
