// A snapshot of plans, roles and people, read once per request so that a list of a hundred actions
// costs three queries, not three hundred.
import type { Grid } from '../domain/plan.ts';
import type { PlanSummary, Store } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';
import { roleKey } from '../domain/owners.ts';

/** One owner role of an action and the people who hold it (in the action's plan's tenant). */
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
  /**
   * People of a tenant holding a role there (case and spacing ignored). Roles are per tenant: for a
   * plan's owners ask `ownersIn` / `holdersIn` (src/app/access.ts), which take the plan's tenant.
   */
  holders(tenantId: string, role: string): Person[];
  /** Role names (as assigned) a person holds in a tenant. */
  rolesOf(tenantId: string, personId: string): string[];
  /** The roles assigned in a tenant. */
  roleNames(tenantId: string): string[];
}

const tenantRole = (tenantId: string, role: string): string => `${tenantId}\u0000${roleKey(role)}`;

/** Reads plans, role assignments and people. */
export async function loadDirectory(store: Store): Promise<Directory> {
  const [plans, roles, people] = await Promise.all([store.plans.listPlans(), store.roles.list(), store.people.list()]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const holdersByRole = new Map<string, Person[]>();
  const rolesByPerson = new Map<string, string[]>();
  const namesByTenant = new Map<string, string[]>();
  for (const { tenantId, role, personIds } of roles) {
    if (tenantId === '') continue;
    // A person is of one tenant: an assignment in another is none of theirs there (nor anyone's).
    const holders = personIds.map((id) => peopleById.get(id)).filter((p): p is Person => p !== undefined && p.tenantId === tenantId);
    const key = tenantRole(tenantId, role);
    holdersByRole.set(key, [...(holdersByRole.get(key) ?? []), ...holders]);
    for (const id of personIds) rolesByPerson.set(`${tenantId}\u0000${id}`, [...(rolesByPerson.get(`${tenantId}\u0000${id}`) ?? []), role]);
    namesByTenant.set(tenantId, [...(namesByTenant.get(tenantId) ?? []), role]);
  }
  const plansById = new Map(plans.map((p) => [p.id, p]));
  return {
    plans,
    people,
    plan: (id) => plansById.get(id),
    grid: (planId, number) => plansById.get(planId)?.grids.find((g) => g.number === number),
    person: (id) => peopleById.get(id),
    holders: (tenantId, role) => (tenantId === '' ? [] : holdersByRole.get(tenantRole(tenantId, role)) ?? []),
    rolesOf: (tenantId, personId) => (tenantId === '' ? [] : rolesByPerson.get(`${tenantId}\u0000${personId}`) ?? []),
    roleNames: (tenantId) => namesByTenant.get(tenantId) ?? [],
  };
}

/** Every role a tenant's plans name (and every one assigned there), with how many actions it owns, most first. */
export function rolesInPlans(directory: Directory, tenantId: string): { name: string; actions: number }[] {
  const counts = new Map<string, { name: string; actions: number }>();
  for (const plan of directory.plans.filter((p) => p.tenantId === tenantId)) {
    for (const role of plan.roles) {
      const entry = counts.get(roleKey(role.name)) ?? { name: role.name, actions: 0 };
      entry.actions += role.actions;
      counts.set(roleKey(role.name), entry);
    }
  }
  for (const name of directory.roleNames(tenantId)) if (!counts.has(roleKey(name))) counts.set(roleKey(name), { name, actions: 0 });
  return [...counts.values()].sort((a, b) => b.actions - a.actions);
}
