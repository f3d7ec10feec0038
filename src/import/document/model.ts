// What the office readers (Word, PDF, Excel, CSV) hand to the plan reader: paragraphs and tables in
// reading order, tables already cut into rows and cells. One model, so every format becomes the same plan.

/** One cell of a table row. Merged cells are already resolved: a vertically merged cell's lines are in every row it spans. */
export interface DocCell {
  /** The cell's lines, in order (paragraphs, line breaks, or wrapped lines of a PDF). */
  lines: string[];
  /** How many grid columns the cell covers (Word's gridSpan, a merged spreadsheet range). */
  span: number;
  /** True when the cell continues a vertical merge from the row above. */
  merged: boolean;
}

/** One row of a table; `line` is where warnings point (a paragraph/row count, a sheet row, a PDF line). */
export interface DocRow {
  line: number;
  cells: DocCell[];
}

/** A paragraph or a table, in reading order. */
export type DocBlock =
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'table'; rows: DocRow[] };

/**
 * A read document. `lineBreaks` says whether a line break inside a cell was written by a person
 * (Word, Excel: every line of an owner cell is its own owner) or made by wrapping (PDF: lines join).
 */
export interface PlanDocument {
  blocks: DocBlock[];
  lineBreaks: 'written' | 'wrapped';
  /** What the document's lines are called in warnings: "line", "row", "paragraph or row". */
  unit: string;
}

/** A cell with text on one line. */
export function textCell(text: string, span = 1, merged = false): DocCell {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return { lines, span, merged };
}
