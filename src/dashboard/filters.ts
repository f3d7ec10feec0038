// The page's filters (plan, grid, owner, status), read from the query string. A filter narrows everything
// the page shows, the RAG table's figures included, so its counts agree with the lists beneath them.
import { addDays } from '../domain/calendar.ts';
import { describeStatus, DUE_SOON_DAYS, type StatusLabel } from '../domain/answers.ts';
import { roleKey } from '../domain/owners.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { PageWhere, StoredAction, TallyEntry } from '../domain/ports.ts';
import { labelOf, type GridFigures } from '../app/planFigures.ts';

/** What the person chose; absent fields do not filter. */
export interface DashboardFilter {
  plan?: string;
  grid?: number;
  /** An owner role. */
  owner?: string;
  status?: StatusLabel;
}

const STATUSES: StatusLabel[] = ['done', 'on track', 'due soon', 'overdue', 'blocked', 'no date'];
/** Rows sent per plan: the page is for reading, the CSV export has everything. */
export const MAX_ROWS = 200;
export const MAX_OVERDUE = 50;

/** Reads the filter from query parameters; anything malformed is ignored rather than guessed. */
export function filterFrom(params: URLSearchParams): DashboardFilter {
  const filter: DashboardFilter = {};
  const plan = params.get('plan')?.trim();
  if (plan && plan.length <= 200) filter.plan = plan;
  const grid = Number(params.get('grid'));
  if (params.get('grid') && Number.isInteger(grid) && grid > 0) filter.grid = grid;
  const owner = params.get('owner')?.trim();
  if (owner && owner.length <= 200) filter.owner = owner;
  const status = params.get('status') as StatusLabel | null;
  if (status && STATUSES.includes(status)) filter.status = status;
  return filter;
}

/** Whether an action passes the filter (the plan is chosen before). */
export const keeps = (filter: DashboardFilter, today: IsoDate) => (stored: StoredAction): boolean =>
  (filter.grid === undefined || stored.action.grid === filter.grid)
  && (filter.owner === undefined || stored.action.owners.some((o) => roleKey(o) === roleKey(filter.owner as string)))
  && (filter.status === undefined || describeStatus(stored.progress, today).label === filter.status);

/** What the store can narrow a page by for this filter; `keeps` then decides exactly. */
export function pageWhere(filter: DashboardFilter, today: IsoDate): PageWhere {
  const where: PageWhere = { ...(filter.grid === undefined ? {} : { grid: filter.grid }), ...(filter.owner === undefined ? {} : { owner: filter.owner }) };
  const waiting: PageWhere = { ...where, statuses: ['open', 'delayed'] };
  switch (filter.status) {
    case undefined: return where;
    case 'done': return { ...where, statuses: ['done'] };
    case 'blocked': return { ...where, statuses: ['blocked'] };
    case 'overdue': return { ...waiting, dueTo: addDays(today, -1) };
    case 'due soon': return { ...waiting, dueFrom: today, dueTo: addDays(today, DUE_SOON_DAYS) };
    case 'on track': return { ...waiting, dueFrom: addDays(today, DUE_SOON_DAYS + 1) };
    case 'no date': return waiting;
  }
}

/** Whether any filter but the plan is chosen (the plan only picks which plans show, whole). */
export const narrows = (filter: DashboardFilter): boolean => filter.grid !== undefined || filter.owner !== undefined || filter.status !== undefined;

/**
 * The tally entries of the actions the filter keeps, by grid and status. The owner is not in a tally
 * entry: pass the tally of that owner's actions (the store keeps one per owner).
 */
export function narrowTally(tally: TallyEntry[], filter: DashboardFilter, today: IsoDate): TallyEntry[] {
  return tally.filter((e) => (filter.grid === undefined || e.grid === filter.grid) && (filter.status === undefined || labelOf(e, today) === filter.status));
}

/** The RAG table's rows the filter keeps: only the grid chosen, when one is. */
export function gridsShown(grids: GridFigures[], filter: DashboardFilter): GridFigures[] {
  return filter.grid === undefined ? grids : grids.filter((g) => g.number === filter.grid);
}
