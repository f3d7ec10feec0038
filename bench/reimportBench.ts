// Re-import cost on a real Azurite: the largest seed plan and a synthetic 10,000-action plan are imported,
// then imported again alternately as two versions (a tenth of the texts and dates changed), median of rounds.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan, PlanAction } from '../src/domain/plan.ts';
import type { ActionProgress } from '../src/domain/progress.ts';
import { readPlanFile } from '../src/import/readPlanFile.ts';
import { startAzurite } from '../src/store/azurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { percentiles, type BenchFigure } from './table.ts';

const seedsDir = fileURLToPath(new URL('../seeds/plans/', import.meta.url));

function startOf(a: PlanAction): ActionProgress {
  const date = a.due.kind === 'date' ? a.due.date : null;
  return { status: 'open', occurrence: date, dueDate: date, reason: null, updatedAt: null, updatedBy: null };
}

/** The second version: every tenth action reworded and moved a year on. */
function revised(plan: Plan): Plan {
  return {
    ...plan,
    actions: plan.actions.map((a, i) => (i % 10 !== 0 ? a : {
      ...a, text: `${a.text} (revised)`, ...(a.due.kind === 'date' ? { due: { kind: 'date' as const, date: `${Number(a.due.date.slice(0, 4)) + 1}${a.due.date.slice(4)}` } } : {}),
    })),
  };
}

function synthetic(count: number): Plan {
  const actions: PlanAction[] = Array.from({ length: count }, (_, i) => {
    const date = `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return { id: `a${i}`, ref: `${1 + (i % 9)}.${i}`, grid: 1 + (i % 9), objective: 'Reduce drug related harm', text: `Synthetic action ${i}: review the needle exchange`, byWhenRaw: date, ownersRaw: i % 2 ? 'SMLO' : 'DAT Co-ordinator', owners: [i % 2 ? 'SMLO' : 'DAT Co-ordinator'], due: { kind: 'date', date }, source: { line: i + 1 } };
  });
  return { id: `synthetic-${count}`, partnership: 'Bench DAT', period: { start: '2026-04-01', end: '2028-03-31' }, grids: [], actions, roles: [], warnings: [] };
}

async function timeReimports(connectionString: string, prefix: string, plan: Plan, rounds: number): Promise<number> {
  const store = await openTableStore(connectionString, prefix);
  const versions = [plan, revised(plan)];
  await store.plans.savePlan(plan, startOf, '2026-11-24T09:00:00Z');
  const times: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const started = performance.now();
    await store.plans.savePlan(versions[i % 2] as Plan, startOf, `2026-11-24T09:${String(i).padStart(2, '0')}:00Z`);
    times.push(performance.now() - started);
  }
  return percentiles(times).median;
}

export async function run(): Promise<BenchFigure[]> {
  const azurite = await startAzurite();
  try {
    const plans: Plan[] = [];
    for (const f of (await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort()) {
      const read = await readPlanFile(join(seedsDir, f));
      if (read.ok) plans.push(read.plan);
    }
    const largest = plans.sort((a, b) => b.actions.length - a.actions.length)[0] as Plan;
    const seed = await timeReimports(azurite.connectionString, 'reimportSeed', largest, 15);
    const big = await timeReimports(azurite.connectionString, 'reimportBig', synthetic(10_000), 5);
    return [
      { key: 'reimport.seed.medianMs', label: `re-import of the largest seed plan (${largest.actions.length} actions), median of 15`, value: seed, unit: 'ms' },
      { key: 'reimport.10k.medianMs', label: 're-import of a 10,000-action plan, median of 5', value: big, unit: 'ms' },
    ];
  } finally {
    await azurite.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of await run()) console.log(`${f.label}: ${f.value.toFixed(1)} ${f.unit}`);
}
