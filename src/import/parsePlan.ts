// Entry point of the planning-grid importer for text: text of one plan document in, a Plan out.
// Damage never throws; it becomes warnings with line numbers. Only text that holds no grid and no
// delivery-plan table at all is refused.
import type { Plan } from '../domain/plan.ts';
import { finishPlan } from './finishPlan.ts';
import { readPartnership, readPeriod } from './planHeader.ts';
import { PlanFormatError } from './planFormatError.ts';
import { readPlan } from './planReader.ts';
import { normaliseText } from './textTables.ts';

/**
 * Imports a planning-grid document. `sourceName` (usually the file name) only appears in errors.
 * @throws PlanFormatError when the text holds no planning grid and no delivery-plan table.
 */
export function parsePlan(text: string, sourceName: string): Plan {
  const lines = normaliseText(text.replace(/^\uFEFF/, '')).split(/\r?\n|\r/);
  const reading = readPlan(lines);
  // Any tabbed or piped line reads as a row, so rows alone (a README's tables) do not make a plan.
  if (!reading.sawGrid && !reading.sawTable) {
    throw new PlanFormatError(`${sourceName}: no planning grid or delivery-plan table found`);
  }
  const warnings = [...reading.warnings];
  const partnership = readPartnership(lines, warnings);
  const period = readPeriod(lines, warnings);
  return finishPlan({ partnership, period, grids: reading.grids, rows: reading.rows, warnings });
}
