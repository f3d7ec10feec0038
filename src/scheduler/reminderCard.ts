// The card of one reminder, for a person whose day holds a single action (several go as a digest).
import { actionCardFields } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import { renderCard } from '../cards/render.ts';
import { bannerKind } from '../domain/digestItems.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { Reminder } from '../domain/reminders.ts';

/** The card for a reminder: the owners' reminder with buttons, or the commissioner's escalation. */
export function reminderCard(reminder: Reminder, stored: StoredAction, directory: Directory, today: string): object {
  const fields = actionCardFields(stored, directory, today);
  if (reminder.kind === 'escalation') {
    const isBlock = stored.progress.status === 'blocked';
    return renderCard('escalation', { ...fields, headline: isBlock ? 'Blocked' : `${reminder.daysLate} days late`, reason: stored.progress.reason });
  }
  // The banner says what the action is on the day sent: a step moved past a bank holiday is no longer "due today".
  return renderCard('reminder', { ...fields, kind: bannerKind(stored.progress.dueDate ?? today, today) });
}
