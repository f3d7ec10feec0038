// UK financial quarters: Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March.
// "2026-Q3" is the third quarter of the financial year that starts in April 2026 (Oct-Dec 2026).
import { addDays, isoDate, lastDayOfMonth } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';

/** One financial quarter. */
export interface Quarter {
  /** The year the financial year starts in (2026 for 2026/27). */
  year: number;
  number: 1 | 2 | 3 | 4;
  start: IsoDate;
  end: IsoDate;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The quarter `number` of the financial year starting in April of `year`. */
export function quarter(year: number, number: 1 | 2 | 3 | 4): Quarter {
  const firstMonth = 4 + (number - 1) * 3; // 4, 7, 10, 13 (= January of the next year)
  const y = firstMonth > 12 ? year + 1 : year;
  const m = firstMonth > 12 ? firstMonth - 12 : firstMonth;
  return { year, number, start: isoDate(y, m, 1), end: lastDayOfMonth(y, m + 2) };
}

/** The quarter a date falls in. */
export function quarterOf(date: IsoDate): Quarter {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (m <= 3) return quarter(y - 1, 4);
  return quarter(y, (Math.floor((m - 4) / 3) + 1) as 1 | 2 | 3 | 4);
}

/** The quarter after this one. */
export function nextQuarter(q: Quarter): Quarter {
  return quarterOf(addDays(q.end, 1));
}

/** The last quarter that ended on or before `today` (the default for a board report). */
export function lastEndedQuarter(today: IsoDate): Quarter {
  const current = quarterOf(today);
  return today === current.end ? current : quarterOf(addDays(current.start, -1));
}

/** "2026-Q3" */
export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.number}`;
}

/** "Q3 2026/27 (Oct-Dec 2026)" */
export function quarterLabel(q: Quarter): string {
  const fy = `${q.year}/${String((q.year + 1) % 100).padStart(2, '0')}`;
  const from = MONTHS[Number(q.start.slice(5, 7)) - 1];
  const to = MONTHS[Number(q.end.slice(5, 7)) - 1];
  return `Q${q.number} ${fy} (${from}-${to} ${q.end.slice(0, 4)})`;
}

/**
 * Reads "2026-Q3", or "Q3" alone (the latest third quarter that has started by `today`). Null when
 * the text is not a quarter.
 */
export function parseQuarter(text: string, today: IsoDate): Quarter | null {
  const full = /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i.exec(text);
  if (full) return quarter(Number(full[1]), Number(full[2]) as 1 | 2 | 3 | 4);
  const alone = /^\s*Q([1-4])\s*$/i.exec(text);
  if (!alone) return null;
  const n = Number(alone[1]) as 1 | 2 | 3 | 4;
  const current = quarterOf(today);
  const candidate = quarter(current.year, n);
  return candidate.start <= today ? candidate : quarter(current.year - 1, n);
}
