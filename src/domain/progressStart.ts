import type { IsoDate } from './plan.ts';
import type { ActionProgress } from './progress.ts';

/**
 * The progress of an action freshly imported from a plan: open, with its earliest occurrence in hand.
 * An occurrence already past is kept on purpose, so the action shows as overdue rather than being
 * quietly skipped. No occurrences (ongoing, as required, none, unparsed) gives no date at all.
 * `_today` is part of the signature so callers need not change if a rule about the past is agreed.
 */
export function initialProgress(occurrences: IsoDate[], _today: IsoDate): ActionProgress {
  const first = [...occurrences].sort()[0] ?? null;
  return { status: 'open', occurrence: first, dueDate: first, reason: null, updatedAt: null, updatedBy: null };
}

/** The first occurrence strictly after `after`, or null when none is left. */
export function nextOccurrence(occurrences: IsoDate[], after: IsoDate): IsoDate | null {
  return [...occurrences].sort().find((d) => d > after) ?? null;
}
