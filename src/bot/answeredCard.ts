// The card that replaces a reminder once someone has answered (src/bot/answerNews.ts sends it everywhere).
import { actionCardFields } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import { seenAt } from '../app/seenLabel.ts';
import { dueLabel } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';

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
    answeredAt: seenAt(change.at),
    reason: change.reason,
    newDueLabel: change.to === 'delayed' && change.dueAfter ? dueLabel(change.dueAfter) : null,
  });
}
