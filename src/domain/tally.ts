// Tallies: how many actions stand at each grid, stored status and due date. A plan's figures depend on
// nothing else (see src/app/planFigures.ts); the store keeps one per plan as it writes.
import type { IsoDate } from './plan.ts';
import type { TallyEntry } from './ports.ts';
import type { ActionStatus } from './progress.ts';

/** Where an action stands, as a tally counts it. */
export interface Standing {
  grid: number;
  status: ActionStatus;
  dueDate: IsoDate | null;
}

const keyOf = (s: Standing): string => `${s.grid}|${s.status}|${s.dueDate ?? ''}`;

/** Adds entries up by standing, dropping empty ones. */
export function mergeTallies(parts: TallyEntry[][]): TallyEntry[] {
  const merged = new Map<string, TallyEntry>();
  for (const entry of parts.flat()) {
    const seen = merged.get(keyOf(entry));
    if (seen) seen.count += entry.count;
    else merged.set(keyOf(entry), { grid: entry.grid, status: entry.status, dueDate: entry.dueDate, count: entry.count });
  }
  return [...merged.values()].filter((e) => e.count !== 0);
}

/** The tally of some standings. */
export function tallyStandings(standings: Standing[]): TallyEntry[] {
  return mergeTallies([standings.map((s) => ({ ...s, count: 1 }))]);
}

/** A tally with one action moved from `from` to `to`. */
export function moveIn(entries: TallyEntry[], from: Standing, to: Standing): TallyEntry[] {
  return mergeTallies([entries, [{ ...from, count: -1 }, { ...to, count: 1 }]]);
}
