// "what's overdue in Bedfordshire, grid 2?", "due next week for Sam Patel", "blocked by owner", and
// "more", which continues the caller's last list from where its page ended.
import { whoToAsk } from '../../app/access.ts';
import { runList } from '../../app/lists.ts';
import { leaveLine, onLeaveFor, seenLabels } from '../../app/overdueNotes.ts';
import type { ListQuery } from '../../domain/chatState.ts';
import { listPage, PAGE_SIZE, type ListNotes } from '../listCard.ts';
import { command, type ChatReply, type ChatTurn } from './chatCommand.ts';

/** Runs `query` for the caller and shows the page from `offset`; remembers it for "more". */
export async function showList(turn: ChatTurn, query: ListQuery, offset: number): Promise<ChatReply> {
  if (turn.visible.size === 0) return { text: noPlansText(turn) };
  const result = await runList(turn.services, turn.directory, turn.caller, turn.visible, query, turn.today);
  if (!result.ok) return { text: result.problem };
  const shown = await result.list.page(offset, PAGE_SIZE);
  const total = result.list.total();
  if (offset >= total && offset > 0) {
    turn.state.lastList = null;
    return { text: `That was all of "${result.title}": ${total} in all.` };
  }
  // The commissioner's overdue list says whether owners opened their reminders, and who is on leave.
  const notes: ListNotes = query.list === 'overdue'
    ? { seen: await seenLabels(turn.services, turn.directory, turn.caller, shown), notice: leaveLine(await onLeaveFor(turn.services, turn.directory, turn.caller, turn.visible, turn.today)) }
    : { seen: new Map(), notice: '' };
  const page = listPage(result.title, shown, total, offset, query, turn.directory, turn.today, result.emptyText, notes);
  turn.state.lastList = page.next < total ? { query, offset: page.next } : null;
  turn.state.lastQuestion = { ask: 'list', ...query }; // "and for Bedfordshire?" runs this list again

  return { card: page.card };
}

/** What a person who sees no plan is told: who can give them a role. */
export function noPlansText(turn: ChatTurn): string {
  const ask = whoToAsk(turn.caller, turn.directory, turn.services.settings);
  const who = ask.length > 0 ? ask.join(' or ') : 'your commissioner or an admin';
  return `You hold no role in any plan here yet, so there is nothing to show you. Ask ${who} to give you one (e.g. "assign SMLO to ${turn.caller.name}").`;
}

export const listCommand = command({
  kinds: ['list'],
  example: "what's overdue?",
  summary: 'also "due next week", "blocked", "done", "delayed", "my actions"; narrow with a plan, "grid 2", "for Sam Patel", "for SMLO", a period ("in January"), "by owner": "overdue in Bedfordshire, grid 2"',
  run: (turn, intent) => showList(turn, { list: intent.list, filter: intent.filter, ...(intent.period ? { period: intent.period } : {}), ...(intent.groupBy ? { groupBy: intent.groupBy } : {}) }, 0),
});

export const moreCommand = command({
  kinds: ['more'],
  example: 'more',
  summary: 'the next page of your last list',
  async run(turn) {
    const last = turn.state.lastList;
    if (!last) return { text: 'There is no list to continue. Ask for one, e.g. "what\'s overdue?".' };
    return showList(turn, last.query, last.offset);
  },
});
