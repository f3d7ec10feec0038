// A snapshot of plans, roles and people, read once per request so that a list of a hundred actions
// costs three queries, not three hundred.
import type { Grid, PlanAction } from '../domain/plan.ts';
import type { PlanSummary, Store } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';
import { roleKey } from '../domain/owners.ts';

/** One owner role of an action and the people who hold it. */
export interface OwnerView {
  role: string;
  people: Person[];
}

/** Plans, role holders and people, as they were when loaded. */
export interface Directory {
  plans: PlanSummary[];
  people: Person[];
  plan(planId: string): PlanSummary | undefined;
  grid(planId: string, grid: number): Grid | undefined;
  person(id: string): Person | undefined;
  /** People holding a role (case and spacing ignored). */
  holders(role: string): Person[];
  owners(action: PlanAction): OwnerView[];
  /** Role names (as assigned) a person holds. */
  rolesOf(personId: string): string[];
  roleNames(): string[];
}

/** Reads plans, role assignments and people. */
export async function loadDirectory(store: Store): Promise<Directory> {
  const [plans, roles, people] = await Promise.all([store.plans.listPlans(), store.roles.list(), store.people.list()]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const holdersByRole = new Map<string, Person[]>();
  const rolesByPerson = new Map<string, string[]>();
  for (const { role, personIds } of roles) {
    const holders = personIds.map((id) => peopleById.get(id)).filter((p): p is Person => p !== undefined);
    holdersByRole.set(roleKey(role), [...(holdersByRole.get(roleKey(role)) ?? []), ...holders]);
    for (const id of personIds) rolesByPerson.set(id, [...(rolesByPerson.get(id) ?? []), role]);
  }
  const plansById = new Map(plans.map((p) => [p.id, p]));
  const holders = (role: string): Person[] => holdersByRole.get(roleKey(role)) ?? [];
  return {
    plans,
    people,
    plan: (id) => plansById.get(id),
    grid: (planId, number) => plansById.get(planId)?.grids.find((g) => g.number === number),
    person: (id) => peopleById.get(id),
    holders,
    owners: (action) => action.owners.map((role) => ({ role, people: holders(role) })),
    rolesOf: (personId) => rolesByPerson.get(personId) ?? [],
    roleNames: () => roles.map((r) => r.role),
  };
}

/** Every role the plans name (and every assigned one), with how many actions it owns, most first. */
export function rolesInPlans(directory: Directory): { name: string; actions: number }[] {
  const counts = new Map<string, { name: string; actions: number }>();
  for (const plan of directory.plans) {
    for (const role of plan.roles) {
      const entry = counts.get(roleKey(role.name)) ?? { name: role.name, actions: 0 };
      entry.actions += role.actions;
      counts.set(roleKey(role.name), entry);
    }
  }
  for (const name of directory.roleNames()) if (!counts.has(roleKey(name))) counts.set(roleKey(name), { name, actions: 0 });
  return [...counts.values()].sort((a, b) => b.actions - a.actions);
}
