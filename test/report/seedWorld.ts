// The five seed plans in the 2026/27 plan year with the demo roles, and a quarter of answers: on fixed
// days of Q1 (April-June 2026) owners mark actions done, delayed and blocked. Reports are then made
// as of Wed 15 Jul 2026. Shared by the report tests and the report bench.
import { readFileSync } from 'node:fs';
import { answerAction } from '../../src/app/answerAction.ts';
import { callerFrom } from '../../src/app/caller.ts';
import { loadDirectory } from '../../src/app/directory.ts';
import type { Services } from '../../src/app/services.ts';
import { loadConfig } from '../../src/config.ts';
import { assignDemoRoles, importDemoPlans, type DemoPeople } from '../../src/demoData.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/domain/ports.ts';

export const REPORT_DAY = '2026-07-15';
export const demoPeople = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as DemoPeople;

/** A clock the test moves. */
export function movableClock(iso: string): { now(): Date; set(iso: string): void } {
  let at = new Date(iso);
  return { now: () => at, set: (next) => { at = new Date(next); } };
}

/** Imports the seeds as of 1 Apr 2026, assigns the demo roles, and answers actions through Q1. */
export async function seedWorld(store: Store): Promise<{ services: Services; clock: ReturnType<typeof movableClock> }> {
  const clock = movableClock('2026-04-01T08:00:00Z');
  const services: Services = { store, clock, settings: loadConfig({}), logger: createLogger('silent') };
  await importDemoPlans(services, 'seeds/plans', demoPeople.tenantId);
  await assignDemoRoles(services, demoPeople);
  const directory = await loadDirectory(store);
  const jane = callerFrom(demoPeople.people[0]!.id, 'Jane Smith', demoPeople.tenantId, directory, services.settings);
  for (const plan of directory.plans) {
    const dated = (await store.actions.listPlanActions(plan.id)).filter((a) => a.progress.dueDate && a.progress.dueDate >= '2026-04-20' && a.progress.dueDate <= '2026-12-31');
    // Every fifth dated action done in May, every seventh delayed in June, every eleventh blocked in April.
    for (const [i, stored] of dated.entries()) {
      const ref = { planId: plan.id, actionId: stored.action.id, occurrence: null, via: 'typed' as const };
      if (i % 5 === 0) {
        clock.set('2026-05-12T10:00:00Z');
        await answerAction(services, directory, jane, { ...ref, answer: { kind: 'done' } });
      } else if (i % 7 === 0) {
        clock.set('2026-06-10T10:00:00Z');
        await answerAction(services, directory, jane, { ...ref, answer: { kind: 'delayed', newDate: '2026-09-30', reason: 'provider contract late' } });
      } else if (i % 11 === 0) {
        clock.set('2026-04-14T10:00:00Z');
        await answerAction(services, directory, jane, { ...ref, answer: { kind: 'blocked', reason: 'waiting for the PCT' } });
      }
    }
  }
  clock.set(`${REPORT_DAY}T09:00:00Z`);
  return { services, clock };
}
