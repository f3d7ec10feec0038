import { actionCardFields } from '../../app/actionCards.ts';
import { findActions } from '../../app/questions.ts';
import { renderCard } from '../../cards/render.ts';
import { dueLabel } from '../../cards/format.ts';
import { londonDate } from '../../domain/calendar.ts';
import type { ChatCommand } from './chatCommand.ts';

/** "status 1.2.3" — one action in detail, with its recent history. */
export const statusCommand: ChatCommand = {
  example: 'status 1.2.3',
  summary: 'one action in detail, with its history',
  pattern: /^(?:status|show|details?)\s+(?:of\s+)?(#?[\w.]+(?:\s(?:i{1,3}|iv|v|vi{1,3}|ix|x))?)\s*\??$/i,
  async run(turn, match) {
    const ref = match[1] ?? '';
    const found = await findActions(turn.services.store, ref);
    if (found.length === 0) return { text: `I can't find an action "${ref}". Try "my actions" or "what's overdue?" to see references.` };
    const cards = await Promise.all(found.slice(0, 3).map(async (stored) => {
      const history = await turn.services.store.actions.history(stored.planId, stored.action.id);
      return renderCard('status', {
        ...actionCardFields(stored, turn.directory, turn.today),
        reason: stored.progress.reason,
        history: history.slice(-5).reverse().map((h) => ({ at: dueLabel(londonDate(new Date(h.at))), by: h.by.name, summary: h.summary })),
      });
    }));
    // Several plans can use the same reference; the first card says so.
    return found.length === 1 ? { card: cards[0] as object } : { card: { type: 'AdaptiveCard', version: '1.5', body: cards.map((c) => ({ type: 'Container', separator: true, items: (c as { body: unknown[] }).body })) } };
  },
};
