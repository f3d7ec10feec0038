import { blocked } from '../../app/questions.ts';
import type { ChatCommand } from './chatCommand.ts';
import { groupingIn, listReply } from './listReply.ts';

/** "what's blocked?" — a question, unlike "blocked: <reason>", which is an answer. */
export const blockedCommand: ChatCommand = {
  example: "what's blocked?",
  summary: 'blocked actions and why',
  pattern: /^(?:(?:what(?:'|’)?s|what is|whats|show(?: me)?|list|any)\s+(?:is\s+)?blocked\b|blocked\s*(?:\?|actions\b|list\b)|blocked$)/i,
  async run(turn) {
    const list = await blocked(turn.services.store);
    return listReply(turn, 'Blocked', list, groupingIn(turn.text), 'Nothing is blocked.');
  },
};
