// The steps every reader shares once it has rows: actions built, empty grids named, role spellings
// merged, dates outside the plan period flagged. So a plan reads the same whatever its format.
import { planRoles } from '../domain/owners.ts';
import type { Grid, ImportWarning, Plan, PlanPeriod } from '../domain/plan.ts';
import { buildActions } from './buildActions.ts';
import { checkPlanText } from './limits.ts';
import type { DraftRow } from './draftRow.ts';
import { planSlug } from './planHeader.ts';
import { keepOrganisations, splitJoinedRoles } from './joinedRoles.ts';
import { ownerVocabulary } from './ownerGroups.ts';
import { mergeRoleVariants } from './roleVariants.ts';
import { joinWrappedOwners } from './wrappedOwners.ts';

/** What a reader found in a document, before actions are built. */
export interface PlanParts {
  partnership: string;
  period: PlanPeriod;
  grids: Grid[];
  rows: DraftRow[];
  warnings: ImportWarning[];
}

/** Builds the plan from what a reader found; every warning ends up in the plan, in line order. */
export function finishPlan(parts: PlanParts): Plan {
  const warnings = [...parts.warnings];
  const id = planSlug(parts.partnership, parts.period);
  // The roles each row's owner cell names, counted once for both steps that cut cells by them.
  const vocabulary = ownerVocabulary(parts.rows);
  const built = buildActions(joinWrappedOwners(parts.rows, warnings, vocabulary), parts.period, id, warnings, vocabulary);
  for (const grid of parts.grids) {
    if (!built.some((action) => action.grid === grid.number)) {
      warnings.push({ line: 1, message: `planning grid ${grid.number} has no actions` });
    }
  }
  const { actions, aliases } = mergeRoleVariants(keepOrganisations(splitJoinedRoles(built, warnings), warnings), warnings);
  const roles = planRoles(actions).map((role) => {
    const also = aliases.get(role.name);
    return also === undefined ? role : { ...role, aliases: also };
  });
  warnings.sort((a, b) => a.line - b.line);
  const plan = { id, partnership: parts.partnership, period: parts.period, grids: parts.grids, actions, roles, warnings };
  checkPlanText(plan);
  return plan;
}
