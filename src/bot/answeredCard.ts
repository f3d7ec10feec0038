// The card that replaces a reminder once someone has answered, and its refresh everywhere it was sent.
import type { ConversationReference } from 'botbuilder';
import { actionCardFields } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { dueLabel } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import { londonDate } from '../domain/calendar.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';
import type { Messenger } from './messenger.ts';

/** "Mon 3 Oct 2011 09:12", in London time. */
function answeredAt(instant: string): string {
  const date = new Date(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(date);
  return `${dueLabel(londonDate(date))} ${time}`;
}

/** The answered card for an action after `change`. */
export function answeredCard(stored: StoredAction, change: ActionChange, directory: Directory, today: string): object {
  const answer = change.to === 'open' || change.to === 'done' ? 'done' : change.to;
  const fields = actionCardFields(stored, directory, today);
  // The card is about the occurrence answered: a recurring review's progress has already moved on to the next.
  const wasDue = change.dueBefore ? dueLabel(change.dueBefore) : fields.dueLabel;
  const nextReview = answer === 'done' && change.to === 'open' && change.dueAfter ? `Open: next review ${dueLabel(change.dueAfter)}` : null;
  return renderCard('answered', {
    ...fields,
    dueLabel: wasDue,
    statusLabel: nextReview ?? fields.statusLabel,
    answer,
    answeredBy: change.by.name,
    answeredAt: answeredAt(change.at),
    reason: change.reason,
    newDueLabel: change.to === 'delayed' && change.dueAfter ? dueLabel(change.dueAfter) : null,
  });
}

/**
 * Replaces every reminder card sent about the action (to each owner and the commissioner) with `card`,
 * except the one already replaced by the answer itself. Failures are logged, not thrown: the answer is saved.
 */
export async function refreshSentCards(services: Services, messenger: Messenger, stored: StoredAction, card: object, skipActivityId: string | undefined): Promise<number> {
  const sent = await services.store.reminders.sentFor(stored.planId, stored.action.id);
  let refreshed = 0;
  await Promise.all(sent.filter((s) => s.activityId !== skipActivityId).map(async (s) => {
    try {
      const conversation = (await services.store.people.conversationOf(s.personId)) as Partial<ConversationReference> | null;
      if (!conversation) return;
      await messenger.update(conversation, s.activityId, card);
      refreshed += 1;
    } catch (err) {
      services.logger.warn({ personId: s.personId, err: { message: (err as Error).message } }, 'could not refresh a sent card');
    }
  }));
  return refreshed;
}
