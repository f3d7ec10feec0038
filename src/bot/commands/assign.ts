import { actorOf, mayManageRoles } from '../../app/caller.ts';
import type { Person } from '../../domain/progress.ts';
import type { ChatCommand, ChatTurn } from './chatCommand.ts';

function personNamed(turn: ChatTurn, name: string): Person[] | string {
  const wanted = (turn.mentions[0] ?? name).trim().toLowerCase();
  const exact = turn.directory.people.filter((p) => p.name.toLowerCase() === wanted);
  if (exact.length > 0) return exact;
  const partial = turn.directory.people.filter((p) => p.name.toLowerCase().includes(wanted));
  if (partial.length > 0) return partial;
  return `I don't know anyone called "${name.trim()}". People appear here once they have installed the bot in Teams.`;
}

/** "assign SMLO to Jane Smith" / "unassign SMLO from Jane Smith": the commissioner and admins only. */
export const assignCommand: ChatCommand = {
  example: 'assign SMLO to Jane Smith',
  summary: 'give a role to a person (or "unassign SMLO from Jane Smith"); commissioner and admins',
  pattern: /^(assign|unassign|remove)\s+(.+?)\s+(?:to|from)\s+(.+?)\s*$/i,
  async run(turn, match) {
    if (!mayManageRoles(turn.caller)) return { text: 'Only the commissioner or an admin can assign roles.' };
    const [, verb = '', role = '', name = ''] = match;
    const found = personNamed(turn, name.replace(/<\/?at>/g, ''));
    if (typeof found === 'string') return { text: found };
    if (found.length > 1) return { text: `Several people match "${name}": ${found.map((p) => p.name).join(', ')}. Use the full name.` };
    const person = found[0] as Person;
    const at = turn.services.clock.now().toISOString();
    if (verb.toLowerCase() === 'assign') {
      await turn.services.store.roles.assign(role, person.id, actorOf(turn.caller), at);
      turn.services.logger.info({ role, personId: person.id, by: turn.caller.id }, 'role assigned');
      return { text: `${person.name} now holds ${role}.` };
    }
    const removed = await turn.services.store.roles.unassign(role, person.id, actorOf(turn.caller), at);
    return { text: removed ? `${person.name} no longer holds ${role}.` : `${person.name} did not hold ${role}.` };
  },
};
