// Rebuilds one table of a PDF: the columns from the header cells (edges from drawn shading or rules
// when there are some), the rows from the action column's vertical gaps, and each other cell into
// the row it sits in: between the row's rules where the table is ruled (pdfRules.ts), else by the
// gaps, where a cell that sits in the gap between rows is a merged cell belonging to the rows around
// it that have nothing of their own in that column.
import { isCompleteRole } from '../../domain/owners.ts';
import type { DocCell, DocRow } from '../document/model.ts';
import { readRef } from '../planText.ts';
import { charWidth, splitAt, type Chunk, type PdfLine } from './pdfLines.ts';
import { openBelow, partlyRuledMerges, ruledCells, rowAt, ruledRows, spansIn } from './pdfRules.ts';
import type { PdfBox } from './pdfText.ts';

/** A table being read: its header line, its column roles, and the lines under it. */
export interface PdfTable {
  header: PdfLine;
  headerLine: number;
  roles: string[];
  lines: PdfLine[];
  lineNumbers: number[];
  /** Full-width rows (an objective across the table), kept out of the columns. */
  wide: { line: PdfLine; number: number }[];
  /** Per column, the text of a merged cell the same table left open at the foot of the page before. */
  carried: (string[] | null)[];
  /** Per column, the last row's text of the same table on the page before (empty when none). */
  lastAbove: string[][];
}

interface Placed {
  top: number;
  line: number;
  text: string;
  right: number;
  size: number;
}

interface Block {
  top: number;
  bottom: number;
  line: number;
  lines: string[];
}

/** Left edge of each column after the first, from shapes near the header, else from where body text starts. */
function columnEdges(table: PdfTable, boxes: PdfBox[]): number[] {
  const cells = table.header.chunks;
  const near = boxes.filter((b) => b.page === table.header.page && b.top <= table.header.top + 2 && b.bottom >= table.header.top - table.header.size - 2);
  const body = table.lines.flatMap((l) => l.pieces);
  return cells.slice(1).map((cell, i) => {
    const before = cells[i] as Chunk;
    const drawn = near.flatMap((b) => [b.left, b.right]).filter((x) => x > before.right + 1 && x <= cell.x + 1);
    if (drawn.length > 0) return Math.max(...drawn);
    const starts = body.map((c) => c.x).filter((x) => x > before.right + 1 && x <= cell.x + 1);
    return starts.length > 0 ? Math.min(...starts) : (before.right + cell.x) / 2;
  });
}

/** Text pieces per column, chunks cut where they run over an edge. */
function placeColumns(table: PdfTable, edges: number[]): Placed[][] {
  const columns: Placed[][] = table.roles.map(() => []);
  const columnOf = (x: number): number => edges.filter((edge) => x >= edge - 1).length;
  table.lines.forEach((line, i) => {
    const pending = [...line.pieces];
    while (pending.length > 0) {
      const chunk = pending.shift() as Chunk;
      const edge = edges.find((e) => chunk.x < e - 1 && chunk.right > e + 1);
      const parts = edge === undefined ? null : splitAt(chunk, edge);
      if (parts !== null) {
        pending.unshift(...parts);
        continue;
      }
      columns[columnOf(chunk.x)]?.push({ top: line.top, line: table.lineNumbers[i] ?? 0, text: chunk.text, right: chunk.right, size: line.size });
    }
  });
  return columns;
}

/** True when the line before ended only because `next`'s first word did not fit: the text wrapped. */
function wrapped(lineRight: number, next: Placed, columnRight: number): boolean {
  const word = next.text.split(' ')[0] ?? '';
  const width = [...word].reduce((sum, char) => sum + charWidth(char), 0) * next.size;
  return lineRight + width + next.size * 0.28 > columnRight - 2;
}

/**
 * Lines of one column grouped into cells: a gap wider than the line pitch starts a new cell. Lines
 * that wrapped are joined into one; a line that ended early was ended by its author and stays a line.
 */
function blocksOf(placed: Placed[], pitch: number, splitAtRef: boolean, columnRight: number, owners = false): Block[] {
  const blocks: Block[] = [];
  let lineRight = 0;
  for (const piece of placed) {
    const last = blocks.at(-1);
    const sameLine = last !== undefined && Math.abs(piece.top - last.bottom) < 1.5;
    const newCell = last === undefined || (!sameLine && (piece.top - last.bottom > pitch * 1.12 || (splitAtRef && readRef(piece.text).ref !== null)));
    if (newCell) blocks.push({ top: piece.top, bottom: piece.top, line: piece.line, lines: [piece.text] });
    else if (sameLine) last.lines[last.lines.length - 1] += ` ${piece.text}`;
    else {
      const before = last.lines.length - 1;
      // In an owner cell two whole roles on two lines ("District Drug Coordinator" / "Service Managers")
      // were put there by the author even when the second would not have fitted on the first.
      const twoRoles = owners && authorsBreak(last.lines[before] ?? '', piece.text);
      if (!twoRoles && wrapped(lineRight, piece, columnRight)) last.lines[before] = `${last.lines[before] ?? ''}${/\w-$/.test(last.lines[before] ?? '') ? '' : ' '}${piece.text}`;
      else last.lines.push(piece.text);
      last.bottom = piece.top;
    }
    lineRight = piece.right;
  }
  return blocks;
}

