// A ruled table's horizontal rules say where each row's cells start and end, column by column: a
// cell's text belongs to the row between the rules around it, wherever in the cell it is drawn, and
// a rule that stops short of a column leaves that column's cell open into the next row (a merged cell).
import type { PdfBox } from './pdfText.ts';

/** Rows bounded by rules, and for each boundary between row r and r+1 the columns it leaves open. */
export interface RuledRows {
  bounds: { top: number; bottom: number }[];
  open: boolean[][];
}

const isRule = (b: PdfBox): boolean => b.bottom - b.top < 2 && b.right - b.left > 5;

/**
 * The rules between each pair of consecutive rows (`anchors`: the action column's cells); null unless
 * every boundary has one, so an unruled or partly ruled table is read by the gaps in its text instead.
 */
export function ruledRows(anchors: { top: number; bottom: number }[], boxes: PdfBox[], middles: number[], size: number): RuledRows | null {
  const rules = boxes.filter(isRule);
  const bounds = anchors.map(() => ({ top: -Infinity, bottom: Infinity }));
  const open: boolean[][] = [];
  for (let r = 0; r + 1 < anchors.length; r += 1) {
    const above = anchors[r] as { bottom: number };
    const below = anchors[r + 1] as { top: number };
    // A rule sits under the last line of the row above and a padding above the next row's first baseline.
    const between = rules.filter((b) => b.top > above.bottom && b.top < below.top - size * 0.6);
    if (between.length === 0) return null;
    (bounds[r] as { bottom: number }).bottom = Math.min(...between.map((b) => b.top));
    (bounds[r + 1] as { top: number }).top = Math.max(...between.map((b) => b.top));
    open.push(middles.map((middle) => !between.some((b) => b.left <= middle && b.right >= middle)));
  }
  return anchors.length < 2 ? null : { bounds, open };
}

/**
 * A column's text cut at the rules drawn right across it: each run between two rules is one cell, in
 * order (runs with no text are left out). Empty when fewer than two rules cross the column.
 */
export function ruledCells<T extends { top: number; size: number }>(pieces: T[], boxes: PdfBox[], left: number, right: number): T[][] {
  const across = boxes.filter((b) => isRule(b) && b.left <= left + 3 && b.right >= right - 3).map((b) => b.top).sort((a, b) => a - b);
  if (across.length < 2 || pieces.length === 0) return [];
  const cells = new Map<number, T[]>();
  for (const piece of pieces) {
    // A baseline sits below its text's top: the rule above the text is above the baseline by a line's height.
    const above = across.filter((top) => top < piece.top - piece.size * 0.5).length;
    cells.set(above, [...(cells.get(above) ?? []), piece]);
  }
  return [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, run]) => run);
}

/** The runs of rows joined by open boundaries in column `c`: each run is one cell. */
export function spansIn(ruled: RuledRows, c: number): number[][] {
  const spans: number[][] = [];
  ruled.bounds.forEach((_, r) => {
    const last = spans.at(-1);
    if (last !== undefined && ruled.open[r - 1]?.[c] === true) last.push(r);
    else spans.push([r]);
  });
  return spans;
}

/** The row a line at `top` (its baseline) sits in. */
export function rowAt(ruled: RuledRows, top: number): number {
  const row = ruled.bounds.findIndex((b) => top < b.bottom);
  return row >= 0 ? row : ruled.bounds.length - 1;
}

/**
 * The columns whose cell stays open under the last row (`last`) at the foot of a page: a merged cell
 * that runs on to the next page, where the header is repeated above an empty cell.
 */
export function openBelow(last: { bottom: number }, page: number, boxes: PdfBox[], middles: number[], ruledAbove = false): boolean[] {
  const rules = boxes.filter((b) => isRule(b) && b.page === page && b.top > last.bottom);
  // A ruled table with no rule at all under its last row: the row itself goes on over the page.
  if (rules.length === 0) return middles.map(() => ruledAbove);
  const foot = Math.min(...rules.map((b) => b.top));
  const closing = rules.filter((b) => b.top - foot < 1);
  return middles.map((middle) => !closing.some((b) => b.left <= middle && b.right >= middle));
}

/**
 * Where only some of the table is ruled, a row boundary whose rule stops short of a column leaves
 * that column's cell open: a merged cell, whose text belongs to the row below too.
 */
export function partlyRuledMerges(anchors: { top: number; bottom: number }[], cells: { lines: string[]; merged: boolean }[][], boxes: PdfBox[], middles: number[], size: number): void {
  const rules = boxes.filter(isRule);
  for (let r = 0; r + 1 < anchors.length; r += 1) {
    const above = anchors[r] as { bottom: number };
    const below = anchors[r + 1] as { top: number };
    const between = rules.filter((b) => b.top > above.bottom && b.top < below.top - size * 0.6);
    if (between.length === 0) continue;
    middles.forEach((middle, c) => {
      const open = !between.some((b) => b.left <= middle && b.right >= middle);
      const cell = cells[r + 1]?.[c];
      if (open && cell !== undefined && cell.lines.length === 0) {
        cell.lines = [...(cells[r]?.[c]?.lines ?? [])];
        cell.merged = true;
      }
    });
  }
}
