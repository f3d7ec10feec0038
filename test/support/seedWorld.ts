// The demo people of seeds/roles.json and the five seed plans, for tests over the real plans.
import { readFileSync, readdirSync } from 'node:fs';
import type { Plan } from '../../src/domain/plan.ts';
import { parsePlan } from '../../src/import/parsePlan.ts';
import type { TeamsPerson } from './teamsActivity.ts';

/** The demo people and the roles they hold. */
export const demo = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { people: { id: string; name: string; roles: string[] }[] };

/** A demo person by name, as Teams names them. */
export function person(name: string): TeamsPerson {
  const p = demo.people.find((d) => d.name === name);
  if (!p) throw new Error(`no demo person called ${name}`);
  return { aadObjectId: p.id, name: p.name };
}

/** The five seed plans, in file order. */
export function seedPlans(): Plan[] {
  return readdirSync('seeds/plans').filter((f) => f.endsWith('.txt')).sort().map((f) => parsePlan(readFileSync(`seeds/plans/${f}`, 'utf8'), f));
}
