// Import of all five seed plans (read + parse) in one process, after warm-up (goal: under 100 ms), then
// each office fixture on its own, from bytes in memory (goals: a 100-action PDF under 150 ms, Word and
// Excel under 50 ms), and the peak memory over the whole section. Then each office fixture and each
// hostile file as the bot reads them, in a worker thread: the thread's time and heap, and the event
// loop's worst lag while the largest fixture is read (goal: under 50 ms).
import { readdir, readFile, stat } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanBytes } from '../src/import/readPlanBytes.ts';
import { measureReadInWorker } from '../src/import/worker/readInWorker.ts';
import * as hostile from '../test/support/hostileFiles.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const warmUpRounds = sized(20, 1);
const timedRounds = sized(50, 2);
const officeRounds = sized(30, 1);
const seedsDir = fileURLToPath(new URL('../seeds/plans/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

const peak = { rss: 0, heapUsed: 0 };

function sampleMemory(): void {
  const memory = process.memoryUsage();
  peak.rss = Math.max(peak.rss, memory.rss);
  peak.heapUsed = Math.max(peak.heapUsed, memory.heapUsed);
}

// Parsing on this thread (readPlanBytes): readPlanFile now starts a worker per file, measured below.
async function importAll(files: string[]): Promise<void> {
  for (const file of files) await readPlanBytes(new Uint8Array(await readFile(file)), file);
}

/** Median and p95 of importing one office file from memory, with its action count. */
async function officeFigures(path: string): Promise<BenchFigure[]> {
  const bytes = new Uint8Array(await readFile(path));
  const name = path.slice(fixturesDir.length);
  let actions = 0;
  for (let i = 0; i < sized(5, 1); i += 1) actions = (await readPlanBytes(bytes, name)).actions.length;
  const times: number[] = [];
  for (let i = 0; i < officeRounds; i += 1) {
    const started = performance.now();
    await readPlanBytes(bytes, name);
    times.push(performance.now() - started);
    sampleMemory();
  }
  const { median, p95 } = percentiles(times);
  const key = `import.${name.replace(/^.*\//, '').replace(/^(\d{3})_[0-9a-f]+/, '$1').replace(/[^a-z0-9]+/gi, '_')}`;
  return [
    { key: `${key}.medianMs`, label: `${name} (${actions} actions), median of ${officeRounds}`, value: median, unit: 'ms' },
    { key: `${key}.p95Ms`, label: `${name}, p95 of ${officeRounds}`, value: p95, unit: 'ms' },
  ];
}

const keyOf = (name: string): string => name.replace(/^.*\//, '').replace(/^(\d{3})_[0-9a-f]+/, '$1').replace(/[^a-z0-9]+/gi, '_');

/** One file read in a worker thread, as the bot and the CLI read it: wall time, time and heap in the thread. */
async function workerFigures(name: string, bytes: Uint8Array): Promise<BenchFigure[]> {
  const { result, wallMs, usage } = await measureReadInWorker(bytes, name);
  const key = `import.worker.${keyOf(name)}`;
  const short = result.length > 60 ? `${result.slice(0, 60)}…` : result;
  return [
    { key: `${key}.wallMs`, label: `${name} in a worker (${short}): start to answer`, value: Math.round(wallMs), unit: 'ms' },
    { key: `${key}.readMs`, label: `${name}: reading inside the thread`, value: Math.round(usage?.readMs ?? -1), unit: 'ms' },
    { key: `${key}.heapMb`, label: `${name}: the thread's peak heap`, value: Math.round((usage?.heapMb ?? -1) * 10) / 10, unit: 'MB' },
  ];
}

/** The event loop's worst delay while `bytes` is read in a worker thread. */
async function lagWhileReading(name: string, bytes: Uint8Array): Promise<number> {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  await measureReadInWorker(bytes, name);
  lag.disable();
  return Math.round((lag.max / 1e6) * 10) / 10;
}

/** Times full imports of every seed, then of every office fixture; samples memory for the peaks. */
export async function run(): Promise<BenchFigure[]> {
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedsDir, f));
  for (let i = 0; i < warmUpRounds; i += 1) await importAll(files);
  const times: number[] = [];
  for (let i = 0; i < timedRounds; i += 1) {
    const started = performance.now();
    await importAll(files);
    times.push(performance.now() - started);
    sampleMemory();
  }
  const { median, p95 } = percentiles(times);
  const office: BenchFigure[] = [];
  for (const dir of ['office', 'layouts']) {
    for (const file of (await readdir(join(fixturesDir, dir))).sort()) office.push(...(await officeFigures(join(fixturesDir, dir, file))));
  }
  const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const fixtures: string[] = [];
  for (const dir of ['office', 'layouts']) fixtures.push(...(await readdir(join(fixturesDir, dir))).sort().map((file) => join(fixturesDir, dir, file)));
  const worker: BenchFigure[] = [];
  for (const path of fixtures) worker.push(...(await workerFigures(path.slice(fixturesDir.length), new Uint8Array(await readFile(path)))));
  const hostiles: [string, Uint8Array][] = [
    ['span-bomb.docx', hostile.spanBombDocx()], ['16000-rows.csv', hostile.repeatedCsv(16_000)], ['900-same-rows.csv', hostile.repeatedCsv(900)],
    ['400000-rows.xlsx', hostile.hugeSheetXlsx(400_000)], ['zip-bomb.docx', hostile.lyingZipBombDocx(100)],
    ['12000-shapes-a-page.pdf', await hostile.shapesPdf(8, 12_000)], ['2500-shapes-a-page.pdf', await hostile.shapesPdf(8, 2_500)],
    ['nested.html', hostile.nestedHtml(100_000)],
  ];
  for (const [name, bytes] of hostiles) worker.push(...(await workerFigures(name, bytes)));
  const sizes = await Promise.all(fixtures.map(async (path) => ({ path, size: (await stat(path)).size })));
  const largest = sizes.sort((a, b) => b.size - a.size)[0]?.path ?? fixtures[0] ?? '';
  const largestName = largest.slice(fixturesDir.length);
  const lag = await lagWhileReading(largestName, new Uint8Array(await readFile(largest)));
  return [
    { key: 'import.seeds', label: 'seed plans per import', value: files.length, unit: 'files' },
    { key: 'import.medianMs', label: `import all seeds, median of ${timedRounds}`, value: median, unit: 'ms' },
    { key: 'import.p95Ms', label: `import all seeds, p95 of ${timedRounds}`, value: p95, unit: 'ms' },
    ...office,
    ...worker,
    { key: 'import.worker.largestLagMs', label: `event loop's worst lag while ${largestName} is read in a worker (goal < 50)`, value: lag, unit: 'ms' },
    { key: 'import.peakRssMb', label: 'peak RSS while importing (all formats)', value: mb(peak.rss), unit: 'MB' },
    { key: 'import.peakHeapUsedMb', label: 'peak heap used while importing (all formats)', value: mb(peak.heapUsed), unit: 'MB' },
  ];
}
