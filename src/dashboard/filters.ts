// The page's filters (plan, grid, owner, status), read from the query string and applied to the
// dashboard's rows. The figures stay whole: a filter narrows the lists, not the RAG table.
import { typeableRef } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import { allPlanFigures } from '../app/planFigures.ts';
import { describeStatus, type StatusLabel } from '../domain/answers.ts';
import { roleKey } from '../domain/owners.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { PlanSummary, Store, StoredAction } from '../domain/ports.ts';
import { actionRow, type ActionRow, type PlanView } from './dashboardData.ts';
import { timelineOf } from './timeline.ts';

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

const keeps = (filter: DashboardFilter, today: IsoDate) => (stored: StoredAction): boolean =>
  (filter.grid === undefined || stored.action.grid === filter.grid)
  && (filter.owner === undefined || stored.action.owners.some((o) => roleKey(o) === roleKey(filter.owner as string)))
  && (filter.status === undefined || describeStatus(stored.progress, today).label === filter.status);

/** One plan as the page gets it: whole figures, filtered and capped lists. */
export interface FilteredPlan extends Omit<PlanView, 'actions' | 'overdue'> {
  actions: ActionRow[];
  overdue: ActionRow[];
  /** Actions that match the filter (actions holds at most MAX_ROWS of them). */
  matching: number;
  overdueCount: number;
}

/** The reference the dashboard shows, as its overdue list sorts it. */
const shownRef = (stored: StoredAction): string => stored.action.ref ?? typeableRef(stored);

/**
 * The page's view of the plans `include` keeps, narrowed by the filter. Figures cover whole plans;
 * rows are built only for what is sent, so a plan of 100,000 actions costs its read, not 100,000 rows.
 */
export async function filteredView(store: Store, today: IsoDate, include: (plan: PlanSummary) => boolean, directory: Directory, filter: DashboardFilter): Promise<FilteredPlan[]> {
  const figures = await allPlanFigures(store, today, (plan) => include(plan) && (filter.plan === undefined || plan.id === filter.plan));
  return figures.map((picture) => {
    const kept = picture.actions.filter(keeps(filter, today));
    const dated = kept.map((a) => ({ stored: a, dueDate: a.progress.dueDate, status: describeStatus(a.progress, today).label }));
    const overdue = dated.filter((a) => a.status === 'overdue').sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')
      || shownRef(a.stored).localeCompare(shownRef(b.stored), 'en', { numeric: true }));
    return {
      id: picture.plan.id,
      partnership: picture.plan.partnership,
      period: picture.plan.period,
      total: picture.total,
      rag: picture.rag,
      grids: picture.grids,
      timeline: timelineOf(picture.plan.period, dated),
      actions: kept.slice(0, MAX_ROWS).map((a) => actionRow(a, directory, today)),
      overdue: overdue.slice(0, MAX_OVERDUE).map((a) => actionRow(a.stored, directory, today)),
      matching: kept.length,
      overdueCount: overdue.length,
    };
  });
}
