// Synthetic plans for the bench: as many actions as asked, owned by ten roles, due when the section
// says. Every tenth action has two owners, as in real plans.
//
// Setup speed: the store groups its role index by the action's bucket (src/store/roleIndex.ts), and
// Azurite's writes slow with the number and size of partitions touched. Owner roles here follow the
// action's bucket, so a 100,000-action plan stores in about a minute rather than many. Which role
// owns an action changes nothing measured.
import type { Due, Plan, PlanAction, PlanPeriod } from '../../src/domain/plan.ts';
import { bucketsFor } from '../../src/store/actionRows.ts';
import { bucketOf } from '../../src/store/keys.ts';

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

/** The id of action `i`. */
export const actionIdOf = (i: number): string => `a${i}`;

/** The owner roles of action `i` of a plan of `count` actions. */
export function ownersOf(i: number, count: number): string[] {
  const bucket = bucketOf(actionIdOf(i), bucketsFor(count));
  const role = (n: number): string => BENCH_ROLES[n % BENCH_ROLES.length] ?? 'Lead Officer 1';
  return i % 10 === 9 ? [role(bucket), role(bucket + 3)] : [role(bucket)];
}

function byWhenRaw(due: Due): string {
  if (due.kind === 'date') return due.date;
  if (due.kind === 'recurring') return `Every ${due.every}`;
  return 'Ongoing';
}

/** A plan of `count` actions over nine grids. */
export function syntheticPlan(options: SyntheticPlanOptions): Plan {
  const actions: PlanAction[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < options.count; i++) {
    const grid = 1 + (i % 9);
    const due = options.dueOf(i);
    const owners = ownersOf(i, options.count);
    for (const o of owners) counts.set(o, (counts.get(o) ?? 0) + 1);
    actions.push({
      id: actionIdOf(i), ref: `${grid}.${i}`, grid, objective: 'Reduce drug related harm',
      text: `Synthetic action ${i}: review the needle exchange provision and report to the board`,
      byWhenRaw: byWhenRaw(due), ownersRaw: owners.join(' & '), owners, due, source: { line: i + 1 },
    });
  }
  const grids = Array.from({ length: 9 }, (_, g) => ({ number: g + 1, title: `Planning grid ${g + 1}` }));
  const roles = [...counts].map(([name, n]) => ({ name, actions: n }));
  return { id: options.id, partnership: 'Bench DAT', period: options.period, grids, actions, roles, warnings: [] };
}
