// Who gets which reminders today, once settings are applied: pauses and leave hold everything back,
// a weekly reader hears only on their day, "only when overdue" drops the rest, a snoozed action waits.
import type { IsoDate } from './plan.ts';
import type { Reminder } from './reminders.ts';
import { digestDay, isSnoozed, onlyOverdue, type PersonSettings } from './personSettings.ts';

/** A reminder for one person. */
export interface Candidate {
  personId: string;
  reminder: Reminder;
  /** The action is blocked (owners still hear about it in "only when overdue" mode). */
  blocked: boolean;
}

/** The candidates each person gets today, by person id; people with nothing are left out. */
export function whoNeedsWhat(candidates: Candidate[], settingsOf: (personId: string) => PersonSettings, today: IsoDate): Map<string, Reminder[]> {
  const byPerson = new Map<string, Reminder[]>();
  const seen = new Set<string>();
  for (const { personId, reminder, blocked } of candidates) {
    const settings = settingsOf(personId);
    if (!digestDay(settings, today)) continue;
    if (reminder.audience === 'owners') {
      if (isSnoozed(settings, reminder.planId, reminder.actionId, today)) continue;
      if (onlyOverdue(settings) && reminder.kind !== 'overdue' && !blocked) continue;
    }
    // One line per action per person, even when two of their roles own it or a step and a snooze meet.
    const key = `${personId}|${reminder.audience}|${reminder.planId}|${reminder.actionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), reminder]);
  }
  return byPerson;
}
