import { leadRoleOf, tenantPlans } from '../../app/access.ts';
import { changeLeadRole, commissionerWords } from '../../app/planLead.ts';
import { command } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

/** Words echoed back, cut short: a message may be a thousand characters. */
const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** "lead role for WOR is JCM" (its commissioner or an admin), "lead role for WOR?" / "who commissions WOR?" (anyone who sees it). */
export const leadRoleCommand = command({
  kinds: ['lead-role'],
  example: 'lead role for WOR is JCM',
  summary: 'whose holders commission a plan (its commissioner or an admin); "who commissions WOR?" asks',
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const mine = tenantPlans(turn.caller, turn.directory).filter((p) => turn.visible.has(p.id));
    const { LEAD_ROLE } = turn.services.settings;
    if (intent.plan.trim() === '') return { text: ['Who commissions your plans (whoever holds the plan\'s lead role):', ...mine.map((p) => `- ${p.code} (${p.partnership}): ${commissionerWords(p, turn.directory, LEAD_ROLE)}`)].join('\n') };
    const wanted = intent.plan.trim().toLowerCase();
    const plan = mine.find((p) => p.code.toLowerCase() === wanted || p.partnership.toLowerCase() === wanted);
    if (plan === undefined) return { text: `I don't know a plan "${clip(intent.plan)}" of yours. Your plans: ${mine.map((p) => `${p.code} (${p.partnership})`).join(', ')}.` };
    if (intent.role === undefined) return { text: `${plan.code} (${plan.partnership}) is commissioned by ${commissionerWords(plan, turn.directory, LEAD_ROLE)}.` };
    // "lead role for WOR is Jane Smith": a person, where a role is wanted.
    const person = turn.directory.people.find((p) => p.tenantId === turn.caller.tenantId && p.name.toLowerCase() === intent.role?.toLowerCase());
    if (person) return { text: `${person.name} is a person, not a role: ${plan.code} is commissioned by whoever holds its lead role (${leadRoleOf(plan, LEAD_ROLE)}). To make ${person.name} its commissioner: "assign ${leadRoleOf(plan, LEAD_ROLE)} to ${person.name}". Nothing was changed.` };
    return { text: await changeLeadRole(turn.services, turn.directory, turn.caller, plan, intent.role) };
  },
});
