// The five labelled plans (test/fixtures/labels) laid out as another partnership would: each label's
// action, "By when" and owners as written, in grid and objective order taken from the seed text, leads
// one per line, the same leads on consecutive rows merged down. Fidelity is then measured against the
// same labels whatever the layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';
import type { LayoutGrid, LayoutRow } from './layoutPlan.ts';
import type { LayoutPlan } from './writers.ts';

interface Label {
  ref: string | null;
  text: string;
  byWhen: string;
  owners: string[];
}

/** The labelled plans: label file, seed text, and the file-name stem of their renderings. */
export const labelledPlans = [
  { labels: 'isleOfWight', seed: '000_8d414cf89c93b93b.txt', stem: 'isle-of-wight' },
  { labels: 'worcestershire', seed: '002_435ae65e161c75e5.txt', stem: 'worcestershire' },
  { labels: 'peterborough', seed: '004_8aa2ae1dee1ce07a.txt', stem: 'peterborough' },
  { labels: 'bedfordshire', seed: '001_d1c48e8489243e3c.txt', stem: 'bedfordshire' },
  { labels: 'gloucestershire', seed: '003_f94f6abc3f8761ff.txt', stem: 'gloucestershire' },
];

const root = join(import.meta.dirname, '../..');
const key = (ref: string | null, text: string): string => `${ref ?? ''}|${text.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 60)}`;
const RAG = ['Green', 'Amber', 'Green', 'Red'];

type ActionRow = Extract<LayoutRow, { ref: string }>;

/** One labelled plan in the layout, and the period words its file name carries ("2009-10"). */
export async function layoutOf(plan: (typeof labelledPlans)[number]): Promise<{ layout: LayoutPlan; period: string }> {
  const labels = JSON.parse(readFileSync(join(root, 'test/fixtures/labels', `${plan.labels}.json`), 'utf8')) as Label[];
  const seed = await readPlanBytes(new Uint8Array(readFileSync(join(root, 'seeds/plans', plan.seed))), plan.seed);
  const where = new Map<string, { grid: number; objective: string | null }[]>();
  for (const action of seed.actions) where.set(key(action.ref, action.text), [...(where.get(key(action.ref, action.text)) ?? []), action]);
  const grids = new Map<number, LayoutGrid>();
  let last = { grid: seed.grids[0]?.number ?? 1, objective: null as string | null };
  let previous: ActionRow | null = null;
  labels.forEach((label, i) => {
    const at = where.get(key(label.ref, label.text))?.shift() ?? last;
    const title = seed.grids.find((g) => g.number === at.grid)?.title ?? '';
    const grid = grids.get(at.grid) ?? { heading: `Planning grid ${at.grid}${title === '' ? '' : `: ${title}`}`, rows: [] };
    grids.set(at.grid, grid);
    if (at.objective !== null && (at.objective !== last.objective || at.grid !== last.grid || grid.rows.length === 0)) {
      grid.rows.push({ objective: `Objective: ${at.objective}` });
      previous = null;
    }
    const row: ActionRow = { ref: label.ref ?? '', action: label.text, leads: label.owners, target: label.byWhen, rag: RAG[i % RAG.length] ?? 'Green' };
    // The same leads on the next row: one cell merged down, as people make them.
    const above: ActionRow | null = previous;
    if (above !== null && label.owners.length > 0 && above.leads.join('|') === label.owners.join('|')) {
      above.mergedLead ??= 'start';
      row.mergedLead = 'continue';
    }
    grid.rows.push(row);
    previous = row;
    last = at;
  });
  const start = Number(seed.period.start.slice(0, 4));
  const end = Number(seed.period.end.slice(0, 4));
  const period = `${start}-${String(end).slice(2)}`;
  return {
    layout: { partnershipLine: `Partnership name: ${seed.partnership}`, titleLine: `Adult drug treatment plan ${start}/${String(end).slice(2)}`, grids: [...grids.values()] },
    period,
  };
}
