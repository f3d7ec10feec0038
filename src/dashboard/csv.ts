// CSV for spreadsheets: every cell quoted (RFC 4180), and cells a spreadsheet would read as a formula
// defused, because plan text and people's names come from documents and chat, not from us.

/** Characters that make Excel, LibreOffice and Sheets treat a cell as a formula (tab and CR too). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted; a formula-looking value gets a leading apostrophe so it stays text. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row and its CRLF line end. */
export function csvLine(row: (string | number | null)[]): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}

/** The start of a document: a BOM so Excel reads UTF-8, then the header row. */
export function csvStart(header: string[]): string {
  return `\uFEFF${csvLine(header)}`;
}

/** A whole document: a header row, then rows, CRLF line ends, with a BOM so Excel reads UTF-8. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return csvStart(header) + rows.map(csvLine).join('');
}
