import { overdue } from '../../app/questions.ts';
import type { ChatCommand } from './chatCommand.ts';
import { groupingIn, listReply } from './listReply.ts';

/** "what's overdue?" — oldest first, grouped by grid, or by owner with "by owner". */
export const overdueCommand: ChatCommand = {
  example: "what's overdue?",
  summary: 'overdue actions, oldest first, by grid (add "by owner" to group by owner)',
  pattern: /^(?:(?:what(?:'|’)?s|what is|what are|whats|show(?: me)?|list|any(?:thing)?)\s+)?(?:still\s+)?(?:overdue|late)\b/i,
  async run(turn) {
    const list = await overdue(turn.services.store, turn.today);
    return listReply(turn, "What's overdue", list, groupingIn(turn.text), 'Nothing is overdue. 🎉');
  },
};
