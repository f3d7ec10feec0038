import type { IsoDate } from './plan.ts';
import type { ActionProgress } from './progress.ts';

/**
 * The progress of an action freshly imported from a plan: open, with one occurrence in hand. That is
 * the latest occurrence on or before today when there is one — a past date stays in hand, so the action
 * shows as overdue rather than being quietly skipped, but a quarterly review imported in November is
 * chased for September, not for June as well — else the earliest. No occurrences (ongoing, as required,
 * none, unparsed) gives no date at all.
 */
export function initialProgress(occurrences: IsoDate[], today: IsoDate): ActionProgress {
  const sorted = [...occurrences].sort();
  const past = sorted.filter((d) => d <= today);
  const inHand = past[past.length - 1] ?? sorted[0] ?? null;
  return { status: 'open', occurrence: inHand, dueDate: inHand, reason: null, updatedAt: null, updatedBy: null };
}

/** The first occurrence strictly after `after`, or null when none is left. */
export function nextOccurrence(occurrences: IsoDate[], after: IsoDate): IsoDate | null {
  return [...occurrences].sort().find((d) => d > after) ?? null;
}

/**
 * The progress of an action whose "By when" changed in a revised plan. An open action follows its new
 * schedule (`fresh`: what importing it today would start it at), except that an answered recurring
 * action never goes back before the occurrence it had reached. Delayed, blocked and done actions keep
 * what their owner said.
 */
export function revisedProgress(before: ActionProgress, fresh: ActionProgress): ActionProgress {
  if (before.status !== 'open') return before;
  const answered = before.updatedAt !== null && before.occurrence !== null;
  if (answered && fresh.occurrence !== null && fresh.occurrence < (before.occurrence ?? '')) return before;
  return { ...fresh, updatedAt: before.updatedAt, updatedBy: before.updatedBy };
}
