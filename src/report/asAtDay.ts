// An action as it stood at the end of a past day, from its history: a board report for a quarter that
// has ended shows the quarter as it closed, not today's figures.
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';

/**
 * The action as at the end of `day`: its last change on or before that day, or (when it changed only
 * later) the state before its first later change. `history` is oldest first.
 */
export function asAtDay(stored: StoredAction, history: ActionChange[], day: IsoDate): StoredAction {
  const dayOf = (c: ActionChange): IsoDate => londonDate(new Date(c.at));
  const later = history.filter((c) => dayOf(c) > day);
  if (later.length === 0) return stored;
  const last = history.filter((c) => dayOf(c) <= day).at(-1);
  const first = later[0] as ActionChange;
  const progress = last
    ? { status: last.to, occurrence: last.occurrence, dueDate: last.dueAfter, reason: last.reason, updatedAt: last.at, updatedBy: last.by.id }
    : { status: first.from, occurrence: first.occurrence, dueDate: first.dueBefore, reason: null, updatedAt: null, updatedBy: null };
  return { ...stored, progress };
}
