// Writes test/fixtures/layouts: the Somerset plan (officeFixtures/layoutPlan.ts) and the three labelled
// plans (officeFixtures/labelledPlans.ts) in a layout unlike the seed files, as Word, Excel, a PDF with
// ruled tables, and CSV (officeFixtures/writers.ts). Run by hand: `node --import tsx
// scripts/makeOfficeFixtures.ts`; the outputs are committed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { labelledPlans, layoutOf } from './officeFixtures/labelledPlans.ts';
import { grids, partnershipLine, titleLine } from './officeFixtures/layoutPlan.ts';
import { csvFile, excelFile, pdfFile, wordFile, type LayoutPlan } from './officeFixtures/writers.ts';

const out = join(import.meta.dirname, '../test/fixtures/layouts');

async function writeAll(plan: LayoutPlan, stem: string, csvName: string, breakAfter = -1): Promise<void> {
  await writeFile(join(out, `${stem}.docx`), await wordFile(plan));
  await writeFile(join(out, `${stem}.xlsx`), await excelFile(plan));
  await writeFile(join(out, `${stem}.pdf`), await pdfFile(plan, breakAfter));
  await writeFile(join(out, csvName), csvFile(plan));
}

// Somerset's grid 1 breaks across pages before its second objective, so the header repeats.
await writeAll({ partnershipLine, titleLine, grids }, 'somerset-2012-13', 'somerset-daat-plan-2012-13.csv', 4);
for (const plan of labelledPlans) {
  const { layout, period } = await layoutOf(plan);
  await writeAll(layout, `${plan.stem}-${period}.layout`, `${plan.stem}-${period}.layout.csv`);
}
process.stdout.write(`written to ${out}\n`);
