// Tallies per owner role, kept beside the plan's tally in each partition's tally row: how many actions
// each role owns at each grid, status and due date. The dashboard's owner filter counts from these
// instead of reading every action; they move in the same transaction as the plan's tally.
import { createHash } from 'node:crypto';
import type { TallyEntry } from '../domain/ports.ts';
import { mergeTallies, type Standing } from '../domain/tally.ts';
import { normaliseRole } from './keys.ts';

/** One role's count at one standing. */
export interface OwnerCount extends TallyEntry {
  /** The role as compared (normaliseRole). */
  role: string;
}

/** The roles an action counts under: each owner once, as compared. */
export function rolesOf(owners: string[]): string[] {
  return [...new Set(owners.map(normaliseRole))].filter((r) => r !== '');
}

/** Adds counts up by role and standing, dropping empty ones. */
export function mergeOwnerCounts(counts: OwnerCount[]): OwnerCount[] {
  const byRole = new Map<string, TallyEntry[]>();
  for (const { role, ...entry } of counts) {
    const list = byRole.get(role) ?? [];
    list.push(entry);
    byRole.set(role, list);
  }
  return [...byRole].flatMap(([role, entries]) => mergeTallies([entries]).map((e) => ({ role, ...e })));
}

/** The owner counts of some actions. */
export function ownerCountsOf(actions: { owners: string[]; standing: Standing }[]): OwnerCount[] {
  return mergeOwnerCounts(actions.flatMap(({ owners, standing }) => rolesOf(owners).map((role) => ({ role, ...standing, count: 1 }))));
}

/** Owner counts with one action (owned by `owners`) moved from `from` to `to`. */
export function moveOwners(counts: OwnerCount[], owners: string[], from: Standing, to: Standing): OwnerCount[] {
  return mergeOwnerCounts([...counts, ...rolesOf(owners).flatMap((role) => [{ role, ...from, count: -1 }, { role, ...to, count: 1 }])]);
}

/** One role's tally out of owner counts. */
export function tallyOfOwner(counts: OwnerCount[], role: string): TallyEntry[] {
  const wanted = normaliseRole(role);
  return counts.filter((c) => c.role === wanted).map(({ role: _role, ...entry }) => entry);
}

/**
 * The property that marks an action row as owned by a role, so a page can be narrowed by owner on the
 * server (OData has no "contains" for the owners list). A property name must be an identifier: a hash.
 */
export function ownerProperty(role: string): string {
  return `own_${createHash('sha1').update(normaliseRole(role)).digest('hex').slice(0, 20)}`;
}
