// The one computation of a plan's figures: counts by status and RAG, per grid and in total. The
// "summary" card, the dashboard, the CSV export and the board report all read these, so they agree.
// Figures are counted from a tally (how many actions stand at each grid, status and due date): made
// from actions here, or kept by the store as it writes, so the dashboard need not read 100,000 actions.
import { describeStatus, type StatusLabel } from '../domain/answers.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { ActionProgress } from '../domain/progress.ts';
import type { PlanSummary, Store, StoredAction, TallyEntry } from '../domain/ports.ts';
import { tallyStandings } from '../domain/tally.ts';

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

/** Red: overdue or blocked. Amber: due within 14 days, or delayed. Green: done, on track, or no deadline. */
export type Rag = 'red' | 'amber' | 'green';

/** RAG counts, with whole-number percentages of the total (they may not add to exactly 100). */
export interface RagCounts {
  red: number;
  amber: number;
  green: number;
  total: number;
  percent: { red: number; amber: number; green: number };
}

/** One grid's figures. */
export interface GridFigures {
  number: number;
  title: string;
  counts: StatusCounts;
  rag: RagCounts;
}

/** One plan's figures, in total and per grid, with its actions for drill-down. */
export interface PlanFigures {
  plan: PlanSummary;
  total: StatusCounts;
  rag: RagCounts;
  grids: GridFigures[];
  actions: StoredAction[];
}

const FIELD: Record<StatusLabel, keyof Omit<StatusCounts, 'total'>> = {
  done: 'done', 'on track': 'onTrack', 'due soon': 'dueSoon', overdue: 'overdue', blocked: 'blocked', 'no date': 'noDate',
};

/** Empty counts. */
export function noCounts(): StatusCounts {
  return { done: 0, onTrack: 0, dueSoon: 0, overdue: 0, blocked: 0, noDate: 0, total: 0 };
}

/** The tally of some actions. */
export function tallyOf(actions: StoredAction[]): TallyEntry[] {
  return tallyStandings(actions.map(({ action, progress }) => ({ grid: action.grid, status: progress.status, dueDate: progress.dueDate })));
}

/** The progress a tally entry stands for: how an action stands depends only on its status and due date. */
const standing = (entry: TallyEntry): ActionProgress => ({ status: entry.status, dueDate: entry.dueDate, occurrence: null, reason: null, updatedAt: null, updatedBy: null });

// A plan's tally has an entry per grid, status and due date (thousands), read several times a view:
// the label depends only on status, date and today, so each is worked out once per day.
let labels = { today: '', of: new Map<string, StatusLabel>() };

/** The status label of the actions a tally entry counts, as of today. */
export function labelOf(entry: TallyEntry, today: IsoDate): StatusLabel {
  if (labels.today !== today) labels = { today, of: new Map() };
  const key = `${entry.status}|${entry.dueDate ?? ''}`;
  let label = labels.of.get(key);
  if (label === undefined) {
    label = describeStatus(standing(entry), today).label;
    labels.of.set(key, label);
  }
  return label;
}

function countTally(tally: TallyEntry[], today: IsoDate): StatusCounts {
  const counts = noCounts();
  for (const entry of tally) {
    counts[FIELD[labelOf(entry, today)]] += entry.count;
    counts.total += entry.count;
  }
  return counts;
}

/** Counts actions by their status label as of today. */
export function countStatuses(actions: StoredAction[], today: IsoDate): StatusCounts {
  return countTally(tallyOf(actions), today);
}

/** An action's RAG as of today. A delayed action is amber until its new date passes (then red). */
export function ragOf(progress: ActionProgress, today: IsoDate): Rag {
  return ragOfLabel(describeStatus(progress, today).label, progress.status);
}

/** The RAG of an action by its status label (and status: a delayed action is amber while on time). */
function ragOfLabel(label: StatusLabel, status: ActionProgress['status']): Rag {
  if (label === 'overdue' || label === 'blocked') return 'red';
  if (label === 'due soon' || status === 'delayed') return 'amber';
  return 'green';
}

const percentOf = (n: number, total: number): number => (total === 0 ? 0 : Math.round((n / total) * 100));

function ragOfTally(tally: TallyEntry[], today: IsoDate): RagCounts {
  const n = { red: 0, amber: 0, green: 0 };
  let total = 0;
  for (const entry of tally) {
    n[ragOfLabel(labelOf(entry, today), entry.status)] += entry.count;
    total += entry.count;
  }
  return { ...n, total, percent: { red: percentOf(n.red, total), amber: percentOf(n.amber, total), green: percentOf(n.green, total) } };
}

/** A plan's figures, without its actions. */
export type Figures = Omit<PlanFigures, 'actions'>;

/** A plan's figures from a tally of its actions. */
export function figuresOf(plan: PlanSummary, tally: TallyEntry[], today: IsoDate): Figures {
  return {
    plan,
    total: countTally(tally, today),
    rag: ragOfTally(tally, today),
    grids: plan.grids.map((g) => {
      const mine = tally.filter((e) => e.grid === g.number);
      return { number: g.number, title: g.title, counts: countTally(mine, today), rag: ragOfTally(mine, today) };
    }),
  };
}

/** A plan's tally as the store keeps it, or counted from its actions for a plan stored before tallies were. */
export async function storedTally(store: Store, planId: string): Promise<TallyEntry[]> {
  return (await store.actions.tally(planId)) ?? tallyOf(await store.actions.listPlanActions(planId));
}

/** A plan's figures from its actions. */
export function planFigures(plan: PlanSummary, actions: StoredAction[], today: IsoDate): PlanFigures {
  return { ...figuresOf(plan, tallyOf(actions), today), actions };
}

/** The figures of every plan (or of those `include` keeps), reading each plan's actions once. */
export async function allPlanFigures(store: Store, today: IsoDate, include: (plan: PlanSummary) => boolean = () => true): Promise<PlanFigures[]> {
  const plans = (await store.plans.listPlans()).filter(include);
  return Promise.all(plans.map(async (plan) => planFigures(plan, await store.actions.listPlanActions(plan.id), today)));
}
