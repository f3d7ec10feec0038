// Entry point of the planning-grid importer: text of one plan document in, a Plan out.
// Damage never throws; it becomes warnings with line numbers. Only text that holds no grid and no
// delivery-plan table at all is refused.
import { planRoles } from '../domain/owners.ts';
import type { Plan } from '../domain/plan.ts';
import { buildActions } from './buildActions.ts';
import { planSlug, readPartnership, readPeriod } from './planHeader.ts';
import { PlanFormatError } from './planFormatError.ts';
import { readPlan } from './planReader.ts';

/**
 * Imports a planning-grid document. `sourceName` (usually the file name) only appears in errors.
 * @throws PlanFormatError when the text holds no planning grid and no delivery-plan table.
 */
export function parsePlan(text: string, sourceName: string): Plan {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const reading = readPlan(lines);
  if (reading.grids.length === 0 && !reading.sawTable) {
    throw new PlanFormatError(`${sourceName}: no planning grid or delivery-plan table found`);
  }
  const warnings = [...reading.warnings];
  const partnership = readPartnership(lines, warnings);
  const period = readPeriod(lines, warnings);
  const id = planSlug(partnership, period);
  const actions = buildActions(reading.rows, period, id, warnings);
  for (const grid of reading.grids) {
    if (!actions.some((action) => action.grid === grid.number)) {
      warnings.push({ line: 1, message: `planning grid ${grid.number} has no actions` });
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  return { id, partnership, period, grids: reading.grids, actions, roles: planRoles(actions), warnings };
}
