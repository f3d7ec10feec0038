// The readable text `actionbot import` prints for one plan: what was found, and what could not be read.
import type { Due, Plan } from '../domain/plan.ts';

/** Schedule kinds in the order the summary lists them. */
const dueKinds: Due['kind'][] = ['date', 'dates', 'recurring', 'ongoing', 'as-required', 'none', 'unparsed'];

function actions(count: number): string {
  return count === 1 ? '1 action' : `${count} actions`;
}

/** How many actions of `plan` have each kind of "By when". */
export function countByDueKind(plan: Plan): Record<Due['kind'], number> {
  const counts = Object.fromEntries(dueKinds.map((kind) => [kind, 0])) as Record<Due['kind'], number>;
  for (const action of plan.actions) counts[action.due.kind] += 1;
  return counts;
}

/** A summary of one imported plan, several lines, ending in a newline. */
export function planSummary(plan: Plan, sourceName: string): string {
  const lines: string[] = [
    `${sourceName}`,
    `  partnership: ${plan.partnership}`,
    `  period: ${plan.period.start} to ${plan.period.end}`,
    `  ${actions(plan.actions.length)} in ${plan.grids.length} grids`,
  ];
  for (const grid of plan.grids) {
    const count = plan.actions.filter((a) => a.grid === grid.number).length;
    lines.push(`    grid ${grid.number}: ${actions(count)} - ${grid.title}`);
  }
  const byKind = countByDueKind(plan);
  lines.push(`  by when: ${dueKinds.map((kind) => `${kind} ${byKind[kind]}`).join(', ')}`);
  lines.push(`  roles: ${plan.roles.length}`);
  for (const role of plan.roles) lines.push(`    ${role.name}: ${actions(role.actions)}`);
  lines.push(`  warnings: ${plan.warnings.length}`);
  for (const warning of plan.warnings) lines.push(`  line ${warning.line}: ${warning.message}`);
  return `${lines.join('\n')}\n`;
}
