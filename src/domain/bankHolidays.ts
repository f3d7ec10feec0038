import type { IsoDate } from './plan.ts';
import { easterSunday } from './easter.ts';

// Dates as whole days since 1970-01-01 (UTC), so arithmetic never meets a clock change.
const DAY_MS = 86_400_000;
const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;
const isoOf = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekday = (n: number): number => new Date(n * DAY_MS).getUTCDay();

const MONDAY = 1;

/** Easter Sunday as a day number. */
function easterDay(year: number): number {
  const [y, m, d] = easterSunday(year).split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
}

function firstMonday(year: number, month: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((MONDAY - weekday(first) + 7) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayNumber(year, month + 1, 0);
  return last - ((weekday(last) - MONDAY + 7) % 7);
}

/** New Year's Day, or the Monday after when it falls at a weekend. */
function newYear(year: number): number {
  const day = dayNumber(year, 1, 1);
  const dow = weekday(day);
  return dow === 6 ? day + 2 : dow === 0 ? day + 1 : day;
}

/** Christmas Day and Boxing Day as observed: a day that falls at a weekend moves to the next free weekday. */
function christmas(year: number): number[] {
  const xmas = dayNumber(year, 12, 25);
  switch (weekday(xmas)) {
    case 5: return [xmas, xmas + 3]; // Friday: Boxing Day (Saturday) moves to Monday
    case 6: return [xmas + 2, xmas + 3]; // Saturday: Monday and Tuesday
    case 0: return [xmas + 1, xmas + 2]; // Sunday: Boxing Day Monday, Christmas substitute Tuesday
    default: return [xmas, xmas + 1];
  }
}

// Proclaimed one-off changes: the usual day they replace, and the days that were holidays instead.
const MOVED: Record<string, IsoDate[]> = {
  '1995-05-01': ['1995-05-08'],
  '2002-05-27': ['2002-06-03', '2002-06-04'],
  '2012-05-28': ['2012-06-04', '2012-06-05'],
  '2020-05-04': ['2020-05-08'],
  '2022-05-30': ['2022-06-02', '2022-06-03'],
};
const EXTRA: IsoDate[] = ['1999-12-31', '2011-04-29', '2022-09-19', '2023-05-08'];

/**
 * The bank holidays of England and Wales in a year, sorted, as observed (substitute days included,
 * the weekend day itself left out). Royal and state one-offs from 1995 on are known by list.
 */
export function bankHolidays(year: number): IsoDate[] {
  const usual = [
    newYear(year),
    easterDay(year) - 2,
    easterDay(year) + 1,
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmas(year),
  ].map(isoOf);
  const days = usual.flatMap((d) => MOVED[d] ?? [d]);
  days.push(...EXTRA.filter((d) => d.startsWith(`${year}-`)));
  return [...new Set(days)].sort();
}
