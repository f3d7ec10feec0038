// Periods named by the calendar rather than by dates: financial quarters ("Q4", "2026-Q3", "this
// quarter", "next quarter", "last quarter"), "this financial year", and holidays ("before Christmas" is
// by 24 December, "by Christmas" by the 25th, "by Easter" by Easter Sunday, "before Easter" the day
// before). A quarter without a year is one of the current financial year (April to March), as board
// reports count them.
import { addDays, financialYearOf, isoDate, lastDayOfMonth } from '../calendar.ts';
import { easterSunday } from '../easter.ts';
import type { IsoDate } from '../plan.ts';
import type { FoundPeriod } from './periods.ts';

type Found = Omit<FoundPeriod, 'index' | 'length'>;
export type PeriodReader = [RegExp, (m: RegExpExecArray, today: IsoDate) => Found | null];

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

/** Quarter `n` (1 April-June … 4 January-March) of the financial year starting in April of `year`. */
export function financialQuarter(year: number, n: number): { from: IsoDate; to: IsoDate; name: string } {
  const first = 4 + (n - 1) * 3;
  const [y, m] = first > 12 ? [year + 1, first - 12] : [year, first];
  const name = `Q${n} ${year}/${String(year + 1).slice(2)} (${SHORT_MONTHS[m - 1]}–${SHORT_MONTHS[m + 1]} ${y})`;
  return { from: isoDate(y, m, 1), to: lastDayOfMonth(y, m + 2), name };
}

/** The financial quarter a day falls in: its year (the April it starts from) and number. */
export function quarterOfDay(day: IsoDate): { year: number; n: number } {
  const year = Number(financialYearOf(day).start.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return { year, n: Math.floor(((month + 8) % 12) / 3) + 1 };
}

const shifted = (q: { year: number; n: number }, by: number): { year: number; n: number } => {
  const index = q.year * 4 + (q.n - 1) + by;
  return { year: Math.floor(index / 4), n: (index % 4) + 1 };
};

const BY = /^(?:by|before|until|till)\b/i;

/** The next `holiday` on or after today (this year's, or next year's once it has passed). */
function next(today: IsoDate, holiday: (year: number) => IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  return holiday(year) >= today ? holiday(year) : holiday(year + 1);
}

export const NAMED_PERIODS: PeriodReader[] = [
  [/\b(by|before|until|till|for|over)\s+(?:the\s+)?(?:christmas|xmas)(?:\s+(?:break|holidays?))?\b/i, (m, today) => {
    const day = next(today, (y) => isoDate(y, 12, 25));
    const word = (m[1] ?? '').toLowerCase();
    return word === 'before' ? { from: today, to: addDays(day, -1), phrase: 'before Christmas' } : { from: today, to: day, phrase: 'by Christmas' };
  }],
  [/\b(by|before|until|till|for|over)\s+(?:the\s+)?easter(?:\s+(?:break|holidays?))?\b/i, (m, today) => {
    const day = next(today, easterSunday);
    const word = (m[1] ?? '').toLowerCase();
    return word === 'before' ? { from: today, to: addDays(day, -1), phrase: 'before Easter' } : { from: today, to: day, phrase: 'by Easter' };
  }],
  [/\b(?:(by|before|until|in|during|for|over|within)\s+)?(?:the\s+)?(?:end\s+of\s+)?(this|next|last|previous|the\s+current)\s+quarter\b/i, (m, today) => {
    const word = (m[2] ?? '').toLowerCase();
    const now = quarterOfDay(today);
    const q = word === 'next' ? shifted(now, 1) : word === 'last' || word === 'previous' ? shifted(now, -1) : now;
    const { from, to } = financialQuarter(q.year, q.n);
    const phrase = word === 'next' ? 'next quarter' : word === 'last' || word === 'previous' ? 'last quarter' : 'this quarter';
    return { from: word === 'this' || word.startsWith('the') ? today : from, to, phrase };
  }],
  [/\b(?:(by|before|until|in|during|for|over|within)\s+)?(?:the\s+)?(?:end\s+of\s+)?(?:(\d{4})\s*[-/ ]?\s*q([1-4])|q([1-4])(?:\s*[-/ ]\s*(\d{4})|\s+(\d{4}))?|(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter|quarter\s+([1-4]))(?![\w-])/i, (m, today) => {
    const n = Number(m[3] ?? m[4] ?? m[8] ?? ORDINAL[(m[7] ?? '').toLowerCase()] ?? 0);
    if (n < 1 || n > 4) return null;
    const written = m[2] ?? m[5] ?? m[6];
    const year = written ? Number(written) : quarterOfDay(today).year;
    const { from, to, name } = financialQuarter(year, n);
    return BY.test(m[1] ?? '') ? { from: today, to, phrase: `by the end of ${name}` } : { from, to, phrase: `in ${name}` };
  }],
  [/\b(?:(?:in|during|for|over|by\s+the\s+end\s+of)\s+)?this\s+financial\s+year\b/i, (_m, today) => ({ from: today, to: financialYearOf(today).end, phrase: 'this financial year' })],
];
