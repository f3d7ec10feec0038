// Importing plan documents into the store: each action starts with its occurrence in hand; a revised
// plan keeps the progress and history of the actions still in it.
import { londonDate } from '../domain/calendar.ts';
import { occurrences } from '../domain/occurrences.ts';
import { chooseLeadRole, type LeadRoleChoice } from '../domain/leadRole.ts';
import type { Plan } from '../domain/plan.ts';
import type { ImportReport, SaveOptions } from '../domain/ports.ts';
import { initialProgress } from '../domain/progressStart.ts';
import type { Services } from './services.ts';

/**
 * Saves one plan for a tenant and says what changed. Without `tenantId` a re-imported plan keeps its
 * tenant, and a new one has none (nobody sees it until it is imported with one). `leadRole` names the
 * plan's lead role; without it a stored plan keeps its own and a new one gets one by the rule of
 * src/domain/leadRole.ts.
 */
export async function storePlan(services: Pick<Services, 'store' | 'clock' | 'settings'>, given: Plan, tenantId?: string, leadRole?: string, options?: SaveOptions): Promise<ImportReport> {
  const now = services.clock.now();
  const today = londonDate(now);
  const withTenant = tenantId ? { ...given, tenantId } : given;
  const lead = leadRole !== undefined || given.leadRole === undefined ? await leadRoleFor(services, given, leadRole) : null;
  const plan = lead ? { ...withTenant, leadRole: lead.role } : withTenant;
  return services.store.plans.savePlan(plan, (action) => initialProgress(occurrences(action.due, plan.period), today), now.toISOString(), options);
}

/** The lead role a plan would get if stored now: the one named, the stored one, or by the rule. Null: keep the stored one. */
export async function leadRoleFor(services: Pick<Services, 'store' | 'settings'>, plan: Plan, named?: string): Promise<LeadRoleChoice | null> {
  if (named !== undefined) return chooseLeadRole(plan.roles, services.settings.LEAD_ROLE, named);
  const stored = (await services.store.plans.listPlans()).find((p) => p.id === plan.id);
  if (stored?.leadRole) return null;
  return chooseLeadRole(plan.roles, services.settings.LEAD_ROLE);
}

/** One line per import for logs and the command line. */
export function describeImport(report: ImportReport): string {
  if (report.created) return `${report.planId}: new plan, ${report.added.length} actions`;
  return `${report.planId}: ${report.kept} kept (${report.changed.length} changed), ${report.added.length} added, ${report.removed.length} removed`;
}
