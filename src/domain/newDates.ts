// New dates people give when they delay an action: a span added to the date in hand ("by two weeks"),
// and what is worth saying about the date they chose (a weekend, a bank holiday, after the plan ends).
import { bankHolidays } from './bankHolidays.ts';
import { addDays, addMonthsKeepingMonthEnd, dayOfWeek } from './calendar.ts';
import type { IsoDate, PlanPeriod } from './plan.ts';
import type { Shift } from './reading/intent.ts';

/** `from` moved by the span ("2 weeks" from Fri 1 Jan 2027 → Fri 15 Jan 2027). */
export function shiftDate(from: IsoDate, shift: Shift): IsoDate {
  if (shift.unit === 'month') return addMonthsKeepingMonthEnd(from, shift.amount);
  return addDays(from, shift.amount * (shift.unit === 'week' ? 7 : 1));
}

/** Notes on a new date (accepted anyway): weekend, bank holiday, after the plan's end. `label` writes dates. */
export function dateNotes(date: IsoDate, period: PlanPeriod | null, label: (d: IsoDate) => string): string[] {
  const notes: string[] = [];
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) notes.push(`${label(date)} is a ${dow === 0 ? 'Sunday' : 'Saturday'}`);
  else if (bankHolidays(Number(date.slice(0, 4))).includes(date)) notes.push(`${label(date)} is a bank holiday`);
  if (period && period.end && date > period.end) notes.push(`it is after the plan ends (${label(period.end)})`);
  return notes;
}
