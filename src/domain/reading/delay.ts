// What a delay moves to: a new date ("to 30 June", "until end of July") or a span ("by two weeks",
// "back a month"), followed by the person's reason.
import type { IsoDate } from '../plan.ts';
import { readDate, readShift } from './dates.ts';
import type { Shift } from './intent.ts';

/** A move and the words after it; or what is wrong, with the words after "delayed PB-14" that would do. */
export type DelayRead = { move: { newDate: IsoDate } | { shift: Shift }; rest: string } | { problem: string; tries: string[] };

const TRIES = ['to 31/07/2027 because the venue is booked', 'by two weeks'];

const TO = /^(?:(?:back|forward|out|on)\s+)?(?:to|until|till|til|->|into|for)\s+|^(?:the\s+)?new\s+(?:date|deadline)(?:\s+is|\s+of|:)?\s+/i;

/** The new date or span at the start of `s`. */
export function readDelay(s: string, today: IsoDate): DelayRead {
  const text = s.replace(/^[\s:;,.-]+/, '');
  const shift = readShift(text);
  if (shift) return { move: { shift: shift.shift }, rest: shift.rest };
  const lead = TO.exec(text);
  const from = lead ? text.slice(lead[0].length) : text;
  const afterTo = lead ? readShift(from) : null;
  if (afterTo) return { move: { shift: afterTo.shift }, rest: afterTo.rest };
  const date = readDate(from, today);
  if (date === null) return { problem: 'Delayed to when? Give the new date or how long', tries: TRIES };
  if ('problem' in date) {
    const problem = date.problem.charAt(0).toUpperCase() + date.problem.slice(1);
    return { problem, tries: date.month ? [`to end of ${date.month}`, `to 15 ${date.month}`] : TRIES };
  }
  if (date.date < today) return { problem: `${from.slice(0, from.length - date.rest.length).trim()} has passed: give a date from today on`, tries: TRIES };
  return { move: { newDate: date.date }, rest: date.rest };
}
