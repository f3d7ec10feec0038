import { TZDate } from '@date-fns/tz';
import type { IsoDate } from './plan.ts';

// Every calculation runs on UTC day numbers, so the machine's own zone can never shift a day. Plain
// Date.UTC arithmetic, not date-fns: the importer resolves thousands of dates and TZDate costs ~50x more.
const LONDON = 'Europe/London';
const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Year, month (1–12) and day of an IsoDate; the caller has checked the shape. */
function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

/** Days since 1970-01-01. */
function dayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / DAY_MS;
}

function fromDayNumber(n: number): IsoDate {
  const date = new Date(n * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function daysInMonth(year: number, month1to12: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate();
}

/** Builds an IsoDate from numbers (month 1–12); no range check. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar day written YYYY-MM-DD (2011-02-29 is not one). */
export function isValidIsoDate(d: string): boolean {
  const match = ISO.exec(d);
  if (!match) return false;
  const [y, m, day] = parts(d);
  return m >= 1 && m <= 12 && day >= 1 && day <= daysInMonth(y, m);
}

/** The day `n` days after `d` (before it when `n` is negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** Whole days from `a` to `b` (b − a): positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The last day of a month (month 1–12), e.g. (2012, 2) → "2012-02-29". */
export function lastDayOfMonth(year: number, month1to12: number): IsoDate {
  return isoDate(year, month1to12, daysInMonth(year, month1to12));
}

/** True when `d` is the last day of its month. */
export function isMonthEnd(d: IsoDate): boolean {
  const [y, m] = parts(d);
  return lastDayOfMonth(y, m) === d;
}

/**
 * Moves `d` by `n` months; a month-end stays a month-end (2011-09-30 + 3 → 2011-12-31), any other
 * day keeps its number where it can (2011-01-30 + 1 → 2011-02-28).
 */
export function addMonthsKeepingMonthEnd(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = daysInMonth(year, month);
  return isoDate(year, month, day === daysInMonth(y, m) ? last : Math.min(day, last));
}

/** Sort order of two dates: negative when `a` is earlier. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar day in the UK (Europe/London) at a given instant. */
export function londonDate(instant: Date): IsoDate {
  const london = new TZDate(instant.getTime(), LONDON);
  return isoDate(london.getFullYear(), london.getMonth() + 1, london.getDate());
}

/**
 * An instant written as London wall-clock time ("2026-07-01T00:30", "2026-07-01"), whatever the
 * server's own time zone; a time with "Z" or an offset means exactly that. Null when unreadable.
 */
export function londonInstant(text: string): Date | null {
  const trimmed = text.trim();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) {
    const instant = new Date(trimmed);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (!m || !isValidIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute, second, LONDON).getTime());
}

/** The UK financial year (1 April – 31 March) that contains `d`. */
export function financialYearOf(d: IsoDate): { start: IsoDate; end: IsoDate } {
  const [y, m] = parts(d);
  const startYear = m >= 4 ? y : y - 1;
  return { start: isoDate(startYear, 4, 1), end: isoDate(startYear + 1, 3, 31) };
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}
