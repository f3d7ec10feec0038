// Who sees which plans. A plan belongs to one tenant. Role assignments are per tenant: a person holding
// "SMLO" holds it in every plan of their own tenant that names SMLO, never in another tenant's. A person
// sees the plans of their tenant that name a role they hold; a plan's commissioner (a holder of the
// plan's lead role) sees that plan, and admins see all their tenant's plans. Nobody sees a plan of
// another tenant, or one with no tenant.
import { chooseLeadRole } from '../domain/leadRole.ts';
import { roleKey } from '../domain/owners.ts';
import type { PlanAction } from '../domain/plan.ts';
import type { PlanSummary } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';
import type { Caller } from './caller.ts';
import type { Directory, OwnerView } from './directory.ts';

/** The role whose holders commission the plan: its own, or (a plan stored before plans had one) by the import rule. */
export function leadRoleOf(plan: Pick<PlanSummary, 'leadRole' | 'roles'>, setting: string): string {
  return plan.leadRole ?? chooseLeadRole(plan.roles, setting).role;
}

/**
 * Who commissions this plan: the holders of its lead role in the plan's tenant. While nobody there holds
 * it, the holders of the LEAD_ROLE setting's role do (the organisation's commissioner), so no plan is
 * left without one: a plan imported with a lead role nobody holds yet is still run, and can be handed on.
 */
export function commissionersOf(planId: string, directory: Directory, setting: string): Person[] {
  const plan = directory.plan(planId);
  if (plan === undefined || plan.tenantId === null) return [];
  const tenant = plan.tenantId;
  const inTenant = (role: string): Person[] => directory.holders(tenant, role);
  const leads = inTenant(leadRoleOf(plan, setting));
  return leads.length > 0 ? leads : inTenant(setting);
}

/** The holders of a role in a plan's tenant: a holder of the same role name in another tenant holds nothing here. */
export function holdersIn(planId: string, role: string, directory: Directory): Person[] {
  const tenant = directory.plan(planId)?.tenantId ?? null;
  return tenant === null ? [] : directory.holders(tenant, role);
}

/** The owner roles of an action of the plan, each with its holders in the plan's tenant. */
export function ownersIn(planId: string, action: Pick<PlanAction, 'owners'>, directory: Directory): OwnerView[] {
  return action.owners.map((role) => ({ role, people: holdersIn(planId, role, directory) }));
}

/** The plans of their tenant a person commissions. */
export function plansLedBy(personId: string, tenantId: string, directory: Directory, setting: string): string[] {
  return directory.plans.filter((p) => tenantId !== '' && p.tenantId === tenantId && commissionersOf(p.id, directory, setting).some((c) => c.id === personId)).map((p) => p.id);
}

/** True when the plan is in the caller's tenant. */
function sameTenant(caller: Caller, plan: PlanSummary | undefined): plan is PlanSummary {
  return plan !== undefined && plan.tenantId !== null && caller.tenantId !== '' && plan.tenantId === caller.tenantId;
}

/** The ids of the plans the caller may see. */
export function visiblePlanIds(caller: Caller, directory: Directory): Set<string> {
  const held = new Set(caller.roles.map(roleKey));
  return new Set(directory.plans
    .filter((p) => sameTenant(caller, p) && (caller.isAdmin || caller.leads.includes(p.id) || p.roles.some((r) => held.has(roleKey(r.name)))))
    .map((p) => p.id));
}

/** True when the caller runs this plan: holds the plan's lead role in the plan's tenant. */
export function isPlanCommissioner(caller: Caller, planId: string, directory: Directory): boolean {
  return caller.leads.includes(planId) && sameTenant(caller, directory.plan(planId));
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

/** Who a person with no role should ask: the commissioners of their tenant's plans and its admins, by name. */
export function whoToAsk(caller: Caller, directory: Directory, settings: { LEAD_ROLE: string; ADMINS: readonly string[] }): string[] {
  const leads = tenantPlans(caller, directory).flatMap((p) => commissionersOf(p.id, directory, settings.LEAD_ROLE)).map((p) => p.name);
  return [...new Set([...leads, ...adminsOf(caller.tenantId, directory, settings.ADMINS)])];
}

/** The names of the admins of a tenant: the ADMINS setting is one list, but each admin acts only in their own tenant. */
export function adminsOf(tenantId: string, directory: Directory, admins: readonly string[]): string[] {
  return admins.map((id) => directory.person(id)).filter((p) => p !== undefined && tenantId !== '' && p.tenantId === tenantId).map((p) => p!.name);
}
