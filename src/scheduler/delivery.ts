// One message to one person: claimed in the ledger first (so it is sent once, whatever else is
// running), then sent, then marked sent or failed. A failed one is tried again by the next sweep.
import { actionCardFields } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { SendError, type ConversationAddress, type Messenger } from '../domain/messenger.ts';
import { renderCard } from '../cards/render.ts';
import type { ReminderKind as CardReminderKind } from '../cards/models.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';
import type { Reminder, ReminderKind } from '../domain/reminders.ts';

/** Something the sweep will send to one person. */
export type Delivery =
  | { kind: 'reminder'; key: string; person: Person; reminder: Reminder; stored: StoredAction }
  | { kind: 'notice'; key: string; person: Person; card: object };

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'unreachable';

const CARD_KINDS: Record<Exclude<ReminderKind, 'escalation'>, CardReminderKind> = { upcoming: 'upcoming', 'due-today': 'dueToday', overdue: 'overdue' };

/** The card for a reminder: the owners' reminder with buttons, or the commissioner's escalation. */
export function reminderCard(reminder: Reminder, stored: StoredAction, directory: Directory, today: string): object {
  const fields = actionCardFields(stored, directory, today);
  if (reminder.kind === 'escalation') {
    const isBlock = stored.progress.status === 'blocked';
    return renderCard('escalation', { ...fields, headline: isBlock ? 'Blocked' : `${reminder.daysLate} days late`, reason: stored.progress.reason });
  }
  return renderCard('reminder', { ...fields, kind: CARD_KINDS[reminder.kind] });
}

/** The sweep's day, and the time to stamp a claim or an outcome with when it happens. */
export interface DeliveryTime {
  today: string;
  stamp(): string;
}

/** Claims, sends and records one delivery. Never throws for a send fault; storage faults propagate. */
export async function deliver(services: Services, messenger: Messenger, directory: Directory, delivery: Delivery, time: DeliveryTime, leaseMs: number): Promise<DeliveryOutcome> {
  const { store, logger } = services;
  const { person, key } = delivery;
  const info = delivery.kind === 'reminder'
    ? { planId: delivery.stored.planId, actionId: delivery.stored.action.id, audience: delivery.reminder.audience, personId: person.id }
    : { planId: '', actionId: '', audience: 'lead', personId: person.id };
  if (!person.reachable) return 'skipped';
  if (!(await store.reminders.claim(key, info, time.stamp(), leaseMs))) return 'skipped';
  const conversation = (await store.people.conversationOf(person.id)) as ConversationAddress | null;
  if (!conversation) {
    await store.reminders.markFailed(key, `${person.name} has no conversation with the bot (not installed)`, time.stamp());
    return 'failed';
  }
  try {
    const card = delivery.kind === 'reminder' ? reminderCard(delivery.reminder, delivery.stored, directory, time.today) : delivery.card;
    const { activityId } = await messenger.send(conversation, card);
    await store.reminders.markSent(key, { at: time.stamp(), activityId, conversationId: conversation.conversation?.id ?? null });
    return 'sent';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof SendError && err.kind === 'unreachable') {
      await store.people.setReachable(person.id, false);
      await store.reminders.markFailed(key, `unreachable: ${message}`, time.stamp());
      logger.warn({ personId: person.id, key }, 'person unreachable: marked so, the commissioner will be told');
      return 'unreachable';
    }
    if (!(err instanceof SendError)) throw err;
    await store.reminders.markFailed(key, `${err.kind}: ${message}`, time.stamp());
    logger.warn({ personId: person.id, key, kind: err.kind }, 'reminder not sent; the next sweep tries again');
    return 'failed';
  }
}
