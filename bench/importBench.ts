// Import of all five seed plans (read + parse) in one process, after warm-up (goal: under 100 ms), then
// each office fixture on its own, from bytes in memory (goals: a 100-action PDF under 150 ms, Word and
// Excel under 50 ms), and the peak memory over the whole section.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanBytes } from '../src/import/readPlanBytes.ts';
import { readPlanFile } from '../src/import/readPlanFile.ts';
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

async function importAll(files: string[]): Promise<void> {
  for (const file of files) {
    const result = await readPlanFile(file);
    if (!result.ok) throw new Error(`bench: ${result.file}: ${result.reason}`);
  }
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
  return [
    { key: 'import.seeds', label: 'seed plans per import', value: files.length, unit: 'files' },
    { key: 'import.medianMs', label: `import all seeds, median of ${timedRounds}`, value: median, unit: 'ms' },
    { key: 'import.p95Ms', label: `import all seeds, p95 of ${timedRounds}`, value: p95, unit: 'ms' },
    ...office,
    { key: 'import.peakRssMb', label: 'peak RSS while importing (all formats)', value: mb(peak.rss), unit: 'MB' },
    { key: 'import.peakHeapUsedMb', label: 'peak heap used while importing (all formats)', value: mb(peak.heapUsed), unit: 'MB' },
  ];
}
