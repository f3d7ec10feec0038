// The commissioner's dashboard as data: per plan and grid the status counts, overdue actions oldest
// first with their owners, a timeline of due dates, and every action's row. The page and the CSV
// export both read this; neither touches storage itself.
import { loadDirectory, type Directory } from '../app/directory.ts';
import { allPlanFigures, ragOf, type GridFigures, type Rag, type RagCounts, type StatusCounts } from '../app/planFigures.ts';
import { typeableRef } from '../app/actionCards.ts';
import { dueLabel } from '../cards/format.ts';
import { describeStatus, type StatusLabel } from '../domain/answers.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate, PlanPeriod } from '../domain/plan.ts';
import type { PlanSummary, Store, StoredAction } from '../domain/ports.ts';
import { timelineOf, type Timeline } from './timeline.ts';

/** An owner role and the names of the people holding it (empty: nobody holds it yet). */
export interface OwnerCell {
  role: string;
  people: string[];
}

/** One action as the dashboard shows it. */
export interface ActionRow {
  planId: string;
  actionId: string;
  /** The plan's own reference, or the action's code where it has none. */
  ref: string;
  /** What people type to name it in chat ("BED-14", "IW-4.1.1/g2"). */
  code: string;
  grid: number;
  gridTitle: string;
  text: string;
  owners: OwnerCell[];
  dueDate: IsoDate | null;
  /** "Mon 3 Oct 2011", or the plan's own words when there is no date ("Ongoing"). */
  dueLabel: string;
  status: StatusLabel;
  rag: Rag;
  /** "overdue by 12 days", "blocked: waiting for the PCT", … */
  statusText: string;
  /** Days past the due date of an action not done; null when not late. */
  daysLate: number | null;
  /** "Mon 2 Jun 2025, Sam Patel": when the last answer came and from whom. */
  lastAnswer: string | null;
}

/** One plan's picture. */
export interface PlanView {
  id: string;
  partnership: string;
  period: PlanPeriod;
  total: StatusCounts;
  rag: RagCounts;
  grids: GridFigures[];
  /** Overdue actions, oldest due date first. */
  overdue: ActionRow[];
  timeline: Timeline;
  /** Every action, in document order. */
  actions: ActionRow[];
}

/** Everything the dashboard shows, as of `today`. */
export interface DashboardView {
  today: IsoDate;
  plans: PlanView[];
}

/** The dashboard's row for one stored action. */
export function actionRow(stored: StoredAction, directory: Directory, today: IsoDate): ActionRow {
  const { action, progress, planId } = stored;
  const status = describeStatus(progress, today);
  const late = progress.status !== 'done' && status.daysLate !== null && status.daysLate > 0 ? status.daysLate : null;
  const answeredBy = progress.updatedBy ? directory.person(progress.updatedBy)?.name ?? progress.updatedBy : null;
  return {
    planId,
    actionId: action.id,
    ref: action.ref ?? typeableRef(stored),
    code: typeableRef(stored),
    grid: action.grid,
    gridTitle: directory.grid(planId, action.grid)?.title ?? '',
    text: action.text,
    owners: directory.owners(action).map(({ role, people }) => ({ role, people: people.map((p) => p.name) })),
    dueDate: progress.dueDate,
    dueLabel: progress.dueDate ? dueLabel(progress.dueDate) : action.byWhenRaw || 'no date',
    status: status.label,
    rag: ragOf(progress, today),
    statusText: status.text,
    daysLate: late,
    lastAnswer: progress.updatedAt ? [dueLabel(londonDate(new Date(progress.updatedAt))), answeredBy].filter(Boolean).join(', ') : null,
  };
}

/** Reads every plan (or those `include` keeps) and builds the dashboard as of `today`. */
export async function dashboardView(store: Store, today: IsoDate, include?: (plan: PlanSummary) => boolean, known?: Directory): Promise<DashboardView> {
  const [pictures, directory] = await Promise.all([allPlanFigures(store, today, include), known ?? loadDirectory(store)]);
  const plans = pictures.map((picture): PlanView => {
    const actions = picture.actions.map((a) => actionRow(a, directory, today));
    const overdue = actions
      .filter((a) => a.status === 'overdue')
      .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.ref.localeCompare(b.ref, 'en', { numeric: true }));
    return {
      id: picture.plan.id,
      partnership: picture.plan.partnership,
      period: picture.plan.period,
      total: picture.total,
      rag: picture.rag,
      grids: picture.grids,
      overdue,
      timeline: timelineOf(picture.plan.period, actions),
      actions,
    };
  });
  return { today, plans };
}
