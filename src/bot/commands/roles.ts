import { countLabel } from '../../cards/format.ts';
import { rolesInPlans } from '../../app/directory.ts';
import type { ChatCommand } from './chatCommand.ts';

/** "roles" — every role the plans name, who holds it, and how many actions it owns. */
export const rolesCommand: ChatCommand = {
  example: 'roles',
  summary: 'every role in the plans and who holds it',
  pattern: /^(?:list\s+|show\s+)?roles\s*\??$/i,
  async run(turn) {
    const lines = rolesInPlans(turn.directory).map(({ name, actions }) => {
      const people = turn.directory.holders(name).map((p) => p.name);
      return `- **${name}** (${countLabel(actions, 'action')}): ${people.length > 0 ? people.join(', ') : '_nobody_'}`;
    });
    return { text: lines.length > 0 ? `Roles in the plans:\n\n${lines.join('\n')}` : 'No plans are imported yet.' };
  },
};
