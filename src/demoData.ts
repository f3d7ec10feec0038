// The embedded default's demo: the seed plans, moved to the current plan year so their deadlines are
// live, and the demo people's roles. Loaded only into an empty store.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeImport, storePlan } from './app/importPlans.ts';
import type { Services } from './app/services.ts';
import { financialYearOf, londonDate } from './domain/calendar.ts';
import { rebasePlan } from './domain/rebase.ts';
import { readPlanFile } from './import/readPlanFile.ts';

const rolesFile = z.object({
  tenantId: z.string().min(1),
  /** Lead roles the import rule would not find, by partnership ("Safer Peterborough Partnership": "SPM-CC"). */
  leadRoles: z.record(z.string(), z.string().min(1)).default({}),
  people: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), roles: z.array(z.string().min(1)) })),
});

/** The demo people, as the roles file lists them. */
export type DemoPeople = z.output<typeof rolesFile>;

/** Reads and checks a roles file. */
export async function readRolesFile(file: string): Promise<DemoPeople> {
  const parsed = rolesFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Imports every plan file in `dir` for `tenantId`, rebased to the plan year containing today, each with its
 * lead role from `leadRoles` (by partnership) or the import rule. Returns the lines logged.
 */
export async function importDemoPlans(services: Services, dir: string, tenantId?: string, leadRoles: Record<string, string> = {}): Promise<string[]> {
  const start = financialYearOf(londonDate(services.clock.now())).start;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const lines: string[] = [];
  for (const file of files) {
    const read = await readPlanFile(path.join(dir, file));
    if (!read.ok) {
      lines.push(`${file}: not imported: ${read.reason}`);
      continue;
    }
    const report = await storePlan(services, rebasePlan(read.plan, start), tenantId, leadRoles[read.plan.partnership]);
    lines.push(describeImport(report));
  }
  return lines;
}

/** Gives each demo person their roles. */
export async function assignDemoRoles(services: Services, people: DemoPeople): Promise<number> {
  const at = services.clock.now().toISOString();
  let count = 0;
  for (const person of people.people) {
    for (const role of person.roles) {
      await services.store.roles.assign(people.tenantId, role, person.id, { id: 'demo', name: 'demo roles file' }, at);
      count += 1;
    }
  }
  return count;
}

/** Loads the demo into an empty store; does nothing when plans are already stored. */
export async function loadDemoData(services: Services, plansDir: string, rolesPath: string): Promise<void> {
  if (!plansDir) return;
  if ((await services.store.plans.listPlans()).length > 0) return;
  // The demo plans belong to the demo people's tenant, so they see them.
  const people = rolesPath ? await readRolesFile(rolesPath) : null;
  for (const line of await importDemoPlans(services, plansDir, people?.tenantId, people?.leadRoles)) services.logger.info(`demo plan ${line}`);
  if (people) {
    const assigned = await assignDemoRoles(services, people);
    services.logger.info({ assigned, file: rolesPath }, 'demo roles assigned');
  }
}
