// Authority follows the plan: who may give or take a role (assign, unassign, cover, Reassign, merge).
// A role is the tenant's, shared by every plan of the tenant naming it; giving it is allowed for the
// roles of plans the caller manages (its commissioner, or an admin of the tenant). A role whose holders
// commission a plan (its lead role, or the LEAD_ROLE setting while it stands in) is that plan's alone:
// only someone who manages that plan may give or take it, so no commissioner can take over another plan.
import { roleKey } from '../domain/owners.ts';
import type { PlanSummary } from '../domain/ports.ts';
import { adminsOf, commissionersOf, holdersIn, leadRoleOf, mayManagePlan, tenantPlans } from './access.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';

/** What the rules need of the settings. */
export interface GrantSettings {
  LEAD_ROLE: string;
  ADMINS: readonly string[];
}

/** The plans of the caller's tenant the caller manages. */
export function managedPlans(caller: Caller, directory: Directory): PlanSummary[] {
  return tenantPlans(caller, directory).filter((p) => mayManagePlan(caller, p.id, directory));
}

/** The roles the plans name, and their lead roles, each once as first spelled. */
export function rolesOfPlans(plans: PlanSummary[], setting: string): string[] {
  const named = new Map<string, string>();
  for (const plan of plans) for (const name of [...plan.roles.map((r) => r.name), leadRoleOf(plan, setting)]) if (!named.has(roleKey(name))) named.set(roleKey(name), name);
  return [...named.values()];
}

/**
 * The plans of the tenant whose commissioners are the holders of `role`: those whose lead role it is,
 * and, for the LEAD_ROLE setting, those where nobody holds the plan's own lead role (its holders stand in).
 */
export function plansLedThrough(tenantId: string, role: string, directory: Directory, setting: string): PlanSummary[] {
  const key = roleKey(role);
  return directory.plans.filter((p) => p.tenantId !== null && p.tenantId === tenantId && (roleKey(leadRoleOf(p, setting)) === key
    || (key === roleKey(setting) && holdersIn(p.id, leadRoleOf(p, setting), directory).length === 0)));
}

/** "Worcestershire SMAT's commissioner (JCM: Pat Lee)". */
export function commissionerOfWords(plan: PlanSummary, directory: Directory, setting: string): string {
  const role = leadRoleOf(plan, setting);
  const people = commissionersOf(plan.id, directory, setting).map((p) => p.name);
  const own = holdersIn(plan.id, role, directory).length > 0;
  const who = own ? `${role}: ${people.join(', ')}` : people.length > 0 ? `${role}: nobody; ${setting} stands in: ${people.join(', ')}` : `${role}: nobody yet`;
  return `${plan.partnership}'s commissioner (${who})`;
}

/** "Only Worcestershire SMAT's commissioner (JCM: Pat Lee) or an admin (Ann Admin) can <doing>. Nothing was changed." */
export function onlyManagersText(plans: PlanSummary[], directory: Directory, settings: GrantSettings, tenantId: string, doing: string, orElse?: string): string {
  const admins = adminsOf(tenantId, directory, settings.ADMINS);
  const who = plans.slice(0, 4).map((p) => commissionerOfWords(p, directory, settings.LEAD_ROLE)).join(' and ') + (plans.length > 4 ? ` (and ${plans.length - 4} more plans)` : '');
  const admin = `an admin${admins.length > 0 ? ` (${admins.slice(0, 4).join(', ')})` : ''}`;
  return `Only ${who}${orElse ? `, ${admin} or ${orElse}` : ` or ${admin}`} can ${doing}. Nothing was changed.`;
}

/**
 * Why the caller may not give or take `role` because its holders commission a plan they do not manage;
 * null when no such plan. `doing` ends the refusal: "give JCM to Eve Hart".
 */
export function leadRoleRefusal(caller: Caller, role: string, directory: Directory, settings: GrantSettings, doing: string): string | null {
  const theirs = plansLedThrough(caller.tenantId, role, directory, settings.LEAD_ROLE).filter((p) => !mayManagePlan(caller, p.id, directory));
  return theirs.length === 0 ? null : onlyManagersText(theirs, directory, settings, caller.tenantId, doing);
}

/** The role as the caller's managed plans spell it, or why they may not give or take it. */
export type Grant = { ok: true; role: string } | { ok: false; message: string; near: string[] };

/**
 * May the caller give or take `asked`? Only a role of a plan they manage (named in it, or its lead
 * role), and never a role whose holders commission a plan they do not manage.
 */
export function mayGrant(caller: Caller, asked: string, directory: Directory, settings: GrantSettings, doing: (role: string) => string): Grant {
  const mine = rolesOfPlans(managedPlans(caller, directory), settings.LEAD_ROLE);
  const tenant = rolesOfPlans(tenantPlans(caller, directory), settings.LEAD_ROLE);
  const role = mine.find((n) => roleKey(n) === roleKey(asked)) ?? tenant.find((n) => roleKey(n) === roleKey(asked));
  if (role === undefined) return { ok: false, message: '', near: mine };
  const lead = leadRoleRefusal(caller, role, directory, settings, doing(role));
  if (lead !== null) return { ok: false, message: lead, near: [] };
  if (!mine.some((n) => roleKey(n) === roleKey(role))) {
    const naming = tenantPlans(caller, directory).filter((p) => rolesOfPlans([p], settings.LEAD_ROLE).some((n) => roleKey(n) === roleKey(role)));
    return { ok: false, message: onlyManagersText(naming, directory, settings, caller.tenantId, doing(role)), near: [] };
  }
  return { ok: true, role };
}

/**
 * Why the caller may not merge `alias` into `into` (null: they may). Both are the caller's tenant's roles:
 * neither may be a role whose holders commission a plan the caller does not manage; every plan naming the
 * alias must be theirs (its holders lose it), and `into`, if plans name it, must be named by one of theirs.
 */
export function mergeRefusal(caller: Caller, alias: string, into: string, directory: Directory, settings: GrantSettings): string | null {
  for (const role of [alias, into]) {
    const doing = `merge ${alias} into ${into}`;
    const lead = leadRoleRefusal(caller, role, directory, settings, doing);
    if (lead !== null) return lead;
    const naming = tenantPlans(caller, directory).filter((p) => rolesOfPlans([p], settings.LEAD_ROLE).some((n) => roleKey(n) === roleKey(role)));
    const others = naming.filter((p) => !mayManagePlan(caller, p.id, directory));
    // The alias's holders stop holding it: a plan the caller does not manage that names it would lose them.
    if (role === alias && others.length > 0) return onlyManagersText(others, directory, settings, caller.tenantId, doing);
    if (naming.length > 0 && others.length === naming.length) return onlyManagersText(naming, directory, settings, caller.tenantId, doing);
  }
  return null;
}
