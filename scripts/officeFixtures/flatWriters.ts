// Writes a LayoutPlan as one flat table, as partnerships keep plans in a spreadsheet: columns
// Grid | Objective | Ref | Action | By when | By whom, with no headings and no objective rows. The grid is
// text ("2. Access and engagement …"), the objective its number within the grid. `repeat` writes both on
// every row; otherwise only on the first row of each group, the cells below left empty, as people do.
// With `gaps`, every GAP-th action has no date or owner yet: empty cells (its labels say so too). Used by scripts/makeOfficeFixtures.ts.
import { Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { LayoutRow } from './layoutPlan.ts';
import type { LayoutPlan } from './writers.ts';

export const flatHeader = ['Grid', 'Objective', 'Ref', 'Action', 'By when', 'By whom'];

/** Every GAP-th action of a "gaps" rendering has no date or owner yet: both cells empty. */
export const GAP = 7;

/** The rows of the flat table, as cell lines (a cell's owners are one per line). */
export function flatRows(plan: LayoutPlan, repeat: boolean, gaps = false): string[][][] {
  const rows: string[][][] = [];
  for (const grid of plan.grids) {
    const gridText = grid.heading.replace(/^Planning grid (\d+):?\s*/, '$1. ');
    let objective = 0;
    let first = true;
    let objectiveFirst = true;
    for (const row of grid.rows as LayoutRow[]) {
      if ('objective' in row) {
        objective += 1;
        objectiveFirst = true;
        continue;
      }
      const gridCell = repeat || first ? gridText : '';
      const objectiveCell = objective === 0 ? '' : repeat || objectiveFirst ? String(objective) : '';
      const gap = gaps && (rows.length + 1) % GAP === 0;
      rows.push([[gridCell], [objectiveCell], [row.ref], [row.action], [gap ? '' : row.target], gap ? [] : row.leads]);
      first = false;
      objectiveFirst = false;
    }
  }
  return rows;
}

/** One sheet: the masthead, then the header and the rows. */
export async function flatExcelFile(plan: LayoutPlan, repeat: boolean, gaps = false): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Action plan');
  sheet.addRow([plan.partnershipLine]);
  sheet.addRow([plan.titleLine]);
  sheet.addRow(flatHeader);
  for (const row of flatRows(plan, repeat, gaps)) sheet.addRow(row.map((lines) => lines.join('\n')));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The flat table as CSV (owners separated by ", "). */
export function flatCsvFile(plan: LayoutPlan, repeat: boolean, gaps = false): string {
  const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [flatHeader.join(',')];
  for (const row of flatRows(plan, repeat, gaps)) lines.push(row.map((cell) => quote(cell.join(', '))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The flat table in Word, under the masthead lines. */
export async function flatWordFile(plan: LayoutPlan, repeat: boolean, gaps = false): Promise<Buffer> {
  const cell = (lines: string[], bold = false): TableCell =>
    new TableCell({ children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })), width: { size: 1, type: WidthType.AUTO } });
  const table = new Table({
    rows: [
      new TableRow({ tableHeader: true, children: flatHeader.map((h) => cell([h], true)) }),
      ...flatRows(plan, repeat, gaps).map((row) => new TableRow({ children: row.map((lines) => cell(lines)) })),
    ],
    width: { size: 100, type: WidthType.PERCENTAGE },
  });
  const doc = new Document({
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
      children: [new Paragraph({ children: [new TextRun({ text: plan.partnershipLine, bold: true })] }), new Paragraph(plan.titleLine), table],
    }],
  });
  return Packer.toBuffer(doc);
}
