// Which role of a plan is its commissioner's (the plan's lead role). The rule, in order:
//   1. the role named for it (`--lead-role` at import, or "lead role for WOR is JCM" in chat);
//   2. the role of the LEAD_ROLE setting, when the plan names it;
//   3. the plan's commissioning lead title with most actions: "Commissioner", "Lead Commissioner",
//      "Joint Commissioning Manager" (JCM), "Commissioning Manager" or "Commissioning Lead", alone or
//      after an action team's initials ("BDAT Commissioner", "DAAT Commissioner"). A commissioner of one
//      client group or service ("YP Commissioner", "Children's Commissioners") does not run the plan;
//   4. otherwise the LEAD_ROLE setting, and the preview says the plan names no commissioner.
import { roleKey } from './owners.ts';
import type { PlanRole } from './plan.ts';

/** How a plan's lead role was chosen. */
export type LeadRoleSource = 'given' | 'setting' | 'title' | 'default';

/** A plan's lead role and why. */
export interface LeadRoleChoice {
  role: string;
  source: LeadRoleSource;
}

const TITLES = new Set(['commissioner', 'commissioners', 'lead commissioner', 'joint commissioning manager', 'jcm', 'commissioning manager', 'commissioning lead']);
// Drug (and Alcohol) Action Team, Substance Misuse Action Team, … : the partnership's own team.
const ACTION_TEAM = /^[A-Z]{0,3}AA?T\s+/;

/** True for a title of whoever commissions the whole plan. */
export function isLeadTitle(name: string): boolean {
  const bare = name.trim().replace(ACTION_TEAM, '');
  return TITLES.has(bare.toLowerCase().replace(/\s+/g, ' '));
}

/** The plan's spelling of a role it names (aliases included), if it names it. */
function named(roles: readonly PlanRole[], role: string): string | undefined {
  return roles.find((r) => roleKey(r.name) === roleKey(role) || (r.aliases ?? []).some((a) => roleKey(a) === roleKey(role)))?.name;
}

/** Chooses a plan's lead role by the rule above. */
export function chooseLeadRole(roles: readonly PlanRole[], setting: string, given?: string): LeadRoleChoice {
  if (given !== undefined && given.trim() !== '') return { role: named(roles, given) ?? given.trim(), source: 'given' };
  const set = named(roles, setting);
  if (set !== undefined) return { role: set, source: 'setting' };
  const titles = roles.filter((r) => isLeadTitle(r.name)).sort((a, b) => b.actions - a.actions);
  if (titles[0] !== undefined) return { role: titles[0].name, source: 'title' };
  return { role: setting, source: 'default' };
}

/** Why this role, in a sentence for the import preview and the command line. */
export function leadRoleReason(choice: LeadRoleChoice, setting: string): string {
  switch (choice.source) {
    case 'given': return 'as named for this plan';
    case 'setting': return `the LEAD_ROLE setting ("${setting}"), which the plan names`;
    case 'title': return 'the plan\'s commissioning lead title with most actions';
    case 'default': return `the plan names no commissioner, so the LEAD_ROLE setting; name the right one with "lead role for <plan> is <role>"`;
  }
}
