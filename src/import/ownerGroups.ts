// A row of several sub-actions whose owner cell lost its line breaks ("Inde Trust Service lead GDD
// Researcher/Service user Coordinator GDD Researcher/…"): within one sub-action's owners the plan writes
// "/", so where two roles the plan names on their own elsewhere run together with only a space, the
// next sub-action's owners begin. A role written twice in one group starts a new group too.
import { splitOwners } from '../domain/owners.ts';
import type { DraftRow } from './draftRow.ts';
import { joinOwners } from './draftRow.ts';
import { segment } from './joinedRoles.ts';
import { variantKey } from './roleVariants.ts';

/** How many rows of the plan write each role (by its variant key) in their owner cells. */
export function ownerVocabulary(rows: DraftRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  // Plans repeat the same owner cell on many rows: each cell's roles are worked out once.
  const keysOf = new Map<string, Set<string>>();
  for (const row of rows) {
    const cell = joinOwners(row.who);
    let keys = keysOf.get(cell);
    if (keys === undefined) keysOf.set(cell, (keys = new Set(splitOwners(cell).map(variantKey))));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The owners of `who` cut into `n` groups at run-together roles, or null when they do not make `n`. */
export function ownerGroups(who: string, n: number, vocabulary: Map<string, number>): string[] | null {
  if (n < 2) return null;
  const groups: string[][] = [[]];
  for (const chunk of who.split('/').map((c) => c.trim()).filter((c) => c !== '')) {
    const words = chunk.split(/\s+/);
    // The run itself is in the vocabulary (its own row wrote it); only other roles may cut it.
    const known = new Set([...vocabulary.keys()].filter((key) => key !== variantKey(chunk)));
    const parts = words.length < 2 ? [chunk] : segment(words, known, variantKey) ?? [chunk];
    parts.forEach((part, i) => {
      const current = groups.at(-1) ?? [];
      const twice = current.some((role) => variantKey(role) === variantKey(part));
      if (current.length > 0 && (i > 0 || twice)) groups.push([part]);
      else current.push(part);
    });
  }
  return groups.length === n ? groups.map((group) => group.join('/')) : null;
}
