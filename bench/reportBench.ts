// The quarterly board report for each of the five seed plans (after a quarter of answers, as in the
// report tests), as PDF and as Word: from reading the store to the finished file. Goal: under 1 s for
// the largest seed plan as PDF.
import { loadDirectory } from '../src/app/directory.ts';
import { makeReport } from '../src/report/makeReport.ts';
import { quarter } from '../src/report/quarter.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { REPORT_DAY, seedWorld } from '../test/report/seedWorld.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const RUNS = sized(7, 1);
const WARM_UP = 1;

export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  try {
    const store = await openTableStore(azurite.connectionString, 'report');
    await seedWorld(store);
    const directory = await loadDirectory(store);
    const figures: BenchFigure[] = [];
    const largest = [...directory.plans].sort((a, b) => b.actions - a.actions)[0]?.id;
    for (const plan of directory.plans) {
      for (const format of ['pdf', 'docx'] as const) {
        const samples: number[] = [];
        for (let n = 0; n < WARM_UP + RUNS; n++) {
          const started = performance.now();
          const file = await makeReport(store, directory, plan.id, quarter(2026, 1), format, REPORT_DAY);
          if (!file || file.bytes.length < 1000) throw new Error(`report bench: no ${format} for ${plan.id}`);
          if (n >= WARM_UP) samples.push(Math.round(performance.now() - started));
        }
        const { median, p95 } = percentiles(samples);
        process.stderr.write(`  report: ${plan.id} (${plan.actions} actions) ${format}: median ${median} ms, p95 ${p95} ms\n`);
        const name = plan.id.split('-')[0] ?? plan.id;
        figures.push({ key: `report.${name}.${format}.medianMs`, label: `board report ${plan.partnership.slice(0, 40)} (${plan.actions} actions), ${format}, median of ${RUNS}${plan.id === largest && format === 'pdf' ? ' (goal < 1,000 ms)' : ''}`, value: median, unit: 'ms' });
      }
    }
    return figures;
  } finally {
    await azurite.stop();
  }
}
