// Spreadsheet rows (Excel or CSV) as a document: one table per sheet, the sheet's name as a
// paragraph before it (a workbook with a sheet per planning grid names the grid there).
import { textCell, type DocBlock, type DocCell, type PlanDocument } from '../document/model.ts';

/** One sheet: its name and its rows of cells (already text; merged ranges resolved by the reader). */
export interface Sheet {
  name: string;
  rows: { line: number; cells: DocCell[] }[];
}

/** The sheets as a plan document. */
export function sheetsDocument(sheets: Sheet[]): PlanDocument {
  const blocks: DocBlock[] = [];
  for (const sheet of sheets) {
    if (sheets.length > 1) blocks.push({ kind: 'paragraph', line: 0, text: sheet.name });
    blocks.push({ kind: 'table', rows: sheet.rows });
  }
  return { blocks };
}

/** Plain rows of text as one sheet. */
export function textSheet(name: string, rows: string[][]): Sheet {
  return { name, rows: rows.map((cells, i) => ({ line: i + 1, cells: cells.map((cell) => textCell(cell)) })) };
}
