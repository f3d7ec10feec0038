// Excel (.xlsx) with exceljs: every sheet's rows as text, merged ranges resolved (a range across a row
// is one wide cell, a range down rows gives its text to each row), real dates written as a person would.
import ExcelJS from 'exceljs';
import type { DocCell } from '../document/model.ts';
import { textCell, type PlanDocument } from '../document/model.ts';
import { checkColumns, checkRows } from '../limits.ts';
import { PlanFormatError } from '../planFormatError.ts';
import { checkUnzips } from './zipEntries.ts';
import { sheetsDocument, type Sheet } from './sheetRows.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  // A date typed into Excel is a day, stored at midnight UTC.
  if (value instanceof Date) return `${value.getUTCDate()} ${MONTHS[value.getUTCMonth()] ?? ''} ${value.getUTCFullYear()}`;
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

function sheetOf(sheet: ExcelJS.Worksheet, counted: { rows: number }): Sheet {
  const rows: Sheet['rows'] = [];
  // exceljs works columnCount out afresh from every row each time it is read: once per sheet, not per cell.
  const columns = sheet.columnCount;
  checkColumns(columns);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    counted.rows += 1;
    checkRows(counted.rows);
    const cells: DocCell[] = [];
    for (let col = 1; col <= columns; col += 1) {
      const cell = row.getCell(col);
      const master = cell.isMerged ? cell.master : cell;
      if (master !== cell && master.row === cell.row) {
        // The rest of a range across the row: the cell before covers this column too.
        const before = cells.at(-1);
        if (before !== undefined) before.span += 1;
        continue;
      }
      const text = cellText(master);
      cells.push(textCell(text, 1, master !== cell));
    }
    rows.push({ line: rowNumber, cells });
  });
  return { name: sheet.name, rows };
}

/** Reads every sheet of an .xlsx file. @throws PlanFormatError for a file exceljs cannot open. */
export async function readXlsx(bytes: Uint8Array): Promise<PlanDocument> {
  // exceljs unzips everything it is given: the caps on unzipped size are checked before it starts.
  // A sheet's rows are counted in its XML first: exceljs would build every one of them before they could be.
  let rows = 0;
  checkUnzips(bytes, (name, part) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return;
    rows += Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('latin1').match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
    checkRows(rows);
  });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new PlanFormatError(`damaged Excel file (${error instanceof Error ? error.message : String(error)})`);
  }
  const counted = { rows: 0 };
  return sheetsDocument(workbook.worksheets.filter((sheet) => sheet.state !== 'hidden').map((sheet) => sheetOf(sheet, counted)));
}
