// Questions answered with figures ("how many actions are running late in Worcestershire?", "compare
// Bedfordshire and Worcestershire", "what is Alex Jones working on?") and follow-ups ("and for
// Bedfordshire?", "just grid 2"), each answered in one card. The question is remembered, so a follow-up
// can change one part of it; a follow-up to a list runs the list again.
import { askQuestion } from '../../app/askQuestion.ts';
import type { ListQuery } from '../../domain/chatState.ts';
import { followUp } from '../../domain/questionCounts.ts';
import type { Question } from '../../domain/reading/intent.ts';
import { renderCard } from '../../cards/render.ts';
import { command, type ChatReply, type ChatTurn } from './chatCommand.ts';
import { noPlansText, showList } from './lists.ts';

/** Answers a question in one card and remembers it for a follow-up. */
async function answer(turn: ChatTurn, question: Question): Promise<ChatReply> {
  if (turn.visible.size === 0) return { text: noPlansText(turn) };
  const result = await askQuestion({ services: turn.services, directory: turn.directory, caller: turn.caller, visible: turn.visible, today: turn.today }, question);
  if (!result.ok) return { text: result.problem };
  turn.state.lastQuestion = question;
  const { title, message, facts } = result.figures;
  return { card: renderCard('question', { title, message, facts, choices: [] }) };
}

export const questionCommand = command({
  kinds: ['question'],
  example: 'how many actions are overdue in Bedfordshire?',
  summary: 'figures: "what percentage of BED is complete?", "compare BED and WOR", "which partnership is doing worst?", "what\'s changed since last week?", "what is Sam Patel working on?", "what\'s more than 3 months overdue?", "who hasn\'t replied to their reminders?"; then "and for Peterborough?", "just grid 2"',
  run: (turn, intent) => answer(turn, intent.question),
});

export const followUpCommand = command({
  kinds: ['follow-up'],
  async run(turn, intent) {
    const last = turn.state.lastQuestion;
    if (!last) return { text: 'There is no question to follow up yet. Ask one first, e.g. "how many actions are overdue in Bedfordshire?", then "and for Peterborough?".' };
    const next = followUp(last, intent);
    if (next.ask !== 'list') return answer(turn, next);
    const query: ListQuery = { list: next.list ?? 'all', filter: next.filter, ...(next.period ? { period: next.period } : {}), ...(next.groupBy ? { groupBy: next.groupBy } : {}) };
    return showList(turn, query, 0);
  },
});
