// Import of all five seed plans (read + parse) in one process, after warm-up. Goal: under 100 ms.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanFile } from '../src/import/readPlanFile.ts';
import { percentiles, type BenchFigure } from './table.ts';

const warmUpRounds = 20;
const timedRounds = 50;
const seedsDir = fileURLToPath(new URL('../seeds/plans/', import.meta.url));

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

/** Times full imports of every seed; samples memory after each timed round for the peaks. */
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
  const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return [
    { key: 'import.seeds', label: 'seed plans per import', value: files.length, unit: 'files' },
    { key: 'import.medianMs', label: `import all seeds, median of ${timedRounds}`, value: median, unit: 'ms' },
    { key: 'import.p95Ms', label: `import all seeds, p95 of ${timedRounds}`, value: p95, unit: 'ms' },
    { key: 'import.peakRssMb', label: 'peak RSS while importing', value: mb(peak.rss), unit: 'MB' },
    { key: 'import.peakHeapUsedMb', label: 'peak heap used while importing', value: mb(peak.heapUsed), unit: 'MB' },
  ];
}
