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
  /** What the reader guessed for this row (a cell's text carried from the page before): each becomes a warning. */
  notes?: string[];
}

/** A paragraph or a table, in reading order. */
export type DocBlock =
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'table'; rows: DocRow[] };

/**
 * A read document. A line break left inside a cell is the author's (Word and Excel keep them; the PDF
 * reader joins the lines that only wrapped), so every line of an owner cell is its own owner.
 */
export interface PlanDocument {
  blocks: DocBlock[];
}

/** A cell with text on one line. */
export function textCell(text: string, span = 1, merged = false): DocCell {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return { lines, span, merged };
}
