// The embedded default's demo: the seed plans, moved to a recent plan year so their deadlines are live,
// the demo people's roles, and a year of history up to today (src/demoStory.ts: answers, progress notes,
// last week's digests read, a leave period). Loaded only into an empty store.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeImport, storePlan } from './app/importPlans.ts';
import type { Services } from './app/services.ts';
import { loadDirectory } from './app/directory.ts';
import { typeableRef } from './app/actionCards.ts';
import { addDays, financialYearOf, londonDate } from './domain/calendar.ts';
import { sectionOf } from './domain/digestItems.ts';
import type { DigestLine } from './domain/digestPorts.ts';
import { defaultSettings } from './domain/personSettings.ts';
import type { IsoDate } from './domain/plan.ts';
import { demoPlanYear, playDemoStory } from './demoStory.ts';
import { rebasePlan } from './domain/rebase.ts';
import { readPlanFile } from './import/readPlanFile.ts';

/** Where the demo's plan year is decided (with its story), re-exported for the demo's callers. */
export { demoPlanYear } from './demoStory.ts';

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
export async function importDemoPlans(services: Services, dir: string, tenantId?: string, leadRoles: Record<string, string> = {}, start: IsoDate = financialYearOf(londonDate(services.clock.now())).start): Promise<string[]> {
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


/** Last week's digests: each owner's overdue lines, read by everyone but the one named `unread`; one person on leave. */
async function seedReading(services: Services, people: DemoPeople, today: IsoDate): Promise<void> {
  const { store } = services;
  const directory = await loadDirectory(store);
  const day = addDays(today, -3);
  const actions = (await Promise.all(directory.plans.map((p) => store.actions.listPlanActions(p.id)))).flat();
  const [, unread, , , away] = people.people;
  for (const person of people.people.slice(1)) {
    const roles = new Set(directory.rolesOf(people.tenantId, person.id).map((r) => r.toLowerCase()));
    const lines: DigestLine[] = actions
      .filter((a) => a.progress.status !== 'done' && a.progress.dueDate !== null && a.progress.dueDate < day && a.action.owners.some((o) => roles.has(o.toLowerCase())))
      .slice(0, 6)
      .map((a) => ({ planId: a.planId, actionId: a.action.id, occurrence: a.progress.occurrence, dueDate: a.progress.dueDate, section: sectionOf({ planId: a.planId, actionId: a.action.id, status: a.progress.status, dueDate: a.progress.dueDate, recurring: a.action.due.kind === 'recurring' }, day), ref: typeableRef(a), text: a.action.text.slice(0, 110), partnership: directory.plan(a.planId)?.partnership ?? a.planId }));
    if (lines.length < 2) continue;
    const key = `owner|${person.id}|${day}`;
    await store.digests.recordSent({ key, kind: 'owner', personId: person.id, day, lines, notes: [], activityId: null, conversationId: null, sentAt: `${day}T09:00:00.000Z`, seenAt: null });
    if (person.id !== unread?.id) await store.digests.markSeen(key, `${day}T09:4${lines.length}:00.000Z`);
  }
  if (away) await store.settings.save({ ...defaultSettings(away.id), pausedUntil: addDays(today, 7), onLeave: true });
}

/** Loads the demo into an empty store; does nothing when plans are already stored. */
export async function loadDemoData(services: Services, plansDir: string, rolesPath: string): Promise<void> {
  if (!plansDir) return;
  if ((await services.store.plans.listPlans()).length > 0) return;
  const today = londonDate(services.clock.now());
  // The demo plans belong to the demo people's tenant, so they see them.
  const people = rolesPath ? await readRolesFile(rolesPath) : null;
  for (const line of await importDemoPlans(services, plansDir, people?.tenantId, people?.leadRoles, demoPlanYear(today))) services.logger.info(`demo plan ${line}`);
  if (people) {
    const assigned = await assignDemoRoles(services, people);
    services.logger.info({ assigned, file: rolesPath }, 'demo roles assigned');
    const told = await playDemoStory(services, await loadDirectory(services.store), people.people, people.tenantId, today);
    await seedReading(services, people, today);
    services.logger.info(told, 'demo history played up to today (src/demoStory.ts)');
  }
}
