// Importing plan documents into the store: each action starts with its occurrence in hand; a revised
// plan keeps the progress and history of the actions still in it.
import { londonDate } from '../domain/calendar.ts';
import { occurrences } from '../domain/occurrences.ts';
import type { Plan } from '../domain/plan.ts';
import type { ImportReport } from '../domain/ports.ts';
import { initialProgress } from '../domain/progressStart.ts';
import type { Services } from './services.ts';

/**
 * Saves one plan for a tenant and says what changed. Without `tenantId` a re-imported plan keeps its
 * tenant, and a new one has none (nobody sees it until it is imported with one).
 */
export async function storePlan(services: Pick<Services, 'store' | 'clock'>, given: Plan, tenantId?: string): Promise<ImportReport> {
  const now = services.clock.now();
  const today = londonDate(now);
  const plan = tenantId ? { ...given, tenantId } : given;
  return services.store.plans.savePlan(plan, (action) => initialProgress(occurrences(action.due, plan.period), today), now.toISOString());
}

/** One line per import for logs and the command line. */
export function describeImport(report: ImportReport): string {
  if (report.created) return `${report.planId}: new plan, ${report.added.length} actions`;
  return `${report.planId}: ${report.kept} kept (${report.changed.length} changed), ${report.added.length} added, ${report.removed.length} removed`;
}
