// CSV (RFC 4180): quoted cells with commas, doubled quotes and line breaks inside; the separator is
// whichever of comma, semicolon or tab the first line uses most (European exports use ";").
import type { PlanDocument } from '../document/model.ts';
import { checkColumns, checkRows } from '../limits.ts';
import { sheetsDocument, textSheet } from './sheetRows.ts';

function separatorOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((sep) => [sep, first.split(sep).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** The rows of a CSV text. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === sep) {
      row.push(cell);
      checkColumns(row.length + 1);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      checkRows(rows.length);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A CSV file as a one-sheet plan document. */
export function readCsv(text: string, name: string): PlanDocument {
  return sheetsDocument([textSheet(name, parseCsv(text.replace(/^\uFEFF/, '')))]);
}
