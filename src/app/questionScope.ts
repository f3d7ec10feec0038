// What a question is about, resolved against what the person may see: the plans of their tenant they
// can see (access.ts), narrowed by the filter's plan, grid, person, role or "mine", as lists are
// (lists.ts). A plan, grid, role or person that is not there is named as unknown, with what exists.
import type { ListFilter } from '../domain/reading/intent.ts';
import { roleKey } from '../domain/owners.ts';
import type { PlanSummary, Store, StoredAction, TallyEntry } from '../domain/ports.ts';
import type { Caller } from './caller.ts';
import { closest } from './closest.ts';
import type { Directory } from './directory.ts';
import type { Keep } from './lazyList.ts';
import { plansNamed, unknownGrid } from './lists.ts';
import { storedTally, tallyOf } from './planFigures.ts';

/** The plans, grid and owner roles a question covers, and how to say so ("in Bedfordshire, grid 2"). */
export interface QuestionScope {
  plans: PlanSummary[];
  grid?: number;
  /** Owner roles (as the plans name them) the actions must have one of; null: any owner. */
  roles: string[] | null;
  /** Who the roles are for, when a person was named. */
  people: string[];
  where: string[];
  keep: Keep;
}

export type Scoped = { ok: true; scope: QuestionScope } | { ok: false; problem: string };

const list = (names: string[], none = 'none'): string => (names.length === 0 ? none : names.slice(0, 12).join(', ') + (names.length > 12 ? ` and ${names.length - 12} more` : ''));

/** The caller's view narrowed by `filter`, or why it cannot be. */
export function resolveScope(directory: Directory, caller: Caller, visibleIds: ReadonlySet<string>, filter: ListFilter, plansIn?: PlanSummary[]): Scoped {
  const visible = directory.plans.filter((p) => visibleIds.has(p.id));
  let plans = plansIn ?? visible;
  const where: string[] = [];
  if (filter.plan) {
    plans = plansNamed(plans, filter.plan);
    if (plans.length === 0) return { ok: false, problem: unknownPlan(filter.plan, visible) };
    where.push(`in ${plans.map((p) => p.partnership).join(', ')}`);
  }
  if (filter.grid !== undefined) {
    const unknown = unknownGrid(plans, filter.grid);
    if (unknown !== null) return { ok: false, problem: unknown };
    where.push(`${filter.plan ? '' : 'in '}grid ${filter.grid}`);
  }
  let roles: string[] | null = null;
  let people: string[] = [];
  if (filter.person) {
    const wanted = filter.person.trim().toLowerCase();
    const tenantPeople = directory.people.filter((p) => p.tenantId === caller.tenantId);
    const exact = tenantPeople.filter((p) => p.name.toLowerCase() === wanted);
    const found = exact.length > 0 ? exact : tenantPeople.filter((p) => p.name.toLowerCase().includes(wanted));
    if (found.length === 0) return { ok: false, problem: `I don't know anyone called "${filter.person}" here. The people I know: ${list(tenantPeople.map((p) => p.name).sort())}.` };
    people = found.map((p) => p.name);
    roles = found.flatMap((p) => directory.rolesOf(caller.tenantId, p.id));
    where.push(`for ${people.join(', ')}`);
  }
  if (filter.role) {
    const named = [...new Set(plans.flatMap((p) => p.roles.map((r) => r.name)))];
    const match = named.filter((r) => roleKey(r) === roleKey(filter.role ?? ''));
    if (match.length === 0) {
      const near = closest(filter.role, named, 3);
      return { ok: false, problem: `No plan you can see names a role "${filter.role}".${near.length > 0 ? ` Did you mean ${near.join(', ')}?` : ` The roles there are: ${list(named.sort())}.`}` };
    }
    roles = roles === null ? match : roles.filter((r) => match.some((m) => roleKey(m) === roleKey(r)));
    where.push(`owned by ${match[0]}`);
  }
  if (filter.mine) {
    roles = roles === null ? [...caller.roles] : roles.filter((r) => caller.roles.some((m) => roleKey(m) === roleKey(r)));
    where.push('yours');
  }
  const planIds = new Set(plans.map((p) => p.id));
  const keys = roles === null ? null : new Set(roles.map(roleKey));
  const keep: Keep = (a) => planIds.has(a.planId)
    && (filter.grid === undefined || a.grid === null || a.grid === filter.grid)
    && (keys === null || a.owners === null || a.owners.some((o) => keys.has(roleKey(o))));
  return { ok: true, scope: { plans, ...(filter.grid !== undefined ? { grid: filter.grid } : {}), roles, people, where, keep } };
}

/** 'No plan you can see is called "X". Your plans: …'. */
export function unknownPlan(name: string, visible: PlanSummary[]): string {
  return `No plan you can see is called "${name}". Your plans: ${list(visible.map((p) => `${p.partnership} (${p.code})`))}.`;
}

const keepAction = (scope: QuestionScope) => (a: StoredAction): boolean => scope.keep({ planId: a.planId, grid: a.action.grid, owners: a.action.owners });

/** The scope's actions, read: by the role index when owners narrow it, else every action of its plans. */
export async function scopedActions(store: Store, caller: Caller, scope: QuestionScope): Promise<StoredAction[]> {
  if (scope.roles !== null) return scope.roles.length === 0 ? [] : (await store.actions.ofRoles(caller.tenantId, scope.roles)).filter(keepAction(scope));
  return (await Promise.all(scope.plans.map((p) => store.actions.listPlanActions(p.id)))).flat().filter(keepAction(scope));
}

/**
 * Each plan's tally within the scope. Without an owner filter it is the store's own (no action read, so a
 * count over 100,000 actions costs one small read per plan); with one, it is made from the owners' actions.
 */
export async function scopedTallies(store: Store, caller: Caller, scope: QuestionScope): Promise<Map<string, TallyEntry[]>> {
  const byPlan = new Map<string, TallyEntry[]>();
  if (scope.roles === null) {
    const tallies = await Promise.all(scope.plans.map((p) => storedTally(store, p.id)));
    scope.plans.forEach((p, i) => byPlan.set(p.id, (tallies[i] ?? []).filter((e) => scope.grid === undefined || e.grid === scope.grid)));
    return byPlan;
  }
  const actions = await scopedActions(store, caller, scope);
  for (const p of scope.plans) byPlan.set(p.id, tallyOf(actions.filter((a) => a.planId === p.id)));
  return byPlan;
}
