// How dates, distances and long texts are written on cards, in UK English.
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { isValidIsoDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';

/** "2011-09-30" → "Fri 30 Sep 2011". */
export function dueLabel(date: IsoDate): string {
  return format(parseISO(date), 'EEE d MMM yyyy');
}

/** Text written by the domain or stored in a history ("already done on 2008-11-24") with each ISO date
 *  as people read dates ("Mon 24 Nov 2008"). */
export function readableDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => (isValidIsoDate(iso) ? dueLabel(iso) : iso));
}

/** How far `due` is from `today`: "in 7 days", "tomorrow", "due today", "1 day late", "3 days late". */
export function dueDistance(due: IsoDate, today: IsoDate): string {
  const days = differenceInCalendarDays(parseISO(due), parseISO(today));
  if (days === 0) return 'due today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? '1 day late' : `${-days} days late`;
}

/** At most `max` characters, cut at a word where one is near, ending in "…". */
export function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "1 action", "12 actions". */
export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
