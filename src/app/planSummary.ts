// The commissioner's picture of the plans: per plan and grid, how many actions are done, on track,
// due soon, overdue and blocked. Shared by the "summary" card and the dashboard.
import { describeStatus, type StatusLabel } from '../domain/answers.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction, Store, PlanSummary } from '../domain/ports.ts';

/** Counts of actions by how they stand. "No date" covers ongoing and as-required work. */
export interface StatusCounts {
  done: number;
  onTrack: number;
  dueSoon: number;
  overdue: number;
  blocked: number;
  noDate: number;
  total: number;
}

/** One plan's counts, in total and per grid, with its actions for drill-down. */
export interface PlanPicture {
  plan: PlanSummary;
  total: StatusCounts;
  grids: { number: number; title: string; counts: StatusCounts }[];
  actions: StoredAction[];
}

const FIELD: Record<StatusLabel, keyof Omit<StatusCounts, 'total'>> = {
  done: 'done', 'on track': 'onTrack', 'due soon': 'dueSoon', overdue: 'overdue', blocked: 'blocked', 'no date': 'noDate',
};

/** Empty counts. */
export function noCounts(): StatusCounts {
  return { done: 0, onTrack: 0, dueSoon: 0, overdue: 0, blocked: 0, noDate: 0, total: 0 };
}

/** Counts actions by their status label as of today. */
export function countStatuses(actions: StoredAction[], today: IsoDate): StatusCounts {
  const counts = noCounts();
  for (const a of actions) {
    counts[FIELD[describeStatus(a.progress, today).label]] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Every plan's picture, or those in `only` (reads each plan's actions: a summary is asked for, not swept). */
export async function planPictures(store: Store, today: IsoDate, only?: ReadonlySet<string>): Promise<PlanPicture[]> {
  const plans = (await store.plans.listPlans()).filter((p) => !only || only.has(p.id));
  return Promise.all(plans.map(async (plan) => {
    const actions = await store.actions.listPlanActions(plan.id);
    return {
      plan,
      total: countStatuses(actions, today),
      grids: plan.grids.map((g) => ({ number: g.number, title: g.title, counts: countStatuses(actions.filter((a) => a.action.grid === g.number), today) })),
      actions,
    };
  }));
}
