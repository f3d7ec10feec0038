// The bot as its own process (node dist/main.js, as the image runs it, with the image's heap cap) over a
// plan of 100,000 stored actions: its RSS sampled from /proc/<pid>/status while the tab's first data
// request, the owner filter and the CSV export are asked for. These figures are the bot's, not the
// bench's: the plan is written by the bench process, then the bot only serves it.
import { execFileSync, spawn } from 'node:child_process';
import { storePlan } from '../src/app/importPlans.ts';
import { addDays } from '../src/domain/calendar.ts';
import type { IsoDate } from '../src/domain/plan.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { benchClock, benchConfig, benchServices } from './support/benchBot.ts';
import { BENCH_TENANT, seatPeople } from './support/benchPeople.ts';
import { freePort, imageHeapCapMb, rssOf } from './support/botProcess.ts';
import { sized } from './support/smoke.ts';
import { BENCH_ROLES, syntheticPlan } from './support/syntheticPlan.ts';
import { percentiles, type BenchFigure } from './table.ts';

const STORED = Number(process.env.BENCH_ACTIONS ?? sized(100_000, 1_000));
const TODAY: IsoDate = '2026-11-24';
const PERIOD = { start: '2026-04-01', end: '2028-03-31' };
const PREFIX = 'botmem';
/** The image's heap cap (read from the Dockerfile's CMD; BOTMEM_HEAP_CAP_MB tries another). */
const HEAP_CAP_MB = Number(process.env.BOTMEM_HEAP_CAP_MB ?? imageHeapCapMb());
const REQUESTS = sized(5, 1);

export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  try {
    const config = benchConfig({ TABLE_PREFIX: PREFIX });
    const store = await openTableStore(azurite.connectionString, PREFIX);
    const clock = benchClock(`${TODAY}T10:30:00Z`);
    await storePlan(benchServices(store, clock, config), syntheticPlan({ id: 'bench-botmem', count: STORED, period: PERIOD, dueOf: (i) => ({ kind: 'date', date: addDays(PERIOD.start, i % 730) }) }), BENCH_TENANT);
    const { lead } = await seatPeople(store, 'http://127.0.0.1:9/', `${TODAY}T10:30:00Z`);
    process.stderr.write(`  botmem: ${STORED.toLocaleString('en-GB')} actions stored; building dist/\n`);
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });

    const port = await freePort();
    const bot = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--disable-warning=DEP0111', 'dist/main.js'], {
      env: { PATH: process.env.PATH, PORT: String(port), LOG_LEVEL: 'silent', AZURE_TABLES_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: PREFIX, DEMO_PLANS: '', DEMO_ROLES: '', LOCAL_CHAT_PORT: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    bot.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const pid = bot.pid ?? 0;
    let peak = 0;
    const timer = setInterval(() => { try { peak = Math.max(peak, rssOf(pid).peak); } catch { /* exited */ } }, 100);
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries++) {
        const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
        if (up) break;
        if (bot.exitCode !== null || tries > 600) throw new Error(`botmem: the bot did not start: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const idle = rssOf(pid).rss;
      const timed = async (path: string, check: (body: string) => boolean, requests = REQUESTS, warmUp = 1): Promise<number[]> => {
        const samples: number[] = [];
        for (let n = 1 - warmUp; n <= requests; n++) {
          const started = performance.now();
          const res = await fetch(`${url}${path}`, { headers: { 'x-viewer': lead.id } });
          const body = await res.text();
          if (res.status !== 200 || !check(body)) throw new Error(`botmem: ${path} answered ${res.status}: ${body.slice(0, 300)}`);
          if (n > 0) samples.push(Math.round(performance.now() - started));
        }
        return samples;
      };
      const first = percentiles(await timed('/dashboard/data.json', (b) => b.includes(`"matching":${STORED}`)));
      process.stderr.write(`  botmem: data p50/p95 ${first.median}/${first.p95} ms, peak RSS so far ${peak} MB\n`);
      const owner = percentiles(await timed(`/dashboard/data.json?owner=${encodeURIComponent(BENCH_ROLES[0] ?? '')}`, (b) => b.includes('"matching":')));
      process.stderr.write(`  botmem: by owner p50/p95 ${owner.median}/${owner.p95} ms, peak RSS so far ${peak} MB\n`);
      // Every row with its history: one export is minutes at 100,000, so two, without a warm-up.
      const csv = percentiles(await timed('/dashboard/actions.csv', (b) => b.split('\n').length > STORED, sized(2, 1), 0));
      const after = rssOf(pid);
      peak = Math.max(peak, after.peak);
      process.stderr.write(`  botmem: RSS idle ${idle} MB, after ${after.rss} MB, peak ${peak} MB; data p50/p95 ${first.median}/${first.p95} ms, by owner ${owner.median}/${owner.p95} ms, CSV ${csv.median}/${csv.p95} ms\n`);
      const at = `at ${STORED.toLocaleString('en-GB')} stored, bot process (dist/main.js, heap cap ${HEAP_CAP_MB} MB)`;
      return [
        { key: 'botmem.idleRssMb', label: `bot RSS after start, ${at}`, value: idle, unit: 'MB' },
        { key: 'botmem.peakRssMb', label: `bot peak RSS (VmHWM) serving the tab, owner filter and CSV, ${at}`, value: peak, unit: 'MB' },
        { key: 'botmem.afterRssMb', label: 'bot RSS after those requests', value: after.rss, unit: 'MB' },
        { key: 'botmem.tabP50Ms', label: `tab first data request from the bot process, median of ${REQUESTS}`, value: first.median, unit: 'ms' },
        { key: 'botmem.tabP95Ms', label: 'tab first data request, p95', value: first.p95, unit: 'ms' },
        { key: 'botmem.ownerP50Ms', label: 'tab data filtered by one owner role, median', value: owner.median, unit: 'ms' },
        { key: 'botmem.ownerP95Ms', label: 'tab data filtered by one owner role, p95', value: owner.p95, unit: 'ms' },
        { key: 'botmem.csvP50Ms', label: 'actions.csv (every row), median', value: csv.median, unit: 'ms' },
        { key: 'botmem.csvP95Ms', label: 'actions.csv, p95', value: csv.p95, unit: 'ms' },
      ];
    } finally {
      clearInterval(timer);
      if (bot.exitCode === null) {
        const exited = new Promise((resolve) => bot.once('exit', resolve));
        bot.kill('SIGTERM');
        await exited;
      }
    }
  } finally {
    await azurite.stop();
  }
}
