// Every question kind answered with figures, at 100,000 stored actions (300 overdue, 60 answered in the
// last days): from the HTTP request to /api/messages until the reply reaches the connector. Goal: p95
// under 300 ms on Azurite for each.
import { storePlan } from '../src/app/importPlans.ts';
import { addDays } from '../src/domain/calendar.ts';
import type { IsoDate } from '../src/domain/plan.ts';
import { createLogger } from '../src/log.ts';
import { startRuntime } from '../src/runtime.ts';
import { startAzurite } from '../src/store/azurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { startConnector } from '../test/support/connector.ts';
import { message, postActivity } from '../test/support/teamsActivity.ts';
import { benchClock, benchConfig, benchServices } from './support/benchBot.ts';
import { BENCH_TENANT, seatPeople } from './support/benchPeople.ts';
import { actionIdOf, syntheticPlan } from './support/syntheticPlan.ts';
import { percentiles, type BenchFigure } from './table.ts';

const TODAY: IsoDate = '2026-11-24';
const AT = `${TODAY}T10:30:00Z`;
// BENCH_ACTIONS=10000 for development runs; the figures are taken at 100,000.
const STORED = Number(process.env.BENCH_ACTIONS ?? 100_000);
const OVERDUE = 300;
const ANSWERED = 60;
const WARM_UP = 3;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const PERIOD = { start: '2026-04-01', end: '2028-03-31' };
const PLAN_ID = 'bench-questions';

/** 300 actions overdue by 1 to 180 days; the rest due at the end of the plan. */
function dueOf(i: number): { kind: 'date'; date: IsoDate } {
  return { kind: 'date', date: i < OVERDUE ? addDays(TODAY, -1 - (i % 180)) : PERIOD.end };
}

/** Each question kind, what every reply must say, and the message asked before it (for a follow-up). */
const QUESTIONS: { key: string; text: string; expect: string; before?: string }[] = [
  // The list the overdue section times, as a yardstick for this machine's load at the time.
  { key: 'overdueList', text: "what's overdue?", expect: `${OVERDUE} actions` },
  { key: 'count', text: 'how many actions are overdue?', expect: `${OVERDUE} actions overdue` },
  { key: 'countPeriod', text: 'how many actions are due before Christmas?', expect: 'due before Christmas' },
  { key: 'total', text: 'how many actions are there in total?', expect: `${STORED.toLocaleString('en-GB').replace(/,/g, '')} actions` },
  { key: 'progress', text: 'what percentage of Bench DAT is complete?', expect: '% complete' },
  { key: 'compare', text: 'compare all plans', expect: 'side by side' },
  { key: 'rank', text: 'which partnership is doing worst?', expect: 'Doing worst' },
  { key: 'changed', text: "what's changed since last week?", expect: `${ANSWERED} changes` },
  { key: 'work', text: 'what is Officer 1 working on?', expect: "Officer 1's work" },
  { key: 'aged', text: "what's more than 3 months overdue?", expect: 'more than 3 months overdue' },
  { key: 'silent', text: "who hasn't replied to their reminders?", expect: 'not answered about' },
  { key: 'followUp', text: 'and grid 2?', expect: 'grid 2', before: 'how many actions are overdue?' },
];

/** Stores the actions, starts the bot and times each question kind. */
export async function run(): Promise<BenchFigure[]> {
  const azurite = await startAzurite();
  const connector = await startConnector();
  try {
    const config = benchConfig({ TABLE_PREFIX: 'questions' });
    const store = await openTableStore(azurite.connectionString, 'questions');
    const clock = benchClock(AT);
    const setupStart = performance.now();
    await storePlan(benchServices(store, clock, config), syntheticPlan({ id: PLAN_ID, count: STORED, period: PERIOD, dueOf }), BENCH_TENANT);
    const { lead } = await seatPeople(store, connector.url, AT);
    // Answers given in the last days, for "what's changed since last week?" (done, outside the overdue ones).
    for (let i = 0; i < ANSWERED; i++) {
      const action = await store.actions.get(PLAN_ID, actionIdOf(OVERDUE + 1 + i * 7));
      if (!action) continue;
      const at = `${addDays(TODAY, -1 - (i % 5))}T09:00:00.000Z`;
      await store.actions.update(action, { ...action.progress, status: 'done', updatedAt: at, updatedBy: lead.name }, {
        at, by: { id: lead.id, name: lead.name }, via: 'typed', from: action.progress.status, to: 'done', occurrence: action.progress.occurrence,
        dueBefore: action.progress.dueDate, dueAfter: action.progress.dueDate, reason: null, summary: 'done',
      });
    }
    process.stderr.write(`  questions: ${STORED.toLocaleString('en-GB')} actions stored in ${((performance.now() - setupStart) / 1000).toFixed(1)} s\n`);

    const runtime = await startRuntime(config, { store, clock, logger: createLogger('silent'), schedule: false });
    try {
      const origin = { serviceUrl: connector.url, tenantId: BENCH_TENANT };
      const asker = { aadObjectId: lead.id, name: lead.name };
      const say = async (text: string): Promise<{ ms: number; body: string }> => {
        connector.clear();
        const activity = message(origin, asker, text);
        const started = Date.now();
        const res = await postActivity(runtime.server.url, activity);
        const reply = connector.calls.find((c) => c.replyToId === activity.id && c.status < 300);
        if (res.status >= 300 || !reply) throw new Error(`questions bench: "${text}" answered ${res.status}, reply ${reply ? 'arrived' : 'missing'}`);
        return { ms: reply.at - started, body: JSON.stringify(reply.body) };
      };
      const figures: BenchFigure[] = [];
      for (const q of QUESTIONS) {
        const samples: number[] = [];
        for (let n = 0; n < WARM_UP + REQUESTS; n++) {
          if (q.before) await say(q.before);
          const { ms, body } = await say(q.text);
          if (!body.includes(q.expect)) throw new Error(`questions bench: the reply to "${q.text}" does not say "${q.expect}": ${body.slice(0, 400)}`);
          if (n >= WARM_UP) samples.push(ms);
        }
        const { median, p95 } = percentiles(samples);
        process.stderr.write(`  questions ${q.key}: p50 ${median} ms, p95 ${p95} ms over ${REQUESTS} requests\n`);
        figures.push(
          { key: `questions.${q.key}P50Ms`, label: `"${q.text}"${q.before ? ` (after "${q.before}")` : ''}, ${STORED.toLocaleString('en-GB')} stored, median`, value: median, unit: 'ms' },
          { key: `questions.${q.key}P95Ms`, label: `"${q.text}", 95th percentile (goal < 300 ms)`, value: p95, unit: 'ms' },
        );
      }
      return figures;
    } finally {
      await runtime.stop();
    }
  } finally {
    await connector.close();
    await azurite.stop();
  }
}
