// Matches the actions of a revised plan to the stored ones, so progress and history follow an action
// through re-imports: by ref and normalised text first, then text alone, then ref alone (text changed).
import type { PlanAction } from '../domain/plan.ts';

/** How a revised plan's actions line up with the stored ones. */
export interface Revision<T> {
  /** Stored action (with whatever the caller keeps beside it) and the new text of it. */
  matched: { before: T; after: PlanAction }[];
  added: PlanAction[];
  removed: T[];
}

/** Text compared without case, punctuation or spacing: PDF extraction varies in all three. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The PlanAction fields that differ between two versions of an action (ids and lines aside). */
export function changedFields(before: PlanAction, after: PlanAction): string[] {
  const fields = ['ref', 'grid', 'objective', 'text', 'byWhenRaw', 'ownersRaw', 'owners', 'due'] as const;
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** Lines up `next` with `stored` (each stored item carries its PlanAction via `actionOf`). */
export function reviseActions<T>(stored: T[], next: PlanAction[], actionOf: (item: T) => PlanAction): Revision<T> {
  const unmatched = new Set(stored);
  const matched: { before: T; after: PlanAction }[] = [];
  let pending = next;
  const passes: ((a: PlanAction) => string | null)[] = [
    (a) => `${a.ref ?? ''}\u0000${normaliseText(a.text)}`,
    (a) => normaliseText(a.text),
    (a) => (a.ref ? a.ref.trim().toLowerCase() : null),
  ];
  for (const keyOf of passes) {
    const queues = new Map<string, T[]>();
    for (const item of unmatched) {
      const key = keyOf(actionOf(item));
      if (key === null || key === '') continue;
      const queue = queues.get(key);
      if (queue) queue.push(item);
      else queues.set(key, [item]);
    }
    const left: PlanAction[] = [];
    for (const action of pending) {
      const key = keyOf(action);
      const before = key ? queues.get(key)?.shift() : undefined;
      if (before === undefined) {
        left.push(action);
        continue;
      }
      unmatched.delete(before);
      matched.push({ before, after: action });
    }
    pending = left;
  }
  return { matched, added: pending, removed: [...unmatched] };
}
