// Fidelity of an import against labels written by reading the plan: how many labelled actions were
// found, how many found actions are real, and of those found how many have the right schedule and owners.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseByWhen } from '../../src/domain/byWhen.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';
import type { Plan, PlanPeriod } from '../../src/domain/plan.ts';
import { variantKey } from '../../src/import/roleVariants.ts';

/** One labelled action. */
export interface Label {
  ref: string | null;
  text: string;
  byWhen: string;
  owners: string[];
}

/** The four figures, as fractions. */
export interface Fidelity {
  found: number;
  precision: number;
  schedules: number;
  owners: number;
}

/** The labels of one plan. */
export function labels(name: string): Label[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/labels', `${name}.json`), 'utf8')) as Label[];
}

const key = (ref: string | null, text: string): string => `${ref ?? ''}|${text.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 60)}`;
const ownerSet = (owners: string[]): string => [...new Set(owners.map(variantKey))].sort().join('|');

/** Scores `plan` against `truth`; a labelled action is found when its reference and first words match. */
export function fidelity(plan: Plan, truth: Label[], period: PlanPeriod): Fidelity {
  const open = new Map<string, Label[]>();
  for (const label of truth) open.set(key(label.ref, label.text), [...(open.get(key(label.ref, label.text)) ?? []), label]);
  let matched = 0;
  let schedules = 0;
  let owners = 0;
  for (const action of plan.actions) {
    const label = open.get(key(action.ref, action.text))?.shift();
    if (label === undefined) continue;
    matched += 1;
    if (JSON.stringify(parseByWhen(label.byWhen, period).due) === JSON.stringify(action.due)) schedules += 1;
    if (ownerSet(label.owners) === ownerSet(action.owners)) owners += 1;
  }
  return {
    found: matched / truth.length,
    precision: plan.actions.length === 0 ? 0 : matched / plan.actions.length,
    schedules: matched === 0 ? 0 : schedules / matched,
    owners: matched === 0 ? 0 : owners / matched,
  };
}

const plans: { name: string; files: string[] }[] = [
  { name: 'isleOfWight', files: ['../../seeds/plans/000_8d414cf89c93b93b.txt', 'office/000_8d414cf89c93b93b.docx', 'office/000_8d414cf89c93b93b.pdf', 'office/000_8d414cf89c93b93b.xlsx'] },
  { name: 'worcestershire', files: ['../../seeds/plans/002_435ae65e161c75e5.txt', 'office/002_435ae65e161c75e5.merged.docx', 'office/002_435ae65e161c75e5.merged.pdf'] },
  { name: 'peterborough', files: ['../../seeds/plans/004_8aa2ae1dee1ce07a.txt', 'office/004_8aa2ae1dee1ce07a.docx', 'office/004_8aa2ae1dee1ce07a.pdf', 'office/004_8aa2ae1dee1ce07a.xlsx'] },
  { name: 'bedfordshire', files: ['../../seeds/plans/001_d1c48e8489243e3c.txt'] },
  { name: 'gloucestershire', files: ['../../seeds/plans/003_f94f6abc3f8761ff.txt'] },
].map((plan) => {
  // The same plans in another layout (Ref, Lead, Target date, RAG, objective rows, leads on lines, merged
  // Lead cells, landscape, headers repeated across pages): scripts/makeOfficeFixtures.ts writes them.
  // And as one flat table (Grid | Objective | Ref | Action | By when | By whom), some rows with no date or owner.
  const stem = { isleOfWight: 'isle-of-wight-2008-09', worcestershire: 'worcestershire-2009-10', peterborough: 'peterborough-2011-14', gloucestershire: 'gloucestershire-2010-11', bedfordshire: 'bedfordshire-2008-09' }[plan.name];
  const layouts = ['docx', 'pdf', 'xlsx', 'csv'].map((ext) => `layouts/${stem}.layout.${ext}`);
  const flat = ['docx', 'xlsx', 'csv'].map((ext) => `layouts/${stem}.flat.${ext}`);
  // Both Word files printed to PDF by an office suite: tight padding, merged cells, rows broken across pages.
  const printed = ['layout', 'flat'].map((kind) => `layouts/${stem}.${kind}.printed.pdf`);
  return { ...plan, files: [...plan.files, ...layouts, ...flat, ...printed] };
});

/** The format a file counts under: its extension, and "(other layout)" or "(flat)" for the layout renderings. */
const formatOf = (file: string): string =>
  `${file.split('.').at(-1) ?? ''}${file.includes('.printed.') ? ' printed from Word' : ''}${file.includes('.layout.') ? ' (other layout)' : file.includes('.flat.') ? ' (flat)' : ''}`;

/** The flat sheet and CSV leave some rows' date and owner empty: scored against labels that say so. */
const truthFor = (name: string, file: string): Label[] => labels(/\.flat\.(?:xlsx|csv)$/.test(file) ? `${name}.gaps` : name);

async function read(file: string): Promise<Plan> {
  const path = join(import.meta.dirname, '../fixtures', file);
  return readPlanBytes(new Uint8Array(readFileSync(path)), path);
}

/** Figures per format, summed over the plans by action count. */
export async function byFormat(): Promise<Map<string, Fidelity>> {
  const sums = new Map<string, { n: number; found: number; precision: number; schedules: number; owners: number }>();
  for (const { name, files } of plans) {
    for (const file of files) {
      const truth = truthFor(name, file);
      const plan = await read(file);
      const figures = fidelity(plan, truth, plan.period);
      const format = formatOf(file);
      const sum = sums.get(format) ?? { n: 0, found: 0, precision: 0, schedules: 0, owners: 0 };
      const n = truth.length;
      sums.set(format, {
        n: sum.n + n, found: sum.found + figures.found * n, precision: sum.precision + figures.precision * n,
        schedules: sum.schedules + figures.schedules * n, owners: sum.owners + figures.owners * n,
      });
    }
  }
  return new Map([...sums].map(([format, s]) => [format, { found: s.found / s.n, precision: s.precision / s.n, schedules: s.schedules / s.n, owners: s.owners / s.n }]));
}

