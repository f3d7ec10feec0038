import { addDays, addMonthsKeepingMonthEnd, compareDates } from './calendar.ts';
import type { Due, Every, IsoDate, PlanPeriod } from './plan.ts';

// A guard, not a limit anyone should meet: weekly over a three-year plan is 157 dates.
const MAX_OCCURRENCES = 2000;

/** How far one step of a recurrence moves: in days (weeks) or in months. */
export function stepOf(every: Every): { days: number } | { months: number } {
  switch (every) {
    case '1 week': return { days: 7 };
    case '1 month': return { months: 1 };
    case '2 months': return { months: 2 };
    case '3 months': return { months: 3 };
    case '6 months': return { months: 6 };
    case '1 year': return { months: 12 };
  }
}

/** `d` moved on by `k` steps of `every`, counted from `d` itself so month-ends never drift. */
function stepFrom(d: IsoDate, every: Every, k: number): IsoDate {
  const step = stepOf(every);
  return 'days' in step ? addDays(d, step.days * k) : addMonthsKeepingMonthEnd(d, step.months * k);
}

/**
 * The dates a recurrence falls on. With `from`, they are from, from + every, … up to `until` (or the
 * period end). Without it, they are the last days of consecutive intervals starting at the period
 * start: quarterly in a 1 April plan gives 30 Jun, 30 Sep, 31 Dec, 31 Mar.
 */
function recurringDates(every: Every, from: IsoDate | null, until: IsoDate | null, period: PlanPeriod): IsoDate[] {
  const last = until ?? period.end;
  const dates: IsoDate[] = [];
  for (let k = 0; k < MAX_OCCURRENCES; k += 1) {
    const d = from === null ? addDays(stepFrom(period.start, every, k + 1), -1) : stepFrom(from, every, k);
    if (compareDates(d, last) > 0) break;
    dates.push(d);
  }
  // A stated start after the end is still a date someone was promised: one reminder beats none.
  if (dates.length === 0 && from !== null) dates.push(from);
  return dates;
}

function sortedUnique(dates: IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort(compareDates);
}

/**
 * The sorted, de-duplicated dates on which an action is due. Ongoing, as-required, empty and
 * unreadable "By when" cells have no dates.
 */
export function occurrences(due: Due, period: PlanPeriod): IsoDate[] {
  switch (due.kind) {
    case 'date': return [due.date];
    case 'dates': return sortedUnique(due.dates);
    case 'recurring': return sortedUnique(recurringDates(due.every, due.from, due.until, period));
    case 'ongoing':
    case 'as-required':
    case 'none':
    case 'unparsed':
      return [];
  }
}
