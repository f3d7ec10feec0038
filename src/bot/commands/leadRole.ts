import { tenantPlans } from '../../app/access.ts';
import { changeLeadRole, commissionerWords } from '../../app/planLead.ts';
import { command } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

/** "lead role for WOR is JCM" (its commissioner or an admin), "lead role for WOR?" / "who commissions WOR?" (anyone who sees it). */
export const leadRoleCommand = command({
  kinds: ['lead-role'],
  example: 'lead role for WOR is JCM',
  summary: 'whose holders commission a plan (its commissioner or an admin); "who commissions WOR?" asks',
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const mine = tenantPlans(turn.caller, turn.directory).filter((p) => turn.visible.has(p.id));
    const wanted = intent.plan.trim().toLowerCase();
    const plan = mine.find((p) => p.code.toLowerCase() === wanted || p.partnership.toLowerCase() === wanted);
    if (plan === undefined) return { text: `I don't know a plan "${intent.plan}" of yours. Your plans: ${mine.map((p) => `${p.code} (${p.partnership})`).join(', ')}.` };
    if (intent.role === undefined) return { text: `${plan.code} (${plan.partnership}) is commissioned by ${commissionerWords(plan, turn.directory, turn.services.settings.LEAD_ROLE)}.` };
    return { text: await changeLeadRole(turn.services, turn.directory, turn.caller, plan, intent.role) };
  },
});
