// Dates and spans as UK people write them: 31/07/2027, "30 June", "end of July", "next Friday", ISO;
// "by two weeks", "back a month". A day without a year is the next one on or after today.
import * as chrono from 'chrono-node';
import { addDays, addMonthsKeepingMonthEnd, isoDate, isValidIsoDate, lastDayOfMonth } from '../calendar.ts';
import type { IsoDate } from '../plan.ts';
import type { Shift } from './intent.ts';

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A weekday as written ("Monday", "Weds", "thurs."), captured; never the start of a longer word ("wedding"). */
export const WEEKDAY = String.raw`(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)(?:s(?![a-z]))?\.?(?![a-z])`;

/** The month (1-12) a word names ("Jan", "september"), or 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '').replace(/^sept$/, 'sep');
  return w.length >= 3 ? MONTH_NAMES.findIndex((m) => m.startsWith(w)) + 1 : 0;
}

/** The weekday (0 Sunday … 6 Saturday) a word names ("Mon", "friday"), or -1. */
export function weekdayNumber(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return w.length === 3 ? WEEKDAYS.findIndex((d) => d.startsWith(w)) : -1;
}

/** The next day of a month on or after today ("29 February" waits for a leap year); null if there is none. */
function nextOn(month: number, day: number | 'end', today: IsoDate): IsoDate | null {
  const on = (y: number): IsoDate => (day === 'end' ? lastDayOfMonth(y, Math.min(Math.max(month, 1), 12)) : isoDate(y, month, day));
  const year = Number(today.slice(0, 4));
  // A leap day comes round within eight years; any other real day within one.
  for (let y = year; y <= year + 8; y += 1) if (on(y) >= today && isValidIsoDate(on(y))) return on(y);
  return null;
}

/** The weekday of an IsoDate, 0 Sunday … 6 Saturday. */
export function weekdayOf(d: IsoDate): number {
  return new Date(`${d}T12:00:00Z`).getUTCDay();
}

/** A date and what follows it; or what is wrong, with the month when only the day is missing; or null. */
export type DateRead = { date: IsoDate; rest: string } | { problem: string; month?: string } | null;

