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

/** A whole document: a header row, then rows, CRLF line ends, with a BOM so Excel reads UTF-8. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
