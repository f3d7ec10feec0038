// The rules of the commissioner's weekly briefing: red / amber / green per grid, and what changed
// since last week's snapshot of each action (done, newly late, newly blocked, dates moved). Pure.
import type { IsoDate } from './plan.ts';
import type { ActionStatus } from './progress.ts';
import { daysBetween } from './calendar.ts';

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

/** Red: something blocked or later than the escalation limit; amber: something overdue; else green. */
export function ragOf(actions: ActionSnapshot[], today: IsoDate, escalateAfterDays: number): 'Red' | 'Amber' | 'Green' {
  if (actions.some((a) => a.status === 'blocked' || (late(a, today) && daysBetween(a.dueDate ?? today, today) >= escalateAfterDays))) return 'Red';
  return actions.some((a) => late(a, today)) ? 'Amber' : 'Green';
}
