// Synthetic plans for the bench: as many actions as asked, owned by a fixed set of roles, due when the
// section says. Ten roles, as a real partnership has; every tenth action has two owners, as real ones do.
import type { Due, Plan, PlanAction, PlanPeriod } from '../../src/domain/plan.ts';

/** The owner roles of synthetic plans; each is held by one bench person. */
export const BENCH_ROLES: string[] = Array.from({ length: 10 }, (_, i) => `Lead Officer ${i + 1}`);

/** The commissioner's role (the default LEAD_ROLE); no synthetic action is owned by it. */
export const LEAD_ROLE = 'Commissioner';

/** What a synthetic plan is made of. */
export interface SyntheticPlanOptions {
  id: string;
  count: number;
  period: PlanPeriod;
  /** The "By when" of action `i`. */
  dueOf: (i: number) => Due;
}

/** The owner roles of action `i`. */
export function ownersOf(i: number): string[] {
  const first = BENCH_ROLES[i % BENCH_ROLES.length] ?? 'Lead Officer 1';
  const second = BENCH_ROLES[(i + 7) % BENCH_ROLES.length] ?? first;
  return i % 10 === 9 ? [first, second] : [first];
}

function byWhenRaw(due: Due): string {
  if (due.kind === 'date') return due.date;
  if (due.kind === 'recurring') return `Every ${due.every}`;
  return 'Ongoing';
}

/** A plan of `count` actions over nine grids. */
export function syntheticPlan(options: SyntheticPlanOptions): Plan {
  const actions: PlanAction[] = [];
  for (let i = 0; i < options.count; i++) {
    const grid = 1 + (i % 9);
    const due = options.dueOf(i);
    const owners = ownersOf(i);
    actions.push({
      id: `a${i}`, ref: `${grid}.${i}`, grid, objective: 'Reduce drug related harm',
      text: `Synthetic action ${i}: review the needle exchange provision and report to the board`,
      byWhenRaw: byWhenRaw(due), ownersRaw: owners.join(' & '), owners, due, source: { line: i + 1 },
    });
  }
  const grids = Array.from({ length: 9 }, (_, g) => ({ number: g + 1, title: `Planning grid ${g + 1}` }));
  const counts = new Map<string, number>();
  for (const a of actions) for (const o of a.owners) counts.set(o, (counts.get(o) ?? 0) + 1);
  const roles = [...counts].map(([name, n]) => ({ name, actions: n }));
  return { id: options.id, partnership: 'Bench DAT', period: options.period, grids, actions, roles, warnings: [] };
}
