// An answer that names its action by the action's own words, not its code: "Protocols written and agreed
// by RESULT team members and SMAG - done", "the RESULT newsletter has gone out, please tick it off". The
// words are handed on as `about`; the actor matches them among the actions the person may answer and
// always asks to confirm, showing the code it found.
import type { Intent } from './intent.ts';
import { findNames } from './names.ts';
import { codesOf, type Reading } from './reading.ts';

const DONE = String.raw`(?:done|complete|completed|finished|sorted|ticked\s+off|signed\s+off|achieved|delivered)`;
const TAIL = new RegExp(String.raw`^(.+?)\s*[-:]\s*(?:(?:is|are|now|all|has\s+been|have\s+been)\s+)*${DONE}(?:\s+now)?$`, 'i');
const HAS = new RegExp(String.raw`^(.+?)\s+(?:has|have|is|are)\s+(?:now\s+)?(?:gone\s+out|been\s+(?:sent(?:\s+out)?|published|agreed|held|issued|circulated|${DONE})|${DONE})(?:[,.;]?\s*(?:so\s+)?(?:please\s+|pls\s+|can\s+you\s+)?(?:tick\s+it\s+off|mark\s+it\s+(?:as\s+)?done|close\s+it))?$`, 'i');
const TICK = /^(.+?)[,.;]?\s*(?:so\s+)?(?:please\s+|pls\s+|can\s+you\s+)?(?:tick\s+it\s+off|mark\s+it\s+(?:as\s+)?done|close\s+it(?:\s+off)?)$/i;
const OPENING = /^(?:(?:i've|ive|we've|i\s+have|we\s+have|just|finally)\s+)?(?:the\s+|our\s+)?/i;

/** A done answer about an action named by its words, or null. */
export function readAbout(r: Reading): Intent | null {
  if (r.asked) return null;
  const m = TAIL.exec(r.text) ?? HAS.exec(r.text) ?? TICK.exec(r.text);
  const words = (m?.[1] ?? '').replace(OPENING, '').trim();
  // Two words at least, and no code or reference in them (that would be an ordinary answer).
  if (words.split(/\s+/).filter((w) => /[a-z]{3,}/i.test(w)).length < 2 || findNames(words, codesOf(r)).length > 0) return null;
  return { kind: 'answer', status: 'done', names: [], sure: false, about: words };
}
