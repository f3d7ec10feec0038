// Questions that ask for a list: "what's overdue for grid 2?", "blocked by owner", "due tomorrow",
// "my actions in Bedfordshire", "what is due in January?". A list is read only when every word is
// understood, so "blocked 1.4.1: the data is due in 30 days" stays an answer.
import { addDays, financialYearOf } from '../calendar.ts';
import { financialQuarter, quarterOfDay } from './namedPeriods.ts';
import type { Intent, ListKind, Period } from './intent.ts';
import { takeBareNames, takeFilter, takeGroupBy, Words } from './filters.ts';
import { weekdayOf } from './dates.ts';
import { findPeriod, SOON_DAYS } from './periods.ts';
import type { Reading } from './reading.ts';

export const KINDS: [ListKind, RegExp][] = [
  ['overdue', /\b(?:overdue|late|past\s+(?:due|deadline)|behind(?:\s+schedule)?|missed)\b/i],
  ['blocked', /\b(?:blocked|stuck)\b/i],
  ['delayed', /\b(?:delayed|postponed|slipped|pushed\s+back)\b/i],
  ['done', /\b(?:done|finish(?:ed)?|completed?|closed)\b/i],
  ['due', /\b(?:due|deadlines?|needs?\s+doing|to\s+be\s+done)\b/i],
];
// The words an answer also starts with: alone (no "?", no noun, no filter) they are answers.
const ANSWER_WORDS = new Set<ListKind>(['blocked', 'delayed', 'done']);
const NOUN = /\b(?:actions?|tasks?|items?|ones|things|list|everything)\b/i;
const ASKING = /^(?:(?:please|pls|can\s+you|could\s+you|can\s+i\s+(?:have|see|get)|i'd\s+like|i\s+want)\s+)*(?:(?:show|list|get|display|see|view|give\s+(?:me|us)|tell\s+(?:me|us))(?:\s+(?:me|us))?\s+)?/i;
const WHO = /^who(?:'s|\s+is|\s+are|s)\s+/i;
// "what does Sam Patel have?" asks for the actions of Sam Patel.
const WHAT_DOES = /^what\s+(?:does|has)\s+(.+?)\s+(?:have|got|own|hold)(?:\s+(?:on|to\s+do|open))?(?=\s|$)/i;
export const FILLER = new Set(['what', 'whats', "what's", 'which', 'is', 'are', 'was', 'were', 's', "'s", 'the', 'a', 'an', 'any', 'anything', 'all', 'me', 'us',
  'please', 'there', 'have', 'has', 'had', 'been', 'being', 'still', 'currently', 'now', 'right', 'at', 'the', 'moment', 'that', 'those', 'these', 'ones',
  'things', 'items', 'item', 'actions', 'action', 'tasks', 'task', 'list', 'everything', 'how', 'many', 'do', 'does', 'got', 'so', 'far', 'yet', 'already',
  'open', 'outstanding', 'pending', 'our', 'we', 'i', 'else', 'did', 'wat', 'wot', 'whta', 'wht', 'just', 'in', 'total', 'then', 'one', 'can', 'see', 'show', 'count', 'number', 'of', 'to', 'be']);

export function periodLabel(kind: ListKind, phrase: string): string {
  return `${kind === 'overdue' || kind === 'blocked' || kind === 'done' || kind === 'delayed' ? kind : 'due'} ${phrase}`;
}

/** A list question, or null when some word of the message is not part of one. */
export function readList(r: Reading): Intent | null {
  const words = new Words(r.text.replace(ASKING, '').replace(WHAT_DOES, 'actions for $1'));
  const explicit = words.text !== r.text;
  const who = words.take(WHO) !== null;
  const found = findPeriod(words.text, r.today);
  if (found) words.text = `${words.text.slice(0, found.index)} ${words.text.slice(found.index + found.length)}`;
  const groupBy = takeGroupBy(words) ?? (who ? 'owner' : undefined);
  let list: ListKind | undefined;
  for (const [kind, pattern] of KINDS) if (!list && words.take(pattern)) list = kind;
  // Names nobody has are placed by their look only where no answer could be meant.
  const filter = takeFilter(words, { ...r, asked: r.asked || (list !== undefined && !ANSWER_WORDS.has(list)) });
  // Answer words narrowed only by a bare name ("blocked Sam Patel") stay answers; see below.
  const narrowed = Object.keys(filter).length > 0;
  takeBareNames(words, r, filter, (w) => FILLER.has(w.toLowerCase()));
  // "who is SMLO?" asks who; "who is overdue?" asks for a list.
  if (who && !list) return null;
  const noun = NOUN.test(words.text);
  const leftover = words.text.toLowerCase().split(/[\s,]+/).filter((w) => w && !FILLER.has(w));
  if (leftover.length > 0) return null;

  if (filter.mine && (!list || list === 'due') && !found) {
    delete filter.mine;
    list = 'mine';
  }
  list ??= found ? 'due' : Object.keys(filter).length > 0 && (noun || explicit || r.asked) ? 'all' : undefined;
  if (!list) return null;
  // "done today" is an owner saying so; "done actions today?" or "done by owner" is asking.
  if (ANSWER_WORDS.has(list) && !r.asked && !explicit && !noun && !narrowed && !groupBy) return null;

  let period: Period | undefined;
  if (found) period = { ...pastPart(list, found, r.today), label: periodLabel(list, found.phrase) };
  else if (list === 'due') period = { from: r.today, to: addDays(r.today, SOON_DAYS), label: periodLabel(list, `in the next ${SOON_DAYS} days`) };
  return { kind: 'list', list, filter, ...(period ? { period } : {}), ...(groupBy ? { groupBy } : {}) };
}

/** What is done is in the past: "done this week" is Monday to today, "done this month" the 1st to today. */
export function pastPart(list: ListKind, found: { from: string; to: string; phrase: string }, today: string): { from: string; to: string } {
  if (list !== 'done') return { from: found.from, to: found.to };
  if (found.phrase === 'this week') return { from: addDays(today, -((weekdayOf(today) + 6) % 7)), to: today };
  if (found.phrase === 'this month') return { from: `${today.slice(0, 8)}01`, to: today };
  if (found.phrase === 'this quarter') return { from: financialQuarter(quarterOfDay(today).year, quarterOfDay(today).n).from, to: today };
  if (found.phrase === 'this financial year') return { from: financialYearOf(today).start, to: today };
  return { from: found.from, to: found.to };
}
