// The span of days a question is about: "today", "this week", "next month", "in January", "in the next
// 14 days", "soon". Weeks run Monday to Sunday, as UK calendars do.
import { addDays, isoDate, lastDayOfMonth } from '../calendar.ts';
import type { IsoDate } from '../plan.ts';
import { format, parseISO } from 'date-fns';
import { MONTH_NAMES, monthNumber, numberFrom, readDate, weekdayOf } from './dates.ts';
import { NAMED_PERIODS } from './namedPeriods.ts';

/** A period found in a message: the days, the words for a title, and where it was written. */
export interface FoundPeriod {
  from: IsoDate;
  to: IsoDate;
  /** "today", "next week", "in January 2027", "in the next 14 days". */
  phrase: string;
  index: number;
  length: number;
}

/** Days counted as "soon". */
export const SOON_DAYS = 14;

const N = String.raw`(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

type Reader = [RegExp, (m: RegExpExecArray, today: IsoDate) => Omit<FoundPeriod, 'index' | 'length'> | null];

function monthSpan(today: IsoDate, ahead: number): [IsoDate, IsoDate, number, number] {
  const total = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + ahead;
  const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
  return [isoDate(y, m, 1), lastDayOfMonth(y, m), y, m];
}

function nextDays(today: IsoDate, days: number): Omit<FoundPeriod, 'index' | 'length'> {
  return { from: today, to: addDays(today, days), phrase: `in the next ${days} days` };
}

// Tried in order; the first that matches anywhere wins.
const READERS: Reader[] = [
  ...NAMED_PERIODS,
  [new RegExp(String.raw`\b(?:in|within|over|during)\s+the\s+next\s+${N}\s+(days?|weeks?)\b|\b(?:the\s+)?next\s+${N}\s+(days?|weeks?)\b|\b(?:in|within)\s+${N}\s+(days?|weeks?)\b`, 'i'),
    (m, today) => {
      const amount = numberFrom(m[1] ?? m[3] ?? m[5] ?? '');
      const days = amount * ((m[2] ?? m[4] ?? m[6] ?? '').startsWith('w') ? 7 : 1);
      return Number.isFinite(days) && days > 0 && days <= 366 ? nextDays(today, days) : null;
    }],
  [/\b(?:due\s+)?soon\b|\bcoming\s+up\b|\bupcoming\b/i, (_m, today) => nextDays(today, SOON_DAYS)],
  [/\btoday\b/i, (_m, today) => ({ from: today, to: today, phrase: 'today' })],
  [/\btomorrow\b/i, (_m, today) => ({ from: addDays(today, 1), to: addDays(today, 1), phrase: 'tomorrow' })],
  [/\b(?:this|the\s+rest\s+of\s+the)\s+(?:week|wk)\b/i, (_m, today) => ({ from: today, to: addDays(today, (7 - weekdayOf(today)) % 7), phrase: 'this week' })],
  [/\bnext\s+(?:week|wk)\b/i, (_m, today) => {
    const monday = addDays(today, ((7 - weekdayOf(today)) % 7) + 1);
    return { from: monday, to: addDays(monday, 6), phrase: 'next week' };
  }],
  [/\b(?:this|the\s+rest\s+of\s+the)\s+month\b/i, (_m, today) => ({ from: today, to: monthSpan(today, 0)[1], phrase: 'this month' })],
  [/\bnext\s+month\b/i, (_m, today) => {
    const [from, to] = monthSpan(today, 1);
    return { from, to, phrase: 'next month' };
  }],
  [new RegExp(String.raw`\b(?:in|during|for|over)\s+(${MONTH_NAMES.map((m) => m.slice(0, 3)).join('|')})[a-z]*\b(?:\s+(\d{4}))?`, 'i'), (m, today) => {
    const month = monthNumber(m[1] ?? '');
    if (month === 0) return null;
    const thisYear = Number(today.slice(0, 4));
    const year = m[2] ? Number(m[2]) : month >= Number(today.slice(5, 7)) ? thisYear : thisYear + 1;
    return { from: isoDate(year, month, 1), to: lastDayOfMonth(year, month), phrase: `in ${capital(MONTH_NAMES[month - 1] ?? '')} ${year}` };
  }],
];

// "by Friday", "before 31/12", "on 4 December", "by the end of the month": only words that are surely a
// date follow, so "blocked on 2.1" is never a period.
const UNTIL = /\b(by|before|until|till|on)\s+(?=(?:the\s+)?end\s+of\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3}|[a-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\/\d{1,2}|\d{4}-\d{1,2}-\d{1,2}|(?:this\s+|next\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/gi;

function untilDate(s: string, today: IsoDate): FoundPeriod | null {
  for (const m of s.matchAll(UNTIL)) {
    const after = s.slice(m.index + m[0].length);
    const read = readDate(after, today);
    if (!read || !('date' in read) || !/^(?:$|[\s,?.!])/.test(read.rest)) continue;
    const word = (m[1] ?? '').toLowerCase();
    const day = word === 'before' ? addDays(read.date, -1) : read.date;
    const phrase = `${word === 'on' ? 'on' : 'by'} ${format(parseISO(day), 'EEE d MMM yyyy')}`;
    return { from: word === 'on' ? day : today, to: day, phrase, index: m.index, length: m[0].length + after.length - read.rest.length };
  }
  return null;
}

/** The first period written anywhere in `s`, or null. */
export function findPeriod(s: string, today: IsoDate): FoundPeriod | null {
  const until = untilDate(s, today);
  if (until) return until;
  for (const [pattern, read] of READERS) {
    const m = pattern.exec(s);
    const found = m ? read(m, today) : null;
    if (m && found) return { ...found, index: m.index, length: m[0].length };
  }
  return null;
}
