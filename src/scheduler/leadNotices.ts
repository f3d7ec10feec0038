// The commissioner hears, once per sweep day and in one message each, about roles that nobody holds
// and about people the bot can no longer reach.
import type { Directory } from '../app/directory.ts';
import { renderCard } from '../cards/render.ts';
import { countLabel } from '../cards/format.ts';
import { escapeMarkdown } from '../cards/markdown.ts';
import { roleKey } from '../domain/owners.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Delivery } from './delivery.ts';

/** Roles the notice lists by name; the rest are counted. */
export const UNHELD_SHOWN = 12;

/** Notices for every holder of the lead role. */
export function noticesForLead(directory: Directory, leadRole: string, today: IsoDate, unheld: Map<string, number>, unreachable: string[]): Delivery[] {
  const leads = directory.holders(leadRole);
  const cards: { key: string; card: object }[] = [];
  if (unheld.size > 0) {
    const roles = [...unheld].sort((a, b) => b[1] - a[1]).map(([role, actions]) => ({
      role,
      actions,
      plans: directory.plans.filter((p) => p.roles.some((r) => roleKey(r.name) === roleKey(role))).map((p) => p.partnership).join(', '),
    }));
    // A long list would pass Teams' message size limit: the notice counts per plan, shows the roles
    // with most actions, and says how to ask for the rest.
    const perPlan = directory.plans.map((p) => ({ plan: p, count: p.roles.filter((r) => unheld.has(r.name) || [...unheld.keys()].some((u) => roleKey(u) === roleKey(r.name))).length })).filter((c) => c.count > 0);
    const rest = roles.length - UNHELD_SHOWN;
    cards.push({
      key: `unheld-roles|${today}`,
      card: renderCard('unheldRoles', {
        countLabel: `${countLabel(roles.length, 'role')} (${perPlan.map((c) => `${c.plan.code || c.plan.partnership} ${c.count}`).join(', ')})`,
        roles: roles.slice(0, UNHELD_SHOWN),
        hint: `${rest > 0 ? `…and ${rest} more with fewer actions: type "roles nobody holds" for them all. ` : ''}Assign each to someone: type "assign ${roles[0]?.role ?? 'SMLO'} to <name>".`,
      }),
    });
  }
  if (unreachable.length > 0) {
    cards.push({
      key: `unreachable|${today}`,
      card: renderCard('confirmation', {
        title: 'Some reminders could not be delivered',
        message: `Teams refused messages to ${escapeMarkdown(unreachable.join(', '))}: they may have removed the bot. Their reminders are on hold until they add it again.`,
        tone: 'attention',
        facts: [],
      }),
    });
  }
  return leads.flatMap((person) => cards.map(({ key, card }) => ({ kind: 'notice' as const, key: `${key}|${person.id}`, person, card })));
}
