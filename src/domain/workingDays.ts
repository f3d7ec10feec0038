import type { IsoDate } from './plan.ts';
import { bankHolidays } from './bankHolidays.ts';

const DAY_MS = 86_400_000;

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
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !holidaysIn(Number(d.slice(0, 4))).has(d);
}

/** The day itself if it is a working day, else the first working day after it. */
export function nextWorkingDay(d: IsoDate): IsoDate {
  let day = new Date(`${d}T00:00:00Z`).getTime() / DAY_MS;
  let iso = d;
  while (!isWorkingDay(iso)) {
    day += 1;
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  return iso;
}
