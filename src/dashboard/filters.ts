// The page's filters (plan, grid, owner, status), read from the query string and applied to the
// dashboard's rows. The figures stay whole: a filter narrows the lists, not the RAG table.
import type { StatusLabel } from '../domain/answers.ts';
import { roleKey } from '../domain/owners.ts';
import { timelineOf } from './timeline.ts';
import type { ActionRow, DashboardView, PlanView } from './dashboardData.ts';

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
export const MAX_ROWS = 500;
const MAX_OVERDUE = 50;

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

const keeps = (filter: DashboardFilter) => (row: ActionRow): boolean =>
  (filter.grid === undefined || row.grid === filter.grid)
  && (filter.owner === undefined || row.owners.some((o) => roleKey(o.role) === roleKey(filter.owner as string)))
  && (filter.status === undefined || row.status === filter.status);

/** One plan as the page gets it: whole figures, filtered and capped lists. */
export interface FilteredPlan extends Omit<PlanView, 'actions' | 'overdue'> {
  actions: ActionRow[];
  overdue: ActionRow[];
  /** Rows that match the filter (actions holds at most MAX_ROWS of them). */
  matching: number;
  overdueCount: number;
}

/** Applies the filter to every plan of a view. */
export function applyFilter(view: DashboardView, filter: DashboardFilter): FilteredPlan[] {
  return view.plans.filter((plan) => filter.plan === undefined || plan.id === filter.plan).map((plan) => {
    const rows = plan.actions.filter(keeps(filter));
    const overdue = plan.overdue.filter(keeps(filter));
    return {
      ...plan,
      timeline: timelineOf(plan.period, rows),
      actions: rows.slice(0, MAX_ROWS),
      overdue: overdue.slice(0, MAX_OVERDUE),
      matching: rows.length,
      overdueCount: overdue.length,
    };
  });
}
