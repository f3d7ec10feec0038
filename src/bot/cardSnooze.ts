// The Snooze button of the single-action reminder card (1 day, 1 week, or until a date): the same snooze
// as the digest's, for the action the card shows. Bad or foreign presses are refused and change nothing.
import { z } from 'zod';
import { typeableRef } from '../app/actionCards.ts';
import { mayAnswer } from '../app/access.ts';
import { snoozeAction } from '../app/reminderSettings.ts';
import { isValidIsoDate } from '../domain/calendar.ts';
import type { CardAnswerResult } from './cardAnswer.ts';
import type { ChatTurn } from './commands/chatCommand.ts';

const press = z.object({
  planId: z.string().min(1).max(200),
  actionId: z.string().min(1).max(300),
  s: z.enum(['day', 'week', 'date']),
  snoozeDate: z.string().max(20).optional(),
});

/** Snoozes the card's action for the person who pressed, and says until when. */
export async function snoozeFromCard(turn: ChatTurn, data: unknown): Promise<CardAnswerResult> {
  const { services, caller } = turn;
  const parsed = press.safeParse(data);
  const refuse = (problem: string): CardAnswerResult => {
    services.logger.warn({ personId: caller.id, problem }, 'snooze press refused');
    return { card: null, message: `That could not be used (${problem}). Nothing was changed.` };
  };
  if (!parsed.success) return refuse('not a snooze button');
  const { planId, actionId, s, snoozeDate } = parsed.data;
  if (s === 'date' && !(snoozeDate && isValidIsoDate(snoozeDate))) return refuse('pick the date to snooze until');
  const stored = turn.visible.has(planId) ? await services.store.actions.get(planId, actionId) : null;
  if (!stored || !mayAnswer(caller, planId, stored.action, turn.directory)) return refuse('that action is not one of yours');
  const done = await snoozeAction(services, caller.id, planId, actionId, s === 'date' ? (snoozeDate as string) : s, turn.today);
  return { card: null, message: done.ok ? `${typeableRef(stored)}: ${done.message}` : `Not saved: ${done.message}` };
}
