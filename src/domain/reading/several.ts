// Several answers in one message: "BED-111 done, PET-6 done too", "BED-2 done, BED-4 delayed to end of
// January because the BREC rep left". The message is cut where a new action's name or an answer verb
// starts a clause; a clause that is no answer of its own (a second name, "& BED-68", words of a reason)
// stays with the one before, so "done BED-66 & BED-68" remains one answer about two actions.
import { readAnswer } from './answers.ts';
import type { AnswerPart } from './intent.ts';
import { findNames, readName } from './names.ts';
import { codesOf, type Reading } from './reading.ts';
import { verbAt } from './verbs.ts';

// Where one clause may end and the next begin.
const BREAK = /\s*[;,.]\s+(?:(?:and|also|then|but|plus)\s+)?|\s+(?:and|also|then|but|plus|&)\s+|\s*\n\s*/gi;
const OPENERS = /^(?:(?:i've|ive|we've|i\s+have|we\s+have|just|and|also|i|we)\s+)*/i;

/** Two or more answers, each about its own actions; null when the message is one answer or none. */
export function readSeveral(r: Reading): AnswerPart[] | null {
  const codes = codesOf(r);
  if (r.asked || findNames(r.text, codes).length < 2) return null;
  const cuts: number[] = [];
  for (const m of r.text.matchAll(BREAK)) {
    const after = r.text.slice(m.index + m[0].length);
    if (readName(after, codes) || verbAt(after.replace(OPENERS, ''))) cuts.push(m.index);
  }
  if (cuts.length === 0) return null;
  // Each clause must read as an answer naming its own actions; one that does not belongs to the one before
  // (or, at the start, to the one after: "PB-1 and PB-2 done, …").
  const parts: { from: number; read: AnswerPart }[] = [];
  let from = 0;
  let carried = false;
  for (const [i, cut] of [...cuts, r.text.length].entries()) {
    const begin: number = carried ? from : (i === 0 ? 0 : (cuts[i - 1] ?? 0));
    const read = answerOf(clean(r.text.slice(begin, cut)), r);
    const last = parts[parts.length - 1];
    if (read && read.names.length > 0) {
      parts.push({ from: begin, read });
      carried = false;
    } else if (last) {
      const again = answerOf(clean(r.text.slice(last.from, cut)), r);
      if (!again) return null;
      parts[parts.length - 1] = { from: last.from, read: again };
    } else [from, carried] = [begin, true];
  }
  if (carried) return null;
  return parts.length >= 2 ? parts.map((p) => p.read) : null;
}

const clean = (clause: string): string => clause.replace(/^[\s;,.&]+/, '').replace(/^(?:and|also|then|but|plus)\s+/i, '').trim();

function answerOf(text: string, r: Reading): AnswerPart | null {
  const read = readAnswer({ ...r, text: text.replace(/[\s.,;!]+$/, '') });
  if (!read || (read.kind !== 'answer' && read.kind !== 'invalid-answer')) return null;
  if (read.kind === 'answer' && read.about !== undefined) return null;
  return read;
}
