import { tenantPlans } from '../../app/access.ts';
import { countLabel } from '../../cards/format.ts';
import { roleKey } from '../../domain/owners.ts';
import { command, type ChatTurn } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

// Lines per message: a long list would pass Teams' size limit; the rest are counted.
const MAX_LINES = 60;

/** People of the caller's tenant holding a role. */
export function holdersHere(turn: ChatTurn, role: string): string[] {
  return turn.directory.holders(turn.caller.tenantId, role).map((p) => p.name + (p.reachable ? '' : ' (not reachable)'));
}

/** "roles" — the roles the caller's plans name, who holds them, and how many actions each owns. */
export const rolesCommand = command({
  kinds: ['roles'],
  example: 'roles',
  summary: 'the roles in your plans and who holds them ("roles nobody holds" for the gaps)',
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const counts = new Map<string, { name: string; actions: number; plans: Set<string> }>();
    for (const plan of tenantPlans(turn.caller, turn.directory).filter((p) => turn.visible.has(p.id))) {
      for (const role of plan.roles) {
        const entry = counts.get(roleKey(role.name)) ?? { name: role.name, actions: 0, plans: new Set<string>() };
        entry.actions += role.actions;
        entry.plans.add(plan.code);
        counts.set(roleKey(role.name), entry);
      }
    }
    // A role whose only holders cannot be reached is unheld, as the sweep and the briefing count it.
    const reachable = (role: string): boolean => turn.directory.holders(turn.caller.tenantId, role).some((p) => p.reachable);
    const rows = [...counts.values()].map((r) => ({ ...r, people: holdersHere(turn, r.name) })).filter((r) => !intent.unheld || !reachable(r.name)).sort((a, b) => b.actions - a.actions);
    if (rows.length === 0) return { text: intent.unheld ? 'Every role in your plans is held by someone.' : 'Your plans name no roles.' };
    const lines = rows.slice(0, MAX_LINES).map((r) => `- **${r.name}** (${countLabel(r.actions, 'action')}; ${[...r.plans].join(', ')}): ${r.people.length > 0 ? r.people.join(', ') : '_nobody_'}`);
    const rest = rows.length > MAX_LINES ? `\n\n…and ${rows.length - MAX_LINES} more roles with fewer actions. Ask "who is <role>?" for any one.` : '';
    return { text: `${intent.unheld ? 'Roles nobody holds' : 'Roles in your plans'} (${rows.length}):\n\n${lines.join('\n')}${rest}` };
  },
});
