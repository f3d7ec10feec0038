// "What's overdue?" at 100,000 stored actions, 300 of them overdue: from the HTTP request to
// /api/messages until the reply reaches the connector. Goal: p95 under 300 ms on Azurite.
import { storePlan } from '../src/app/importPlans.ts';
import { addDays } from '../src/domain/calendar.ts';
import type { IsoDate } from '../src/domain/plan.ts';
import { createLogger } from '../src/log.ts';
import { startRuntime } from '../src/runtime.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { startConnector } from '../test/support/connector.ts';
import { message, postActivity } from '../test/support/teamsActivity.ts';
import { benchClock, benchConfig, benchServices } from './support/benchBot.ts';
import { BENCH_TENANT, seatPeople } from './support/benchPeople.ts';
import { syntheticPlan } from './support/syntheticPlan.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const TODAY: IsoDate = '2026-11-24';
const AT = `${TODAY}T10:30:00Z`;
// BENCH_ACTIONS=10000 for development runs; the figures are taken at 100,000.
const STORED = Number(process.env.BENCH_ACTIONS ?? sized(100_000, 1_000));
const OVERDUE = 300;
const WARM_UP = sized(5, 1);
const PERIOD = { start: '2026-04-01', end: '2028-03-31' };
const REQUESTS = sized(60, 3);

/** 300 actions overdue by 1 to 180 days; the rest by the end of the plan (one date: see syntheticPlan.ts). */
function dueOf(i: number): { kind: 'date'; date: IsoDate } {
  return { kind: 'date', date: i < OVERDUE ? addDays(TODAY, -1 - (i % 180)) : PERIOD.end };
}

/** Stores the actions, starts the bot on a free port and times the commissioner's question. */
export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  const connector = await startConnector();
  try {
    const config = benchConfig({ TABLE_PREFIX: 'overdue' });
    const store = await openTableStore(azurite.connectionString, 'overdue');
    const clock = benchClock(AT);
    const setupStart = performance.now();
    await storePlan(benchServices(store, clock, config), syntheticPlan({ id: 'bench-overdue', count: STORED, period: PERIOD, dueOf }), BENCH_TENANT);
    const { lead } = await seatPeople(store, connector.url, AT);
    process.stderr.write(`  overdue: ${STORED.toLocaleString('en-GB')} actions stored in ${((performance.now() - setupStart) / 1000).toFixed(1)} s\n`);

    const runtime = await startRuntime(config, { store, clock, logger: createLogger('silent'), schedule: false });
    try {
      const origin = { serviceUrl: connector.url, tenantId: BENCH_TENANT };
      const asker = { aadObjectId: lead.id, name: lead.name };
      /** Times a question: request to reply, after a warm-up; `expect` must be in every reply. */
      const time = async (text: string, expect: string): Promise<{ median: number; p95: number }> => {
        const samples: number[] = [];
        for (let n = 0; n < WARM_UP + REQUESTS; n++) {
          connector.clear();
          const activity = message(origin, asker, text);
          const started = Date.now();
          const res = await postActivity(runtime.server.url, activity);
          const reply = connector.calls.find((c) => c.replyToId === activity.id && c.status < 300);
          if (res.status >= 300 || !reply) throw new Error(`overdue bench: request ${n} answered ${res.status}, reply ${reply ? 'arrived' : 'missing'}`);
          if (!JSON.stringify(reply.body).includes(expect)) throw new Error(`overdue bench: the reply to "${text}" does not say "${expect}"`);
          if (n >= WARM_UP) samples.push(reply.at - started);
        }
        return percentiles(samples);
      };
      const all = await time("what's overdue?", `${OVERDUE} actions`);
      process.stderr.write(`  overdue: p50 ${all.median} ms, p95 ${all.p95} ms over ${REQUESTS} requests\n`);
      // A filter narrows the due index's marks (they carry grid and owners) before any action is read.
      const filtered = await time("what's overdue for Officer 1, grid 1?", 'Overdue in grid 1, for Officer 1');
      process.stderr.write(`  overdue with a filter: p50 ${filtered.median} ms, p95 ${filtered.p95} ms over ${REQUESTS} requests\n`);
      return [
        { key: 'overdue.p50Ms', label: `"what's overdue?" request to reply, ${OVERDUE} overdue of ${STORED.toLocaleString('en-GB')} stored (${REQUESTS} requests), median`, value: all.median, unit: 'ms' },
        { key: 'overdue.p95Ms', label: `"what's overdue?" request to reply, 95th percentile (goal < 300 ms)`, value: all.p95, unit: 'ms' },
        { key: 'overdue.filteredP50Ms', label: `"what's overdue for Officer 1, grid 1?" (person and grid filter), median`, value: filtered.median, unit: 'ms' },
        { key: 'overdue.filteredP95Ms', label: `"what's overdue for Officer 1, grid 1?", 95th percentile (goal < 300 ms)`, value: filtered.p95, unit: 'ms' },
      ];
    } finally {
      await runtime.stop();
    }
  } finally {
    await connector.close();
    await azurite.stop();
  }
}
