import { addDays, lastDayOfMonth } from '../../domain/calendar.ts';
import { dueBetween } from '../../app/questions.ts';
import type { IsoDate } from '../../domain/plan.ts';
import type { ChatCommand } from './chatCommand.ts';
import { groupingIn, listReply } from './listReply.ts';

function windowFor(phrase: string, today: IsoDate): { from: IsoDate; to: IsoDate; title: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const sunday = addDays(today, (7 - weekday) % 7);
  const p = phrase.toLowerCase();
  if (/next\s+week/.test(p)) return { from: addDays(sunday, 1), to: addDays(sunday, 7), title: 'Due next week' };
  if (/this\s+month/.test(p)) return { from: today, to: lastDayOfMonth(y, m), title: 'Due this month' };
  if (/next\s+month/.test(p)) {
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    return { from: `${ny}-${String(nm).padStart(2, '0')}-01`, to: lastDayOfMonth(ny, nm), title: 'Due next month' };
  }
  const days = /(\d{1,3})\s*days?/.exec(p);
  if (days) return { from: today, to: addDays(today, Number(days[1])), title: `Due in the next ${days[1]} days` };
  if (/soon/.test(p)) return { from: today, to: addDays(today, 14), title: 'Due in the next 14 days' };
  return { from: today, to: sunday, title: 'Due this week' };
}

/** "what's due this week / next week / this month / next month / soon / in 30 days". */
export const dueSoonCommand: ChatCommand = {
  example: "what's due this week?",
  summary: 'actions due this week, next week, this month, next month, soon or "in 30 days"',
  pattern: /\bdue\s+(this\s+week|next\s+week|this\s+month|next\s+month|soon|(?:in\s+)?(?:the\s+next\s+)?\d{1,3}\s*days?)\b/i,
  async run(turn, match) {
    const { from, to, title } = windowFor(match[1] ?? '', turn.today);
    const list = await dueBetween(turn.services.store, from, to);
    return listReply(turn, title, list, groupingIn(turn.text), 'Nothing falls due then.');
  },
};