/**
 * Two owner lines the author broke: the first ends in a role's title ("Coordinator", not an acronym that
 * the next line may qualify: "PCT" / "Lead", "DAT BBV" / "Care Manager"), the second is a role of its own
 * (an acronym, or words ending in a title), not a bare title ("Lead", "Managers") that ends the first.
 */
function authorsBreak(first: string, next: string): boolean {
  const lastWord = first.trim().split(/\s+/).at(-1) ?? '';
  const words = next.trim().split(/\s+/);
  if (/^[A-Z][A-Z0-9&]+$/.test(lastWord) || !isCompleteRole(first) || !/^[A-Z]/.test(next)) return false;
  return words.length === 1 ? /^[A-Z][A-Z0-9&-]+$/.test(next.trim()) : isCompleteRole(next);
}

/** The smallest distance between consecutive lines of one cell: the text's line pitch. */
function pitchOf(placed: Placed[], fallback: number): number {
  const gaps = placed.slice(1).map((p, i) => p.top - (placed[i] as Placed).top).filter((gap) => gap > 1.5);
  return gaps.length === 0 ? fallback : Math.min(...gaps);
}

/** The top and bottom of each row's cells: halfway across the gaps between the action column's cells. */
function rowBounds(anchors: Block[]): { top: number; bottom: number }[] {
  const gaps = anchors.slice(1).map((b, i) => b.top - (anchors[i] as Block).bottom).sort((a, b) => a - b);
  const half = (gaps[Math.floor(gaps.length / 2)] ?? 10) / 2;
  return anchors.map((block, r) => ({
    top: r === 0 ? block.top - half : ((anchors[r - 1] as Block).bottom + block.top) / 2,
    bottom: r === anchors.length - 1 ? block.bottom + half : (block.bottom + (anchors[r + 1] as Block).top) / 2,
  }));
}

/**
 * The rows a cell spans. Word centres a merged cell's text on the rows it covers, so of the runs of
 * rows around the text's home row that have nothing else in this column, the one centred on the text
 * wins (the longer one when two are equally centred: a merge, not empty rows).
 */
function spanOf(home: number, centre: number, bounds: { top: number; bottom: number }[], taken: boolean[]): number[] {
  let best: [number, number] = [home, home];
  let bestDistance = Infinity;
  for (let a = home; a >= 0 && (a === home || !taken[a]); a -= 1) {
    for (let b = home; b < bounds.length && (b === home || !taken[b]); b += 1) {
      const mid = ((bounds[a]?.top ?? 0) + (bounds[b]?.bottom ?? 0)) / 2;
      const distance = Math.abs(mid - centre);
      if (distance < bestDistance - 1 || (Math.abs(distance - bestDistance) <= 1 && b - a > best[1] - best[0])) {
        best = [a, b];
        bestDistance = Math.min(distance, bestDistance);
      }
    }
  }
  return Array.from({ length: best[1] - best[0] + 1 }, (_, k) => best[0] + k);
}

/** Column roles as a person names them in a warning. */
const COLUMN_NAMES: Record<string, string> = { who: 'By whom', when: 'By when', ref: 'Ref', action: 'Action', grid: 'Grid', objective: 'Objective' };

/** A table's rows, and per column the text of a cell left open at the foot of its page (else null). */
export interface ReadTable {
  rows: DocRow[];
  runsOn: (string[] | null)[];
  /** The last row's text per column. */
  lastRow: string[][];
}

/**
 * The table's rows, cells in column order. What the same table on the page before left open fills
 * this page's first cells that are empty in those columns.
 */
