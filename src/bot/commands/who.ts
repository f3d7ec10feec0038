import { closest } from '../../app/closest.ts';
import { roleKey } from '../../domain/owners.ts';
import { command } from './chatCommand.ts';
import { noPlansText } from './lists.ts';
import { holdersHere } from './roles.ts';

/** "who is SMLO?" — the people of the caller's tenant holding a role. */
export const whoCommand = command({
  kinds: ['who'],
  example: 'who is SMLO?',
  summary: 'who holds a role',
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const role = intent.role.trim();
    const people = holdersHere(turn, role);
    if (people.length > 0) return { text: `${role}: ${people.join(', ')}` };
    const names = [...new Set(turn.directory.plans.filter((p) => turn.visible.has(p.id)).flatMap((p) => p.roles.map((r) => r.name)))];
    if (names.some((n) => roleKey(n) === roleKey(role))) return { text: `Nobody holds ${role} yet. The commissioner can type "assign ${role} to <name>".` };
    const near = closest(role, names, 3);
    return { text: `No plan of yours names a role "${role}".${near.length > 0 ? ` Did you mean ${near.map((n) => `"who is ${n}?"`).join(', ')}?` : ' Type "roles" to see them.'}` };
  },
});
