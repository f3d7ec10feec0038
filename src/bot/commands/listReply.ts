// The shared shape of list answers ("what's overdue", "due this week", "blocked", "my actions").
import { groupDigest, type Grouping } from '../../app/actionCards.ts';
import { countLabel } from '../../cards/format.ts';
import { renderCard } from '../../cards/render.ts';
import type { StoredAction } from '../../domain/ports.ts';
import type { ChatReply, ChatTurn } from './chatCommand.ts';

/** Most lines one card carries; Teams cards have a size limit (about 28 KB). */
export const LIST_LIMIT = 25;

/** A digest card of `actions`, grouped by grid or by owner. */
export function listReply(turn: ChatTurn, title: string, actions: StoredAction[], grouping: Grouping, emptyText: string): ChatReply {
  const { groups, more } = groupDigest(actions, turn.directory, turn.today, grouping, LIST_LIMIT);
  return { card: renderCard('digest', { title, countLabel: countLabel(actions.length, 'action'), groups, more, emptyText }) };
}

/** "by owner" / "by person" / "by role" in a question asks for grouping by owner; the default is by grid. */
export function groupingIn(text: string): Grouping {
  return /\bby\s+(owner|person|people|role|who)\b/i.test(text) ? 'owner' : 'grid';
}
