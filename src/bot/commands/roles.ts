import { countLabel } from '../../cards/format.ts';
import { roleKey } from '../../domain/owners.ts';
import type { ChatCommand } from './chatCommand.ts';

/** "roles" — every role the plans name, who holds it, and how many actions it owns. */
export const rolesCommand: ChatCommand = {
  example: 'roles',
  summary: 'every role in the plans and who holds it',
  pattern: /^(?:list\s+|show\s+)?roles\s*\??$/i,
  async run(turn) {
    const counts = new Map<string, { name: string; actions: number }>();
    for (const plan of turn.directory.plans) {
      for (const role of plan.roles) {
        const entry = counts.get(roleKey(role.name)) ?? { name: role.name, actions: 0 };
        entry.actions += role.actions;
        counts.set(roleKey(role.name), entry);
      }
    }
    for (const name of turn.directory.roleNames()) if (!counts.has(roleKey(name))) counts.set(roleKey(name), { name, actions: 0 });
    const lines = [...counts.values()].sort((a, b) => b.actions - a.actions).map(({ name, actions }) => {
      const people = turn.directory.holders(name).map((p) => p.name);
      return `- **${name}** (${countLabel(actions, 'action')}): ${people.length > 0 ? people.join(', ') : '_nobody_'}`;
    });
    return { text: lines.length > 0 ? `Roles in the plans:\n\n${lines.join('\n')}` : 'No plans are imported yet.' };
  },
};
