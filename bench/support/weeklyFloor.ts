// The fewest messages any cadence could send while still reminding each person at least once a week:
// one message per person per week that holds any reminder of theirs. Reminders ÷ this floor is the
// best "times fewer sends" a digest could reach without leaving someone unreminded for over a week.
import { addDays, dayOfWeek } from '../../src/domain/calendar.ts';
import type { IsoDate } from '../../src/domain/plan.ts';

/** The Monday of the week `day` is in. */
const mondayOf = (day: IsoDate): IsoDate => addDays(day, -((dayOfWeek(day) + 6) % 7));

/** Counts the distinct person-weeks among reminders given as (person, day due). */
export class WeeklyFloor {
  private readonly weeks = new Set<string>();

  add(personId: string, day: IsoDate): void {
    this.weeks.add(`${personId}|${mondayOf(day)}`);
  }

  /** Messages at one per person per week that holds a reminder. */
  get messages(): number {
    return this.weeks.size;
  }
}
