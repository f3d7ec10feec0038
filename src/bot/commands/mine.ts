import { mine } from '../../app/questions.ts';
import type { ChatCommand } from './chatCommand.ts';
import { listReply } from './listReply.ts';

/** "my actions" — what the caller's roles own and is not done. */
export const mineCommand: ChatCommand = {
  example: 'my actions',
  summary: 'the actions your roles own that are not done',
  pattern: /^(?:(?:show|list|what are)\s+)?(?:my\s+(?:actions|tasks|jobs)|mine)\b/i,
  async run(turn) {
    if (turn.caller.roles.length === 0) return { text: 'You hold no roles yet. Ask the commissioner to assign you one, e.g. "assign SMLO to ' + turn.caller.name + '".' };
    const list = await mine(turn.services.store, turn.caller);
    return listReply(turn, `Actions for ${turn.caller.roles.join(', ')}`, list, 'grid', 'None of your actions are open.');
  },
};
