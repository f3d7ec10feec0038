// Storage figures on a real Azurite: "what is due" must cost what is due, not what is stored, and a
// 100,000-action plan must import in seconds.
import { addDays, formatISO, parseISO } from 'date-fns';
import type { IsoDate, Plan, PlanAction } from '../src/domain/plan.ts';
import type { ActionProgress } from '../src/domain/progress.ts';
import type { Store } from '../src/domain/ports.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const TODAY: IsoDate = '2026-11-24';
const DUE_TODAY = sized(200, 20);
const [SMALL, BIG] = sized([10_000, 100_000], [300, 1_000]);

function day(offset: number): IsoDate {
  return formatISO(addDays(parseISO(TODAY), offset), { representation: 'date' });
}

/** `count` actions: DUE_TODAY of them due over the last six months, the rest over the next two years. */
function syntheticPlan(id: string, count: number): Plan {
  const actions: PlanAction[] = [];
  for (let i = 0; i < count; i++) {
    const date = i < DUE_TODAY ? day(-(i % 180)) : day(1 + (i % 730));
    actions.push({
      id: `a${i}`, ref: `${1 + (i % 9)}.${i}`, grid: 1 + (i % 9), objective: 'Reduce drug related harm',
      text: `Synthetic action ${i}: review the needle exchange provision and report to the board`,
      byWhenRaw: date, ownersRaw: i % 2 ? 'SMLO' : 'DAT Co-ordinator', owners: [i % 2 ? 'SMLO' : 'DAT Co-ordinator'],
      due: { kind: 'date', date }, source: { line: i + 1 },
    });
  }
  return { id, partnership: 'Bench DAT', period: { start: '2026-04-01', end: '2028-03-31' }, grids: [], actions, roles: [], warnings: [] };
}

function startOf(a: PlanAction): ActionProgress {
  const date = a.due.kind === 'date' ? a.due.date : null;
  return { status: 'open', occurrence: date, dueDate: date, reason: null, updatedAt: null, updatedBy: null };
}

async function timeDueBy(store: Store): Promise<number> {
  const found = await store.actions.dueBy(TODAY); // warm-up, and a check the figure measures the right thing
  if (found.length !== DUE_TODAY) throw new Error(`dueBy found ${found.length} actions, expected ${DUE_TODAY}`);
  const samples: number[] = [];
  for (let i = 0; i < sized(7, 1); i++) {
    const started = performance.now();
    await store.actions.dueBy(TODAY);
    samples.push(performance.now() - started);
  }
  return percentiles(samples).median;
}

/** Imports 10,000 and 100,000 synthetic actions into a private Azurite and times dueBy and the import. */
export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  try {
    const say = (what: string): boolean => process.stderr.write(`store bench: ${what}\n`);
    say(`importing ${SMALL.toLocaleString('en-GB')} actions`);
    const small = await openTableStore(azurite.connectionString, 'benchSmall');
    await small.plans.savePlan(syntheticPlan('bench-10k', SMALL), startOf, `${TODAY}T09:00:00Z`);
    say(`importing ${BIG.toLocaleString('en-GB')} actions`);
    const big = await openTableStore(azurite.connectionString, 'benchBig');
    const started = performance.now();
    await big.plans.savePlan(syntheticPlan('bench-100k', BIG), startOf, `${TODAY}T09:00:00Z`);
    const importSeconds = (performance.now() - started) / 1000;
    say(`imported in ${importSeconds.toFixed(1)} s; timing dueBy`);
    const dueSmall = await timeDueBy(small);
    const dueBig = await timeDueBy(big);
    return [
      { key: 'store.dueBy.10k', label: `dueBy(today), ${DUE_TODAY} due of 10,000 stored (median of 7)`, value: dueSmall, unit: 'ms' },
      { key: 'store.dueBy.100k', label: `dueBy(today), ${DUE_TODAY} due of 100,000 stored (median of 7)`, value: dueBig, unit: 'ms' },
      { key: 'store.dueBy.ratio', label: 'dueBy at 100,000 stored / at 10,000', value: dueBig / dueSmall, unit: 'x' },
      { key: 'store.import.100k', label: 'import of a 100,000-action plan (actions, due and role indexes)', value: importSeconds, unit: 's' },
    ];
  } finally {
    await azurite.stop();
  }
}
