// Naming a plan's lead role in chat ("lead role for WOR is JCM"): its commissioner or an admin of its
// tenant may; the role must be one the tenant's plans name, one already assigned, or the LEAD_ROLE setting.
import { roleKey } from '../domain/owners.ts';
import type { PlanSummary } from '../domain/ports.ts';
import { closest } from './closest.ts';
import { commissionersOf, holdersIn, leadRoleOf, mayManagePlan, tenantPlans } from './access.ts';
import { onlyManagersText } from './roleGrants.ts';
import { actorOf, type Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import type { Services } from './services.ts';

/** Who commissions the plan, in words: "whoever holds JCM: Jane Smith". */
export function commissionerWords(plan: PlanSummary, directory: Directory, setting: string): string {
  const role = leadRoleOf(plan, setting);
  const people = commissionersOf(plan.id, directory, setting).map((p) => p.name);
  const holders = holdersIn(plan.id, role, directory);
  if (holders.length > 0) return `whoever holds ${role}: ${people.join(', ')}`;
  const standIn = people.length > 0 ? `, so the holders of ${setting} stand in: ${people.join(', ')}` : `, nor ${setting}: nobody commissions it`;
  return `whoever holds ${role}; nobody holds ${role} yet${standIn}`;
}

/** Names `role` as the plan's lead role; returns what to tell the caller. */
export async function changeLeadRole(services: Services, directory: Directory, caller: Caller, plan: PlanSummary, wanted: string): Promise<string> {
  const { LEAD_ROLE } = services.settings;
  const current = leadRoleOf(plan, LEAD_ROLE);
  if (!mayManagePlan(caller, plan.id, directory)) {
    return onlyManagersText([plan], directory, services.settings, caller.tenantId, `change the lead role of ${plan.code}`);
  }
  const known = [...new Set([...tenantPlans(caller, directory).flatMap((p) => p.roles.map((r) => r.name)), ...directory.roleNames(caller.tenantId), LEAD_ROLE])];
  const role = known.find((n) => roleKey(n) === roleKey(wanted));
  if (role === undefined) {
    const near = closest(wanted, known, 3);
    return `No plan of yours names a role "${wanted.length > 60 ? `${wanted.slice(0, 59)}…` : wanted}", so the lead role of ${plan.code} was not changed.${near.length > 0 ? ` Did you mean ${near.join(' or ')}? e.g. "lead role for ${plan.code} is ${near[0]}"` : ''}`;
  }
  if (roleKey(role) === roleKey(current)) return `${plan.code}'s lead role is already ${current}. Nothing was changed.`;
  await services.store.plans.setLeadRole(plan.id, role);
  services.logger.info({ planId: plan.id, from: current, to: role, by: actorOf(caller).id }, 'lead role changed');
  const after = { ...plan, leadRole: role };
  const changed = { ...directory, plan: (id: string) => (id === plan.id ? after : directory.plan(id)) };
  return `${plan.code} (${plan.partnership}) is now commissioned by ${commissionerWords(after, changed, LEAD_ROLE)}. Its lead role was ${current}.`;
}
