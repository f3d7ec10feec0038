// The five real plans under seeds/plans, read and imported once per test file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, PlanAction } from '../../src/domain/plan.ts';
import { parsePlan } from '../../src/import/parsePlan.ts';

export const seedFiles = {
  isleOfWight: '000_8d414cf89c93b93b.txt',
  bedfordshire: '001_d1c48e8489243e3c.txt',
  worcestershire: '002_435ae65e161c75e5.txt',
  gloucestershire: '003_f94f6abc3f8761ff.txt',
  peterborough: '004_8aa2ae1dee1ce07a.txt',
} as const;

export type SeedName = keyof typeof seedFiles;

/** The text of one seed plan. */
export function seedText(name: SeedName): string {
  return readFileSync(join(import.meta.dirname, '../../seeds/plans', seedFiles[name]), 'utf8');
}

/** One seed plan, imported. */
export function seedPlan(name: SeedName): Plan {
  return parsePlan(seedText(name), seedFiles[name]);
}

/** The actions that start on `line` (a row split into sub-actions gives several). */
export function actionsAt(plan: Plan, line: number): PlanAction[] {
  return plan.actions.filter((action) => action.source.line === line);
}

/** The one action that starts on `line`; fails the test if there is not exactly one. */
export function actionAt(plan: Plan, line: number): PlanAction {
  const found = actionsAt(plan, line);
  if (found.length !== 1) throw new Error(`expected one action at line ${line}, found ${found.length}`);
  return found[0] as PlanAction;
}

/** Actions per grid, in grid order: [grid 1 count, grid 2 count, …]. */
export function countsPerGrid(plan: Plan): number[] {
  return plan.grids.map((grid) => plan.actions.filter((action) => action.grid === grid.number).length);
}