export function tableRows(table: PdfTable, boxes: PdfBox[]): ReadTable {
  const carried = table.carried;
  const edges = columnEdges(table, boxes);
  const columns = placeColumns(table, edges);
  const actionAt = Math.max(0, table.roles.indexOf('action'));
  // One-line rows only show the row pitch: never take more than a line of text's own pitch.
  const pitch = Math.min(pitchOf(columns[actionAt] ?? [], table.header.size * 1.2), table.header.size * 1.2);
  const textRight = Math.max(...table.lines.flatMap((l) => l.pieces.map((p) => p.right)), table.header.chunks.at(-1)?.right ?? 0);
  // The last column ends where the header's rule or shading ends, not where its longest line does, so a
  // short owner on its own line ("SMAT" / "MNet") is not taken for a wrapped one.
  const headerShapes = boxes.filter((b) => b.page === table.header.page && Math.abs(b.top - table.header.top) < table.header.size * 3 && b.right > textRight);
  const tableRight = headerShapes.length > 0 ? Math.max(...headerShapes.map((b) => b.right)) : textRight;
  const rightOf = (c: number): number => edges[c] ?? tableRight;
  const tableLeft = Math.min(...table.header.chunks.map((c) => c.x), ...table.lines.flatMap((l) => l.pieces.map((p) => p.x)));
  const leftOf = (c: number): number => (c === 0 ? tableLeft : edges[c - 1] ?? tableLeft);
  const middles = table.roles.map((_, c) => (leftOf(c) + rightOf(c)) / 2);
  const actionPieces = columns[actionAt] ?? [];
  const byGaps = blocksOf(actionPieces, pitch, !table.roles.includes('ref'), rightOf(actionAt));
  // Where rules cross the action column, they say where its rows end: a tightly padded table (an office
  // suite's print) leaves no wider gap between two actions than between two lines of one.
  const byRules = ruledCells(actionPieces, boxes, leftOf(actionAt), rightOf(actionAt)).map((pieces) => blocksOf(pieces, Infinity, false, rightOf(actionAt))[0] as Block);
  const anchors = byRules.length >= 2 && byRules.length >= byGaps.length ? byRules : byGaps;
  const bounds = rowBounds(anchors);
  const cells: { lines: string[]; merged: boolean }[][] = anchors.map(() => table.roles.map(() => ({ lines: [], merged: false })));
  const notes: string[][] = anchors.map(() => []);
  const ruled = ruledRows(anchors, boxes, middles, table.header.size);
  columns.forEach((placed, c) => {
    if (c === actionAt) {
      anchors.forEach((block, r) => {
        (cells[r]?.[c] as { lines: string[] }).lines = block.lines;
      });
      return;
    }
    if (ruled !== null) {
      // Each cell between its rules, however its text sits in it: a merged cell's text goes to every row it spans.
      spansIn(ruled, c).forEach((span, s) => {
        const own = blocksOf(placed.filter((p) => span.includes(rowAt(ruled, p.top))), pitch, false, rightOf(c), table.roles[c] === 'who').flatMap((b) => b.lines);
        // An empty merged cell at the top of a page goes on from the page before, where its text is.
        const fromAbove = span.length >= 2 && (table.lastAbove[c]?.length ?? 0) > 0 ? table.lastAbove[c] ?? null : null;
        const before = s === 0 && own.length === 0 ? carried[c] ?? fromAbove : null;
        const lines = before ?? own;
        if (before !== null && before.length > 0) {
          for (const row of span) notes[row]?.push(`"${COLUMN_NAMES[table.roles[c] ?? ''] ?? table.roles[c]}" cell read from the merged cell on the page before: "${before.join(' ')}"`);
        }
        span.forEach((row, k) => {
          (cells[row] as { lines: string[]; merged: boolean }[])[c] = { lines: [...lines], merged: (k > 0 || before !== null) && lines.length > 0 };
        });
      });
      return;
    }
    const blocks = blocksOf(placed, pitch, false, rightOf(c), table.roles[c] === 'who');
    const homes = blocks.map((block) => {
      const centre = (block.top + block.bottom) / 2;
      const inside = bounds.findIndex((row) => centre >= row.top && centre < row.bottom);
      return inside >= 0 ? inside : centre < (bounds[0]?.top ?? 0) ? 0 : bounds.length - 1;
    });
    const taken = anchors.map((_, r) => homes.includes(r));
    blocks.forEach((block, i) => {
      const rows = spanOf(homes[i] ?? 0, (block.top + block.bottom) / 2, bounds, taken);
      for (const row of rows) {
        const cell = cells[row]?.[c];
        if (cell === undefined) continue;
        cell.lines.push(...block.lines);
        cell.merged = rows.length > 1 && row !== rows[0];
      }
    });
  });
  if (ruled === null) partlyRuledMerges(anchors, cells, boxes, middles, table.header.size);
  // The header row first, so the plan reader knows the columns as it would in Word.
  const header: DocRow = { line: table.headerLine, cells: table.header.chunks.map((c): DocCell => ({ lines: [c.text], span: 1, merged: false })) };
  const rows = anchors.map((block, r) => ({
    top: block.top,
    row: { line: block.line, cells: (cells[r] ?? []).map((cell): DocCell => ({ lines: cell.lines, span: 1, merged: cell.merged })), ...(notes[r]?.length ? { notes: notes[r] } : {}) },
  }));
  const wide = table.wide.map(({ line, number }) => ({
    top: line.top,
    row: { line: number, cells: [{ lines: [line.text], span: table.roles.length, merged: false }] },
  }));
  const last = anchors.at(-1);
  const lastPage = table.lines.at(-1)?.page ?? 0;
  // One row under its header: its rules are the header's, and what is not closed under it runs on.
  const ruledAbove = ruled !== null || (anchors.length === 1 && byRules.length === 1);
  const open = ruledAbove && last !== undefined ? openBelow(last, lastPage, boxes, middles, true) : [];
  const runsOn = table.roles.map((_, c) => (open[c] === true && c !== actionAt ? cells.at(-1)?.[c]?.lines ?? null : null));
  const lastRow = (cells.at(-1) ?? []).map((cell) => cell.lines);
  return { rows: [header, ...[...rows, ...wide].sort((a, b) => a.top - b.top).map((r) => r.row)], runsOn, lastRow };
}
