// Small hand-made plans for the bot tests: dates chosen so each story's reminders are easy to follow.
import type { Due, IsoDate, Plan, PlanAction, PlanPeriod } from '../../src/domain/plan.ts';

/** One row of a hand-made planning grid. */
export interface ActionRow {
  ref: string;
  text: string;
  owners: string[];
  /** A date ("2011-09-30") or any other "By when". */
  due: IsoDate | Due;
  grid?: number;
}

/** The 2011-12 plan year. */
export const planYear2011: PlanPeriod = { start: '2011-04-01', end: '2012-03-31' };

/** A plan whose action ids are `${id}-${ref}`, so tests can name them. */
export function handMadePlan(id: string, partnership: string, period: PlanPeriod, rows: ActionRow[], gridTitles: Record<number, string> = { 1: 'Treatment' }): Plan {
  const actions: PlanAction[] = rows.map((row, index) => {
    const due: Due = typeof row.due === 'string' ? { kind: 'date', date: row.due } : row.due;
    return {
      id: `${id}-${row.ref}`, ref: row.ref, grid: row.grid ?? 1, objective: null, text: row.text,
      byWhenRaw: typeof row.due === 'string' ? row.due : row.due.kind, ownersRaw: row.owners.join(' & '), owners: row.owners,
      due, source: { line: index + 10 },
    };
  });
  const grids = [...new Set(actions.map((a) => a.grid))].sort().map((n) => ({ number: n, title: gridTitles[n] ?? `Grid ${n}` }));
  const roles = [...new Set(actions.flatMap((a) => a.owners))].map((name) => ({ name, actions: actions.filter((a) => a.owners.includes(name)).length }));
  return { id, partnership, period, grids, actions, roles, warnings: [] };
}