const END_OF = new RegExp(String.raw`^(?:the\s+)?end\s+of\s+(?:(this|the|next)\s+month|${MONTH}(?:\s+(\d{4}))?)`, 'i');
// The working week ends on Friday.
const WEEK_COMMENCING = /^(?:w\/c|wc|w\.c\.?|w\/b|week\s+(?:commencing|beginning|starting)(?:\s+on)?|the\s+week\s+of)\s+/i;
const END_OF_WEEK = /^(?:the\s+)?end\s+of\s+(this|the|next)\s+week\b/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/;
const UK = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/])/;
// "Monday", "this Friday"; not "Fri 4 Dec", which is a day of a month.
const ON_WEEKDAY = new RegExp(String.raw`^(?:(this|next|on)\s+)?${WEEKDAY}(?![a-z])(?!,?\s+\d)`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(?:${WEEKDAY},?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4}))?(?![a-z\d])`, 'i');
const MONTH_FIRST = new RegExp(String.raw`^(?:${WEEKDAY},?\s+)?${MONTH}\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?![a-z\d])`, 'i');

function endOf(m: RegExpExecArray, today: IsoDate): IsoDate {
  const [y, mo] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (m[1]) return m[1].toLowerCase() === 'next' ? addMonthsKeepingMonthEnd(lastDayOfMonth(y, mo), 1) : lastDayOfMonth(y, mo);
  const month = monthNumber(m[2] ?? '');
  return m[3] ? lastDayOfMonth(Number(m[3]), month) : (nextOn(month, 'end', today) ?? lastDayOfMonth(y, month));
}

/** A day written with or without its year, checked: "31/02" and "29 February 2027" are no dates. */
function dayOn(year: number | null, month: number, day: number, today: IsoDate, written: string, rest: string): DateRead {
  const date = year === null ? nextOn(month, day, today) : isoDate(year, month, day);
  return date !== null && isValidIsoDate(date) ? { date, rest } : { problem: `"${written.trim()}" is not a date` };
}

/** A UK date at the start of `s`, what follows it, or what is wrong with it; null when `s` starts with no date. */
export function readDate(s: string, today: IsoDate): DateRead {
  // "w/c 11th Jan", "week commencing 11 January": that Monday.
  const commencing = WEEK_COMMENCING.exec(s);
  if (commencing) return readDate(s.slice(commencing[0].length), today);
  const end = END_OF.exec(s);
  if (end) return { date: endOf(end, today), rest: s.slice(end[0].length) };
  const week = END_OF_WEEK.exec(s);
  if (week) {
    const friday = addDays(today, (5 - weekdayOf(today) + 7) % 7);
    return { date: week[1]?.toLowerCase() === 'next' ? addDays(friday, 7) : friday, rest: s.slice(week[0].length) };
  }
  const iso = ISO.exec(s);
  const uk = iso ? null : UK.exec(s);
  if (iso || uk) {
    const written = (iso ?? uk)?.[0] ?? '';
    const rest = s.slice(written.length);
    if (iso) return dayOn(Number(iso[1]), Number(iso[2]), Number(iso[3]), today, written, rest);
    const [, d, m, y] = uk ?? [];
    return dayOn(y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y), Number(m), Number(d), today, written, rest);
  }
  const named = dayOfMonth(s, today);
  if (named) return named;
  const weekday = ON_WEEKDAY.exec(s);
  if (weekday && weekday[1]?.toLowerCase() !== 'next') {
    // "Monday" said on a Monday means next Monday: a new date is never today.
    const wanted = weekdayNumber(weekday[2] ?? '');
    const ahead = ((wanted - weekdayOf(today) + 7) % 7) || 7;
    return { date: addDays(today, ahead), rest: s.slice(weekday[0].length) };
  }
  return readWithChrono(s, today);
}

/** "30 June", "4th of January 2028", "June 30", "Fri 4 Dec": checked, so "31 September" is refused. */
function dayOfMonth(s: string, today: IsoDate): DateRead {
  const dayFirst = DAY_FIRST.exec(s);
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(s);
  const m = dayFirst ?? monthFirst;
  if (!m) return null;
  const [day, monthWord, year] = dayFirst ? [m[2], m[3], m[4]] : [m[3], m[2], m[4]];
  const read = dayOn(year ? Number(year) : null, monthNumber(monthWord ?? ''), Number(day), today, m[0], s.slice(m[0].length));
  // "Friday 4 Jan" when 4 Jan is a Monday: one of the two is a slip, and which one is a guess.
  const said = m[1] ? weekdayNumber(m[1]) : -1;
  if (read && 'date' in read && said >= 0 && weekdayOf(read.date) !== said) {
    const [y, mo, d] = [read.date.slice(0, 4), Number(read.date.slice(5, 7)), Number(read.date.slice(8, 10))];
    return { problem: `${d} ${capital(MONTH_NAMES[mo - 1] ?? '')} ${y} is a ${capital(WEEKDAYS[weekdayOf(read.date)] ?? '')}, not a ${capital(WEEKDAYS[said] ?? '')}` };
  }
  return read;
}

const capital = (w: string): string => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;

function readWithChrono(s: string, today: IsoDate): DateRead {
  const found = chrono.en.GB.parse(s, { instant: new Date(`${today}T12:00:00Z`), timezone: 0 }, { forwardDate: true })[0];
  if (!found || found.index !== 0) return null;
  const start = found.start;
  const text = found.text.replace(/[\s:;,.-]+$/, '');
  if (!start.isCertain('day') && !start.isCertain('weekday')) {
    return start.isCertain('month') ? { problem: `which day of ${text}?`, month: text } : { problem: `which day ${text}?` };
  }
  const date = isoDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
  return isValidIsoDate(date) ? { date, rest: s.slice(found.text.length) } : { problem: `"${text}" is not a date` };
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, another: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, couple: 2, 'a couple of': 2 };
const SHIFT = /^(?:(?:by|for|back|forward|on)\s+)?(?:(?:another|a\s+further|an\s+extra)\s+)?(\d{1,3}|a\s+couple\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another)?\s*(days?|weeks?|wks?|fortnights?|months?)(?![a-z])(?!\s+(?:commencing|beginning|starting|of)\b)/i;

/** A number written in digits or words ("two", "a"), or NaN. */
export function numberFrom(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  return /^\d+$/.test(w) ? Number(w) : (NUMBER_WORDS[w] ?? NaN);
}

/** A span at the start of `s` ("by two weeks", "back a month", "3 days", "a fortnight"). */
export function readShift(s: string): { shift: Shift; rest: string } | null {
  const m = SHIFT.exec(s);
  if (!m) return null;
  const written = /another|further|extra/i.test(m[0]) && !m[1] ? 'a' : (m[1] ?? 'a');
  let amount = numberFrom(written);
  const unitWord = (m[2] ?? '').toLowerCase();
  if (!Number.isFinite(amount) || amount < 1) return null;
  let unit: Shift['unit'] = unitWord.startsWith('d') ? 'day' : unitWord.startsWith('m') ? 'month' : 'week';
  if (unitWord.startsWith('f')) [amount, unit] = [amount * 2, 'week'];
  return { shift: { amount, unit }, rest: s.slice(m[0].length) };
}

/** The day a span after `from` lands on ("snooze for a week"). */
export function afterShift(from: IsoDate, shift: Shift): IsoDate {
  if (shift.unit === 'month') return addMonthsKeepingMonthEnd(from, shift.amount);
  return addDays(from, shift.amount * (shift.unit === 'week' ? 7 : 1));
}
