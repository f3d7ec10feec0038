import type { ChatCommand } from './chatCommand.ts';

/** "who is SMLO?" — the people holding a role. */
export const whoCommand: ChatCommand = {
  example: 'who is SMLO?',
  summary: 'who holds a role',
  pattern: /^who(?:'s| is| holds| has)?\s+(?:the\s+)?(.+?)\s*\??$/i,
  async run(turn, match) {
    const role = (match[1] ?? '').trim();
    const people = turn.directory.holders(role);
    if (people.length > 0) return { text: `${role}: ${people.map((p) => p.name + (p.reachable ? '' : ' (not reachable)')).join(', ')}` };
    const named = turn.directory.plans.some((p) => p.roles.some((r) => r.name.toLowerCase() === role.toLowerCase()));
    return { text: named ? `Nobody holds ${role} yet. The commissioner can type "assign ${role} to <name>".` : `No plan names a role "${role}". Type "roles" to see them.` };
  },
};
