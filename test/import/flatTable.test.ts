// A plan kept as one flat sheet (Grid | Objective | Ref | Action | By when | By whom), as partnerships keep
// them in Excel: the grid as text on every row, the objective as a number, some cells empty. The header
// row fixes the columns; a data row that happens to read like a header never remaps them.
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';

const seeds = join(import.meta.dirname, '../../seeds/plans');

async function flatSheet(rows: (string | number)[][], masthead = ['Partnership name: Bedfordshire', 'Adult drug treatment plan 2008/09']): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const line of masthead) sheet.addRow([line]);
  sheet.addRow(['Grid', 'Objective', 'Ref', 'Action', 'By when', 'By whom']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The seed plan written out as a flat sheet from what the seed text says, cell for cell. */
async function flatFromSeed(seed: Plan): Promise<Uint8Array> {
  const objectiveNumbers = new Map<string, number>();
  const rows = seed.actions.map((action) => {
    const key = `${action.grid}|${action.objective ?? ''}`;
    if (!objectiveNumbers.has(key)) objectiveNumbers.set(key, [...objectiveNumbers.keys()].filter((k) => k.startsWith(`${action.grid}|`)).length + 1);
    const title = seed.grids.find((g) => g.number === action.grid)?.title ?? '';
    return [`${action.grid}. ${title}`, objectiveNumbers.get(key) ?? 1, action.ref ?? '', action.text, action.byWhenRaw, action.owners.join(', ')];
  });
  const start = seed.period.start.slice(0, 4);
  return flatSheet(rows, [`Partnership name: ${seed.partnership}`, `Adult drug treatment plan ${start}/${seed.period.end.slice(2, 4)}`]);
}

describe('a flat sheet with Grid and Objective columns', () => {
  it('keeps its columns after a short data row that reads like a header ("… Action Plan | June 2008 | Commissioner /DIP Lead")', async () => {
    const bytes = await flatSheet([
      ['1. Commissioning a local drug treatment system', 1, '', 'Complete an Equality Impact Assessment', 'Sept 2008', 'BDAT Commissioner'],
      ['1. Commissioning a local drug treatment system', 2, '', 'Develop an IDTS Action Plan', 'June 2008', 'Commissioner /DIP Lead'],
      ['2. Access and engagement with the drug treatment system', 1, '', 'Publish the referral pathway for the criminal justice teams', 'Dec 2008', 'DIP Lead'],
      ['2. Access and engagement with the drug treatment system', 1, '', 'Recruit two outreach workers for the north of the county', '', ''],
      ['3. Retention in and effectiveness of the drug treatment system', 1, '', 'Audit care plans across all providers', 'March 2009', 'Clinical Lead'],
    ]);
    const plan = await readPlanBytes(bytes, 'bedfordshire.xlsx');
    expect(plan.actions.map((a) => [a.grid, a.text, a.byWhenRaw, a.owners])).toEqual([
      [1, 'Complete an Equality Impact Assessment', 'Sept 2008', ['BDAT Commissioner']],
      [1, 'Develop an IDTS Action Plan', 'June 2008', ['Commissioner', 'DIP Lead']],
      [2, 'Publish the referral pathway for the criminal justice teams', 'Dec 2008', ['DIP Lead']],
      [2, 'Recruit two outreach workers for the north of the county', '', []],
      [3, 'Audit care plans across all providers', 'March 2009', ['Clinical Lead']],
    ]);
    expect(plan.grids.map((g) => [g.number, g.title])).toEqual([
      [1, 'Commissioning a local drug treatment system'],
      [2, 'Access and engagement with the drug treatment system'],
      [3, 'Retention in and effectiveness of the drug treatment system'],
    ]);
    // The action with no date or owner yet is kept and said, not dropped.
    expect(plan.warnings.some((w) => /no owner/i.test(w.message))).toBe(true);
  });

  it('still takes a repeated header further down the sheet as the header it is', async () => {
    const bytes = await flatSheet([
      ['1. Commissioning', 1, '1.1', 'Agree the needs assessment', 'June 2008', 'Commissioner'],
      ['Grid', 'Objective', 'Ref', 'Action', 'By when', 'By whom'],
      ['2. Access', 1, '2.1', 'Open the Saturday clinic', 'Sept 2008', 'Provider'],
    ]);
    const plan = await readPlanBytes(bytes, 'bedfordshire.xlsx');
    expect(plan.actions.map((a) => [a.grid, a.ref, a.byWhenRaw])).toEqual([[1, '1.1', 'June 2008'], [2, '2.1', 'Sept 2008']]);
  });

  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    it(`reads every seed plan written as a flat sheet as the seed reads: ${file}`, async () => {
      const seed = await readPlanBytes(new Uint8Array(readFileSync(join(seeds, file))), file);
      const flat = await readPlanBytes(await flatFromSeed(seed), file.replace('.txt', '.xlsx'));
      expect(flat.actions.length).toBe(seed.actions.length);
      expect(flat.grids.map((g) => g.number)).toEqual(seed.grids.map((g) => g.number));
      expect(flat.actions.map((a) => a.grid)).toEqual(seed.actions.map((a) => a.grid));
      expect(flat.actions.map((a) => JSON.stringify(a.due))).toEqual(seed.actions.map((a) => JSON.stringify(a.due)));
    });
  }
});
