// PDF: text with positions and the page's drawn shapes, rebuilt into paragraphs and tables. A table
// starts at a header line ("Actions and milestones | By when | By whom", "Ref | Action | Lead | …")
// and runs until a heading; a header repeated on the next page carries on the same kind of table.
import { classifyLine } from '../lineKinds.ts';
import type { DocBlock, PlanDocument } from '../document/model.ts';
import { readHeader, sameColumns, type ColumnRole } from '../document/columns.ts';
import { linesOf, type PdfLine } from './pdfLines.ts';
import { tableRows, type PdfTable } from './pdfTable.ts';
import { readPdfContent } from './pdfText.ts';

/** A page number: a number alone as the first or last line of its page. */
function isFurniture(line: PdfLine, index: number, lines: PdfLine[]): boolean {
  const edgeOfPage = lines[index - 1]?.page !== line.page || lines[index + 1]?.page !== line.page;
  return edgeOfPage && /^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/i.test(line.text.trim());
}

/** A line that ends a table: a grid or section heading, or text bigger than the table's. */
function isHeading(line: PdfLine, table: PdfTable): boolean {
  const kind = classifyLine(line.text).kind;
  if (kind === 'grid' || kind === 'priorities' || kind === 'outcomes' || kind === 'glossary') return true;
  return line.size > table.header.size + 1.5;
}

/** An objective written as a full-width row inside the table, in the table's own text size. */
function isWideRow(line: PdfLine): boolean {
  return line.chunks.length === 1 && /^(?:objective|priority|aim)\s*(?:\d+\b|:)/i.test(line.text);
}

/** Reads a PDF into paragraphs and tables. @throws PlanFormatError for a PDF pdf.js cannot open. */
export async function readPdf(bytes: Uint8Array): Promise<PlanDocument> {
  const content = await readPdfContent(bytes);
  const lines = linesOf(content.pieces).filter((line, index, all) => !isFurniture(line, index, all));
  const blocks: DocBlock[] = [];
  let table: PdfTable | null = null;
  let paragraph: { line: number; text: string; size: number; top: number } | null = null;

  // What a table left open at the foot of its page, for the same table carried on under a repeated header.
  let left: { roles: string[]; page: number; runsOn: (string[] | null)[]; lastRow: string[][] } | null = null;
  const closeTable = (): void => {
    left = null;
    if (table === null) return;
    // Only the shapes of the table's own pages: a page of thousands of shapes costs its own table, not every table.
    const from = table.header.page;
    const to = table.lines.at(-1)?.page ?? from;
    const { rows, runsOn, lastRow } = tableRows(table, content.boxes.filter((b) => b.page >= from && b.page <= to));
    blocks.push({ kind: 'table', rows });
    left = { roles: table.roles, page: table.lines.at(-1)?.page ?? table.header.page, runsOn, lastRow };
    table = null;
  };
  lines.forEach((line, index) => {
    const number = index + 1;
    const found = line.chunks.length >= 2 ? readHeader(line.chunks.map((c) => c.text)) : null;
    // Inside a table only its own header repeated (a page break) starts it again: a short row that reads
    // like a header ("Draw up an action plan | PCT Lead | Jun 11") is a row.
    const current: PdfTable | null = table;
    const header = found !== null && (current === null || sameColumns(found, { roles: current.roles as ColumnRole[] })) ? found : null;
    if (header !== null) {
      closeTable();
      paragraph = null;
      const before: { roles: string[]; page: number; runsOn: (string[] | null)[]; lastRow: string[][] } | null = left;
      const goesOn = before !== null && before.page === line.page - 1 && before.roles.join() === header.roles.join();
      const carried = goesOn ? before.runsOn : [];
      table = { header: line, headerLine: number, roles: header.roles, lines: [], lineNumbers: [], wide: [], carried, lastAbove: goesOn ? before.lastRow : [] };
      return;
    }
    if (table !== null && !isHeading(line, table)) {
      if (isWideRow(line)) {
        table.wide.push({ line, number });
        return;
      }
      // A full-width objective that wrapped: the next line starts where it starts and runs past the first
      // column, or (a last word or two) follows at the text's own line pitch, nearer than a row's padding.
      const wide = table.wide.at(-1);
      const first = line.chunks[0];
      const follows = first !== undefined && (first.right > (table.header.chunks[1]?.x ?? Infinity) || wide !== undefined && line.top - wide.line.top < line.size * 1.35);
      if (wide !== undefined && wide.number === number - 1 && line.chunks.length === 1 && Math.abs(first!.x - wide.line.chunks[0]!.x) < 2 && follows) {
        wide.line = { ...wide.line, top: line.top, text: `${wide.line.text} ${line.text}` };
        wide.number = number;
        return;
      }
      table.lines.push(line);
      table.lineNumbers.push(number);
      return;
    }
    closeTable();
    // A heading wrapped over two lines is one paragraph: same size, no gap.
    const open: { line: number; text: string; size: number; top: number } | null = paragraph;
    if (open !== null && Math.abs(open.size - line.size) < 0.5 && line.top - open.top < line.size * 1.6 && classifyLine(line.text).kind !== 'grid' && classifyLine(line.text).kind !== 'objective') {
      open.text += ` ${line.text}`;
      open.top = line.top;
      const last = blocks.at(-1);
      if (last?.kind === 'paragraph') last.text = open.text;
      return;
    }
    paragraph = { line: number, text: line.text, size: line.size, top: line.top };
    blocks.push({ kind: 'paragraph', line: number, text: line.text });
  });
  closeTable();
  return { blocks };
}
