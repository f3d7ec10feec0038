// Who sees which plans. A plan belongs to one tenant. Role assignments are per tenant: a person holding
// "SMLO" holds it in every plan of their own tenant that names SMLO, never in another tenant's. A person
// sees the plans of their tenant that name a role they hold; the commissioner (holder of the lead role)
// and admins see all their tenant's plans. Nobody sees a plan of another tenant, or one with no tenant.
import { roleKey } from '../domain/owners.ts';
import type { PlanAction } from '../domain/plan.ts';
import type { PlanSummary } from '../domain/ports.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';

/** True when the plan is in the caller's tenant. */
function sameTenant(caller: Caller, plan: PlanSummary | undefined): plan is PlanSummary {
  return plan !== undefined && plan.tenantId !== null && caller.tenantId !== '' && plan.tenantId === caller.tenantId;
}

/** The ids of the plans the caller may see. */
export function visiblePlanIds(caller: Caller, directory: Directory): Set<string> {
  const held = new Set(caller.roles.map(roleKey));
  return new Set(directory.plans
    .filter((p) => sameTenant(caller, p) && (caller.isAdmin || caller.isLead || p.roles.some((r) => held.has(roleKey(r.name)))))
    .map((p) => p.id));
}

/** True when the caller runs this plan: holds the lead role in the plan's tenant. */
export function isPlanCommissioner(caller: Caller, planId: string, directory: Directory): boolean {
  return caller.isLead && sameTenant(caller, directory.plan(planId));
}

/** True for the plan's commissioner and for admins of its tenant. */
export function mayManagePlan(caller: Caller, planId: string, directory: Directory): boolean {
  return isPlanCommissioner(caller, planId, directory) || (caller.isAdmin && sameTenant(caller, directory.plan(planId)));
}

/** Owners of the action, the plan's commissioner and admins of its tenant may answer for an action. */
export function mayAnswer(caller: Caller, planId: string, action: PlanAction, directory: Directory): boolean {
  if (!sameTenant(caller, directory.plan(planId))) return false;
  const mine = new Set(caller.roles.map(roleKey));
  return mayManagePlan(caller, planId, directory) || action.owners.some((o) => mine.has(roleKey(o)));
}

/** The plans of the caller's tenant (for admins' and commissioners' questions about roles). */
export function tenantPlans(caller: Caller, directory: Directory): PlanSummary[] {
  return directory.plans.filter((p) => sameTenant(caller, p));
}

/** Who a person with no role should ask: the commissioners and admins of their tenant, by name. */
export function whoToAsk(caller: Caller, directory: Directory, leadRole: string, admins: readonly string[]): string[] {
  const leads = directory.holders(leadRole).filter((p) => p.tenantId === caller.tenantId).map((p) => p.name);
  const adminNames = admins.map((id) => directory.person(id)).filter((p) => p !== undefined && p.tenantId === caller.tenantId).map((p) => p!.name);
  return [...new Set([...leads, ...adminNames])];
}
