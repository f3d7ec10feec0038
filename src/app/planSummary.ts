// The commissioner's picture of the plans: per plan and grid, how many actions are done, on track,
// due soon, overdue and blocked. Shared by the "summary" card and the dashboard; the figures
// themselves are computed once, in planFigures.ts.
import type { IsoDate } from '../domain/plan.ts';
import type { Store } from '../domain/ports.ts';
import { allPlanFigures, type PlanFigures } from './planFigures.ts';

export { countStatuses, noCounts, type StatusCounts } from './planFigures.ts';

/** One plan's counts, in total and per grid, with its actions for drill-down. */
export type PlanPicture = PlanFigures;

/** Every plan's picture, or those in `only` (reads each plan's actions: a summary is asked for, not swept). */
export function planPictures(store: Store, today: IsoDate, only?: ReadonlySet<string>): Promise<PlanPicture[]> {
  return allPlanFigures(store, today, (plan) => !only || only.has(plan.id));
}
