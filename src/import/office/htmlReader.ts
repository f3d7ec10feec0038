// HTML: a table pasted into the Teams chat (Teams hands the bot the message's HTML) or copied from
// Word, Excel or a web page. Read with a real HTML parser (htmlparser2): paragraphs in order, tables
// with rows and cells, colspan (a cell across columns), rowspan (a cell down rows: its text belongs to
// every row it spans), and <br>, <p> and <div> inside a cell as the author's line breaks.
import { Parser } from 'htmlparser2';
import type { DocBlock, DocCell, DocRow, PlanDocument } from '../document/model.ts';
import { checkColumns, checkRows, checkSpan, MAX_HTML_DEPTH, MAX_ROWS, overLimit } from '../limits.ts';

/** Elements that end a line of text. */
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'pre', 'section', 'article', 'ul', 'ol']);
/** Elements whose text is not shown. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template']);
interface OpenCell {
  lines: string[];
  span: number;
  down: number;
}

interface OpenTable {
  rows: OpenCell[][];
  row: OpenCell[] | null;
  cell: OpenCell | null;
  lines: number[];
}

/** A colspan past the column limit is refused: a pasted "colspan=300000000" must not make a huge row. */
function colspanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? checkSpan(n) : 1;
}

/** A rowspan only ever covers rows that exist; past the row limit it is cut there. */
function rowspanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_ROWS) : 1;
}

/** Lays out a table's cells by grid column, copying a rowspan cell's lines into each row it covers. */
function resolveRowspans(table: OpenTable, line: number): DocRow[] {
  // Per grid column: the cell still covering it and how many more rows it covers.
  const covering = new Map<number, { lines: string[]; span: number; left: number }>();
  return table.rows.map((raw, i) => {
    const cells: DocCell[] = [];
    let column = 0;
    const takeCovered = (): void => {
      for (let held = covering.get(column); held !== undefined && held.left > 0; held = covering.get(column)) {
        cells.push({ lines: [...held.lines], span: held.span, merged: true });
        held.left -= 1;
        column += held.span;
      }
    };
    for (const cell of raw) {
      takeCovered();
      cells.push({ lines: cell.lines, span: cell.span, merged: false });
      if (cell.down > 1) covering.set(column, { lines: cell.lines, span: cell.span, left: cell.down - 1 });
      column += cell.span;
    }
    takeCovered();
    return { line: table.lines[i] ?? line, cells };
  });
}

/** Reads the paragraphs and (outermost) tables of an HTML fragment or page. */
export function readHtml(html: string): PlanDocument {
  const blocks: DocBlock[] = [];
  const tables: OpenTable[] = [];
  let line = 0;
  let rows = 0;
  let depth = 0;
  let hidden = 0;
  let text = '';

  // The text gathered so far ends a line: of the open cell, or a paragraph outside tables.
  const endLine = (): void => {
    const clean = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (clean === '') return;
    const table = tables[0];
    if (table !== undefined) {
      table.cell?.lines.push(clean);
      return;
    }
    line += 1;
    blocks.push({ kind: 'paragraph', line, text: clean });
  };

  const parser = new Parser({
    onopentag(name, attribs) {
      depth += 1;
      if (depth > MAX_HTML_DEPTH) throw overLimit(`its HTML has elements nested more than ${MAX_HTML_DEPTH} deep`, `${MAX_HTML_DEPTH} levels`);
      if (HIDDEN.has(name)) hidden += 1;
      if (BLOCKS.has(name) || name === 'br' || name === 'td' || name === 'th' || name === 'table') endLine();
      if (name === 'table') tables.push({ rows: [], row: null, cell: null, lines: [] });
      const table = tables.length === 1 ? tables[0] : undefined;
      if (table === undefined) return;
      if (name === 'tr') {
        table.row = [];
        rows += 1;
        checkRows(rows);
        line += 1;
        table.lines.push(line);
      } else if (name === 'td' || name === 'th') {
        table.row ??= [];
        table.cell = { lines: [], span: colspanOf(attribs.colspan), down: rowspanOf(attribs.rowspan) };
      }
    },
    ontext(data) {
      if (hidden === 0) text += data;
    },
    onclosetag(name) {
      depth = Math.max(0, depth - 1);
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      if (BLOCKS.has(name) || name === 'td' || name === 'th' || name === 'table') endLine();
      const table = tables.length === 1 ? tables[0] : undefined;
      if ((name === 'td' || name === 'th') && table?.cell != null) {
        table.row?.push(table.cell);
        checkColumns(table.row?.reduce((sum, c) => sum + c.span, 0) ?? 0);
        table.cell = null;
      } else if (name === 'tr' && table?.row != null) {
        table.rows.push(table.row);
        table.row = null;
      } else if (name === 'table') {
        const done = tables.pop();
        if (done !== undefined && tables.length === 0) {
          if (done.row !== null && done.row.length > 0) done.rows.push(done.row);
          blocks.push({ kind: 'table', rows: resolveRowspans(done, line) });
        }
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  endLine();
  return { blocks };
}
