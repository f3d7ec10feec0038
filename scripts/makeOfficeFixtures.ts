// Writes test/fixtures/layouts: the Somerset plan (officeFixtures/layoutPlan.ts) and the labelled
// plans (officeFixtures/labelledPlans.ts) in a layout unlike the seed files, as Word, Excel, a PDF with
// ruled tables, and CSV (officeFixtures/writers.ts). Run by hand: `node --import tsx
// scripts/makeOfficeFixtures.ts`; the outputs are committed.
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelledPlans, layoutOf } from './officeFixtures/labelledPlans.ts';
import { grids, partnershipLine, titleLine } from './officeFixtures/layoutPlan.ts';
import { csvFile, excelFile, pdfFile, wordFile, type LayoutPlan } from './officeFixtures/writers.ts';
import { flatCsvFile, flatExcelFile, flatWordFile, GAP } from './officeFixtures/flatWriters.ts';

const out = join(import.meta.dirname, '../test/fixtures/layouts');
const labelsDir = join(import.meta.dirname, '../test/fixtures/labels');

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
  // A flat table (Grid | Objective | Ref | Action | By when | By whom): the sheet repeats grid and
  // objective on every row, the CSV only on a group's first row, both with rows missing date and owner;
  // the Word table repeats them with no gaps.
  const stem = `${plan.stem}-${period}.flat`;
  await writeFile(join(out, `${stem}.xlsx`), await flatExcelFile(layout, true, true));
  await writeFile(join(out, `${stem}.csv`), flatCsvFile(layout, false, true));
  await writeFile(join(out, `${stem}.docx`), await flatWordFile(layout, true, false));
  // Their labels: the plan's, with the gaps' dates and owners emptied (from the labels, not the importer).
  const labels = JSON.parse(await readFile(join(labelsDir, `${plan.labels}.json`), 'utf8')) as { byWhen: string; owners: string[] }[];
  const gapped = labels.map((label, i) => ((i + 1) % GAP === 0 ? { ...label, byWhen: '', owners: [] } : label));
  await writeFile(join(labelsDir, `${plan.labels}.gaps.json`), `[\n${gapped.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`);
}
// The Word files printed to PDF by an office suite, as partnerships publish them (LibreOffice, when present).
const words = (await readdir(out)).filter((name) => /\.(?:layout|flat)\.docx$/.test(name));
for (const name of words) {
  // One file per call: a busy office suite sometimes skips files of a long list.
  const printing = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmpdir(), join(out, name)], { stdio: 'ignore' });
  if (printing.status !== 0) {
    process.stdout.write('soffice not found: the printed PDFs were not written\n');
    break;
  }
  await rename(join(tmpdir(), name.replace(/\.docx$/, '.pdf')), join(out, name.replace(/\.docx$/, '.printed.pdf')));
}
process.stdout.write(`written to ${out}\n`);
