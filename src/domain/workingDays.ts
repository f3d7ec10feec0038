import type { IsoDate } from './plan.ts';
import { bankHolidays } from './bankHolidays.ts';
import { addDays, dayOfWeek } from './calendar.ts';

// Each year's list is computed once: the reminder sweep asks about the same few years many times.
const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

function holidaysIn(year: number): ReadonlySet<IsoDate> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(bankHolidays(year));
    holidaysByYear.set(year, set);
  }
  return set;
}

/** True on a weekday that is not a bank holiday in England and Wales. */
export function isWorkingDay(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  if (dow === 0 || dow === 6) return false;
  return !holidaysIn(Number(d.slice(0, 4))).has(d);
}

/** The day itself if it is a working day, else the first working day after it. */
export function nextWorkingDay(d: IsoDate): IsoDate {
  let day = d;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
