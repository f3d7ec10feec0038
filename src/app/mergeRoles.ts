// `roles merge "Commissioners" into "Commissioner"`: for the spellings the importer could not decide
// are one role. Every stored plan naming the alias has its actions' owners rewritten (progress and
// history kept, as a revised import keeps them), and the people who held the alias hold the role.
import { roleKey } from '../domain/owners.ts';
import type { Actor } from '../domain/progress.ts';
import type { Plan } from '../domain/plan.ts';
import { storePlan } from './importPlans.ts';
import type { Services } from './services.ts';

/** What a merge changed. */
export interface RoleMerge {
  alias: string;
  into: string;
  plans: { planId: string; actions: number }[];
  people: number;
}

/** The plan with `alias` written as `into` in every owner list, and kept as an alias of `into`. */
export function mergeInPlan(plan: Plan, alias: string, into: string): { plan: Plan; actions: number } {
  const key = roleKey(alias);
  let count = 0;
  const actions = plan.actions.map((action) => {
    if (!action.owners.some((owner) => roleKey(owner) === key)) return action;
    count += 1;
    const owners = [...new Set(action.owners.map((owner) => (roleKey(owner) === key ? into : owner)))];
    return { ...action, owners };
  });
  const merged = plan.roles.find((role) => roleKey(role.name) === key);
  const roles = plan.roles
    .filter((role) => roleKey(role.name) !== key)
    .map((role) => (roleKey(role.name) !== roleKey(into) ? role : {
      ...role,
      actions: actions.filter((a) => a.owners.some((o) => roleKey(o) === roleKey(into))).length,
      aliases: [...new Set([...(role.aliases ?? []), merged?.name ?? alias, ...(merged?.aliases ?? [])])],
    }));
  if (!roles.some((role) => roleKey(role.name) === roleKey(into))) {
    roles.push({ name: into, actions: count, aliases: [merged?.name ?? alias] });
  }
  // The plan's lead role follows its spelling too.
  const leadRole = plan.leadRole !== undefined && roleKey(plan.leadRole) === key ? into : plan.leadRole;
  return { plan: { ...plan, actions, roles, ...(leadRole !== undefined ? { leadRole } : {}) }, actions: count };
}

/**
 * Merges the role `alias` into `into` across every stored plan and every tenant's assignments (or the plans
 * and tenants `include` keeps: the chat keeps to the plans the caller manages, in the caller's tenant).
 * Returns null when no plan and nobody has the alias (nothing to merge).
 */
export async function mergeRoles(
  services: Pick<Services, 'store' | 'clock' | 'settings'>, alias: string, into: string, by: Actor,
  include: { plan: (planId: string) => boolean; tenant: (tenantId: string) => boolean } = { plan: () => true, tenant: () => true },
): Promise<RoleMerge | null> {
  if (roleKey(alias) === roleKey(into)) return null;
  const at = services.clock.now().toISOString();
  const result: RoleMerge = { alias, into, plans: [], people: 0 };
  for (const summary of (await services.store.plans.listPlans()).filter((p) => include.plan(p.id))) {
    const plan = await services.store.plans.getPlan(summary.id);
    if (plan === null) continue;
    const merged = mergeInPlan(plan, alias, into);
    if (merged.actions === 0) continue;
    await storePlan(services, merged.plan);
    result.plans.push({ planId: plan.id, actions: merged.actions });
  }
  // Each tenant's holders of the alias hold the role in that tenant.
  for (const held of (await services.store.roles.list()).filter((r) => roleKey(r.role) === roleKey(alias) && include.tenant(r.tenantId))) {
    for (const personId of held.personIds) {
      await services.store.roles.assign(held.tenantId, into, personId, by, at);
      await services.store.roles.unassign(held.tenantId, held.role, personId, by, at);
      result.people += 1;
    }
  }
  return result.plans.length === 0 && result.people === 0 ? null : result;
}
