// Warnings point at a line; in a Word or Excel table the author finds a row more easily by its table and
// row ("row 12 of table 2") than by a count of paragraphs and rows they never see.
import type { Plan } from '../../domain/plan.ts';
import type { PlanDocument } from './model.ts';

/**
 * Adds the table and row of every warning that points at a table row. `rows` says how a row is numbered:
 * by its place in the table (Word, a pasted table) or by its own line (a spreadsheet's row number).
 */
export function placeWarnings(plan: Plan, doc: PlanDocument, rows: 'position' | 'line'): Plan {
  const places = new Map<number, { table: number; row: number }>();
  let table = 0;
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    table += 1;
    block.rows.forEach((row, index) => {
      if (!places.has(row.line)) places.set(row.line, { table, row: rows === 'position' ? index + 1 : row.line });
    });
  }
  return { ...plan, warnings: plan.warnings.map((w) => ({ ...w, ...(places.get(w.line) ?? {}) })) };
}
