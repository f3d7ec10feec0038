// Word (.docx): the document's own structure from word/document.xml: paragraphs in order, tables with
// rows and cells, gridSpan (a cell across columns), vMerge (a cell down rows: its text belongs to
// every row it spans), line breaks and paragraphs inside a cell. Headers and footers are not read.
import type { DocBlock, DocCell, DocRow, PlanDocument } from '../document/model.ts';
import { walkXml, zipParts, type XmlTag } from './zipXml.ts';
import { PlanFormatError } from '../planFormatError.ts';
import { checkColumns, checkRows, checkSpan } from '../limits.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface RawCell {
  lines: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

/** Copies each continued cell's text down from the cell above it in the same grid column. */
function resolveMerges(rows: RawCell[][]): DocCell[][] {
  const resolved: DocCell[][] = [];
  let above = new Map<number, string[]>();
  for (const row of rows) {
    const here = new Map<number, string[]>();
    let column = 0;
    const cells = row.map((cell): DocCell => {
      const merged = cell.vMerge === 'continue';
      const lines = merged ? [...(above.get(column) ?? [])] : cell.lines;
      here.set(column, lines);
      column += cell.span;
      return { lines, span: cell.span, merged };
    });
    resolved.push(cells);
    above = here;
  }
  return resolved;
}

/** Reads the paragraphs and tables of a .docx file. @throws PlanFormatError for a file that is not one. */
export function readDocx(bytes: Uint8Array): PlanDocument {
  const xml = zipParts(bytes, (name) => name === 'word/document.xml').get('word/document.xml');
  if (xml === undefined) throw new PlanFormatError('not a Word document (no word/document.xml inside)');
  const blocks: DocBlock[] = [];
  let line = 0;
  let rows = 0;
  let skip = 0; // inside mc:Fallback: the same content again, for older readers
  let inText = false;
  let paragraph: string[] | null = null;
  const tables: { rows: RawCell[][]; row: RawCell[] | null; cell: RawCell | null; lines: number[] }[] = [];

  const isW = (tag: XmlTag, local: string): boolean => tag.uri === W && tag.local === local;
  const cell = (): RawCell | null => tables[0]?.cell ?? null;

  walkXml(xml, {
    open(tag) {
      if (tag.uri === MC && tag.local === 'Fallback') skip += 1;
      if (skip > 0 || tag.uri !== W) return;
      const table = tables.at(-1);
      switch (tag.local) {
        case 'tbl': tables.push({ rows: [], row: null, cell: null, lines: [] }); break;
        case 'tr':
          if (tables.length === 1 && table !== undefined) {
            table.row = [];
            rows += 1;
            checkRows(rows);
            line += 1;
            table.lines.push(line);
          }
          break;
        case 'gridBefore': {
          const span = Number(tag.attr('val') ?? '0');
          if (tables.length === 1 && span > 0) checkSpan(span);
          if (tables.length === 1 && span > 0) table?.row?.push({ lines: [], span, vMerge: null });
          break;
        }
        case 'tc': if (tables.length === 1 && table !== undefined) table.cell = { lines: [], span: 1, vMerge: null }; break;
        case 'gridSpan': { const c = cell(); if (c !== null && tables.length === 1) c.span = checkSpan(Number(tag.attr('val') ?? '1') || 1); break; }
        case 'vMerge': { const c = cell(); if (c !== null && tables.length === 1) c.vMerge = tag.attr('val') === 'restart' ? 'restart' : 'continue'; break; }
        case 'p': paragraph = ['']; break;
        case 't': inText = true; break;
        case 'tab': if (paragraph !== null) paragraph[paragraph.length - 1] += ' '; break;
        case 'noBreakHyphen': if (paragraph !== null) paragraph[paragraph.length - 1] += '-'; break;
        case 'br':
        case 'cr': paragraph?.push(''); break;
        default: break;
      }
    },
    text(text) {
      if (inText && skip === 0 && paragraph !== null) paragraph[paragraph.length - 1] += text;
    },
    close(tag) {
      if (tag.uri === MC && tag.local === 'Fallback') skip -= 1;
      if (skip > 0 || tag.uri !== W) return;
      if (isW(tag, 't')) inText = false;
      else if (isW(tag, 'p') && paragraph !== null) {
        const lines = paragraph.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
        const c = cell();
        if (c !== null) c.lines.push(...lines);
        else if (tables.length === 0 && lines.length > 0) {
          line += 1;
          blocks.push({ kind: 'paragraph', line, text: lines.join(' ') });
        }
        paragraph = null;
      } else if (isW(tag, 'tc') && tables.length === 1) {
        const table = tables[0];
        if (table?.cell != null) table.row?.push(table.cell);
        checkColumns(table?.row?.reduce((sum, c) => sum + c.span, 0) ?? 0);
        if (table !== undefined) table.cell = null;
      } else if (isW(tag, 'tr') && tables.length === 1) {
        const table = tables[0];
        if (table?.row != null) table.rows.push(table.row);
        if (table !== undefined) table.row = null;
      } else if (isW(tag, 'tbl')) {
        const table = tables.pop();
        if (table !== undefined && tables.length === 0) {
          const rows: DocRow[] = resolveMerges(table.rows).map((cells, i) => ({ line: table.lines[i] ?? line, cells }));
          blocks.push({ kind: 'table', rows });
        }
      }
    },
  });
  return { blocks };
}
