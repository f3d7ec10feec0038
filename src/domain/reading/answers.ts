// Answers: a message that says what happened (done, delayed, blocked, in their common wordings) about
// the actions it names, or about none (the one a reminder asked about). The words after the verb and
// the names are the person's own: a date or span for a delay, then the reason, never read as a command.
import type { ActionName, AnswerStatus, Intent } from './intent.ts';
import { findNames, readNames } from './names.ts';
import { codesOf, type Reading } from './reading.ts';
import { verbAt, type Verb } from './verbs.ts';
import { readDelay } from './delay.ts';

const MAX_REASON = 500;
// "I've", "we have", "just", "it's", "this is now"… before the verb.
const LEAD = /^(?:please|pls|can\s+you|could\s+you|would\s+you|(?:i|we)(?:'ve|\s+have|\s+am|'m|\s+are|'re)?|ive|im|just|now|all|it'?s|it\s+is|this\s+is|that'?s|that\s+is|has\s+been|have\s+been|got|finally|also|and)\s+/i;
// Between the names and the verb: "1.1.3 is done", "PB-3 and PB-4 have been completed".
const LINK = /^\s*(?:[:\-–,]\s*)?(?:(?:is|are|was|were|has|have|had|been|being|now|'s|got|just|now|all|both|also|finally|officially)\s+)*/i;
const SEPARATORS = /^[\s:;,.\-–—]+/;

const trimLead = (s: string): string => s.replace(SEPARATORS, '');

/** An answer, an answer with a part that cannot be read, or null when the message is not an answer. */
export function readAnswer(r: Reading): Intent | null {
  const codes = codesOf(r);
  let s = r.text;
  let names: ActionName[] = [];
  let verb: Verb | null = null;
  let rest = '';

  const before = readNames(s, codes);
  if (before.names.length > 0) {
    const linked = before.rest.replace(LINK, '');
    verb = verbAt(linked);
    if (verb) [names, rest] = [before.names, linked.slice(verb.length)];
  }
  if (!verb) {
    for (let lead = LEAD.exec(s); lead; lead = LEAD.exec(s)) s = s.slice(lead[0].length);
    verb = verbAt(s);
    if (!verb) return null;
    const tail = trimLead(s.slice(verb.length));
    let after = readNames(tail, codes);
    const on = /^(?:on|with|for|of)\s+/i.exec(tail);
    if (after.names.length === 0 && on) {
      const later = readNames(tail.slice(on[0].length), codes);
      if (later.names.length > 0) after = later;
    }
    [names, rest] = [after.names, after.rest];
  }
  let status = verb.status;
  // "mark PB-14 as done": the status comes after the names.
  if (status === null) {
    const done = /^\s*(?:as\s+|to\s+)?(?:done|complete|completed|finished)\b/i.exec(rest);
    if (!done) return null;
    status = 'done';
    rest = rest.slice(done[0].length);
  }
  const sure = verb.clear && names.length > 0 && !r.guessed;
  if (status === 'done') {
    // "I've finished the report for 1.2.3": the name came later; a guess to confirm.
    const later = findNames(rest, codes);
    return names.length > 0 || later.length === 0 ? { kind: 'answer', status, names, sure: sure && later.length === 0 } : { kind: 'answer', status, names: later, sure: false };
  }

  if (status === 'blocked') {
    const reason = readReason(verb.keep ? `${verb.keep} ${trimLead(rest)}`.trim() : rest);
    if (reason === '') return invalid(status, names, `Blocked by what? Add the reason, for example "blocked ${example(names)}: waiting for sign-off from the JCG".`);
    if (reason.length > MAX_REASON) return invalid(status, names, tooLong(reason));
    return { kind: 'answer', status, names, reason, sure };
  }

  const delay = readDelay(rest, r.today);
  if ('problem' in delay) {
    const tries = delay.tries.map((words) => `"delayed ${example(names)} ${words}"`).join(' or ');
    return invalid(status, names, `${delay.problem.replace(/[^?]$/, '$&.')} For example ${tries}.`);
  }
  const reason = readReason(delay.rest);
  if (reason.length > MAX_REASON) return invalid(status, names, tooLong(reason));
  return { kind: 'answer', status, names, ...delay.move, ...(reason ? { reason } : {}), sure };
}

/** The reason as the person wrote it, without the punctuation that led into it. */
function readReason(s: string): string {
  // "can't do it - no budget": "it" is the action, not the reason.
  const reason = trimLead(trimLead(s).replace(/^(?:it|this|that)(?:\s+one)?(?=\s*(?:[:;,.-]|$))/i, '')).trim();
  return /^\([^()]*\)$/.test(reason) ? reason.slice(1, -1).trim() : reason;
}

function example(names: ActionName[]): string {
  const first = names[0];
  return first ? (first.kind === 'code' ? first.code : first.ref) : 'PB-14';
}

function tooLong(reason: string): string {
  return `The reason is too long (${reason.length >= 900 ? 'about 1,000 or more' : reason.length} characters; at most ${MAX_REASON}). Shorten it and send it again.`;
}

function invalid(status: AnswerStatus, names: ActionName[], problem: string): Intent {
  return { kind: 'invalid-answer', status, names, problem };
}
