// The rules of the commissioner's weekly briefing: one red / amber / green per grid, and what changed
// since last week's snapshot of each action (done, newly late, newly blocked, dates moved). Pure.
import type { IsoDate } from './plan.ts';
import type { ActionStatus } from './progress.ts';

/** One action as the briefing remembers it from week to week. */
export interface ActionSnapshot {
  status: ActionStatus;
  dueDate: IsoDate | null;
}

/** A plan's actions as they stood on `asOf`. */
export interface PlanSnapshot {
  asOf: IsoDate;
  actions: Record<string, ActionSnapshot>;
}

/** What changed between two snapshots. */
export interface WeekChanges {
  done: number;
  newlyLate: number;
  newlyBlocked: number;
  datesMoved: number;
}

const late = (a: ActionSnapshot, on: IsoDate): boolean => a.status !== 'done' && a.status !== 'blocked' && a.dueDate !== null && a.dueDate < on;

/** Changes from `before` to `now`; actions new since then count only if they are late or blocked now. */
export function changesSince(before: PlanSnapshot, now: PlanSnapshot): WeekChanges {
  const changes: WeekChanges = { done: 0, newlyLate: 0, newlyBlocked: 0, datesMoved: 0 };
  for (const [id, current] of Object.entries(now.actions)) {
    const previous = before.actions[id];
    if (current.status === 'done' && previous?.status !== 'done') changes.done += 1;
    else if (previous && previous.dueDate !== current.dueDate && current.status !== 'done' && previous.status !== 'done') {
      changes.datesMoved += 1;
    }
    if (current.status === 'blocked' && previous?.status !== 'blocked') changes.newlyBlocked += 1;
    if (late(current, now.asOf) && !(previous && late(previous, before.asOf))) changes.newlyLate += 1;
  }
  return changes;
}

/** How many of a grid's actions are red (overdue or blocked) and amber (due soon or delayed): the dashboard's counts. */
export interface GridRagCounts {
  red: number;
  amber: number;
  total: number;
}

/**
 * A grid's one colour in the briefing, from the same per-action RAG the dashboard counts (so the two never
 * disagree about an action). A share, not the worst action: one late action in twenty is slippage, not a
 * grid in trouble. Red: a fifth or more of its actions red; amber: any red, or a fifth or more amber;
 * else green.
 */
export function gridRating(counts: GridRagCounts): 'Red' | 'Amber' | 'Green' {
  if (counts.total === 0) return 'Green';
  if (counts.red * 5 >= counts.total) return 'Red';
  return counts.red > 0 || counts.amber * 5 >= counts.total ? 'Amber' : 'Green';
}
