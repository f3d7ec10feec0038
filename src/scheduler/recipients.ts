// Who a reminder goes to: every person holding one of the action's owner roles, or the commissioner.
import { commissionersOf } from '../app/access.ts';
import type { Directory } from '../app/directory.ts';
import type { Reminder } from '../domain/reminders.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';

/** The people a reminder is for, and the owner roles of the action that nobody holds. */
export function recipientsOf(reminder: Reminder, stored: StoredAction, directory: Directory, leadRole: string): { people: Person[]; unheld: string[] } {
  if (reminder.audience === 'lead') return { people: commissionersOf(stored.planId, directory, leadRole), unheld: [] };
  const people = new Map<string, Person>();
  const unheld: string[] = [];
  for (const { role, people: holders } of directory.owners(stored.action)) {
    if (holders.length === 0) unheld.push(role);
    for (const person of holders) people.set(person.id, person);
  }
  return { people: [...people.values()], unheld };
}
