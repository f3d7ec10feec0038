// The parts a question is built from, each cut out of the words once found: what is counted (a list
// kind), the filter (plan, grid, person, role, "mine"), a period ("in Q4", "before Christmas"), an age
// ("more than 3 months overdue") and a day to look back to ("since last week"). A question is read
// only when no word is left over that it does not understand.
import { addDays } from '../calendar.ts';
import type { IsoDate } from '../plan.ts';
import { numberFrom, readDate, weekdayNumber, weekdayOf, WEEKDAY } from './dates.ts';
import { takeBareNames, takeFilter, Words } from './filters.ts';
import type { ListFilter, ListKind, Period, Shift } from './intent.ts';
import { FILLER, KINDS, pastPart, periodLabel } from './lists.ts';
import { findNames } from './names.ts';
import { findPeriod, SOON_DAYS } from './periods.ts';
import { codesOf, type Reading } from './reading.ts';

/** True when the words name an action ("how is 2.3 going?" asks its status); "grid 2" names none. */
export function namesIn(text: string, r: Reading): boolean {
  // A person or role with a number in its name ("Officer 1") is not an action's reference.
  let plain = text.replace(/\b(?:grid|section)\s*\d{1,2}\b|\bg\d{1,2}\b/gi, ' ');
  for (const name of [...r.vocabulary.people, ...r.vocabulary.roles]) if (/\d/.test(name)) plain = plain.split(name).join(' ');
  return findNames(plain, codesOf(r)).length > 0;
}

/** What a question is narrowed to. */
export interface Scope {
  list?: ListKind;
  filter: ListFilter;
  period?: Period;
}

// Words a question may carry that say nothing about what it asks.
const MORE_FILLER = new Set(['running', 'plan', 'plans', 'partnership', 'partnerships', 'area', 'areas', 'overall', 'across', 'altogether', 'and', 'currently',
  'with', 'for', 'on', 'we', 'you', 'tell', 'know', 'like', 'would', 'please', 'right', 'now', 'today', 'there', 'up', 'by', 'as', 'it', 'out', 'them', 'they']);
const isFiller = (w: string): boolean => FILLER.has(w.toLowerCase()) || MORE_FILLER.has(w.toLowerCase());

// Words at either end of a partnership's name that do not tell plans apart ("Safer Peterborough Partnership").
const EDGE = /^(?:(?:the|safer|stronger|and|communities|community|partnership|dat|daat|smat|plan)\s+)+|(?:\s+(?:the|safer|stronger|and|communities|community|partnership|dat|daat|smat|plan))+$/gi;

/** A plan named by its partnership's own words with no "in" before them ("the Isle of Wight plan"), cut; its code. */
function takePlanName(words: Words, r: Reading): string | null {
  for (const plan of r.vocabulary.plans) {
    const core = plan.partnership.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().replace(EDGE, '').trim();
    if (core.split(' ').length < 2) continue;
    const at = words.text.toLowerCase().indexOf(core.toLowerCase());
    if (at >= 0 && /^(?:$|[\s,?])/.test(words.text.slice(at + core.length)) && (at === 0 || /\s/.test(words.text[at - 1] ?? ''))) {
      words.text = `${words.text.slice(0, at)} ${words.text.slice(at + core.length)}`;
      return plan.code;
    }
  }
  return null;
}

/** Cuts the list kind, filter and period from `text`; null when a word is left that is not one of them. */
export function readScope(text: string, r: Reading, words = new Words(text)): Scope | null {
  if (namesIn(words.text, r)) return null;
  const found = findPeriod(words.text, r.today);
  if (found) words.text = `${words.text.slice(0, found.index)} ${words.text.slice(found.index + found.length)}`;
  let list: ListKind | undefined;
  for (const [kind, pattern] of KINDS) if (!list && words.take(pattern)) list = kind;
  const named = takePlanName(words, r);
  const filter = takeFilter(words, { ...r, asked: true });
  if (named && !filter.plan) filter.plan = named;
  takeBareNames(words, r, filter, isFiller);
  const leftover = words.text.split(/[\s,]+/).filter((w) => w && !isFiller(w));
  if (leftover.length > 0) return null;
  if (!found) return { ...(list ? { list } : {}), filter };
  const kind = list ?? 'due';
  return { ...(list ? { list } : {}), filter, period: { ...pastPart(kind, found, r.today), label: periodLabel(kind, found.phrase) } };
}

/** The period a count of due actions covers when none is written: the next 14 days, as lists do. */
export function soonPeriod(today: IsoDate): Period {
  return { from: today, to: addDays(today, SOON_DAYS), label: `due in the next ${SOON_DAYS} days` };
}

const N = String.raw`(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const UNIT = String.raw`(days?|weeks?|months?|years?)`;
const MORE = String.raw`(?:(?:more|longer)\s+than|over|at\s+least|upwards\s+of|older\s+than|>\s*)`;
const AGE = new RegExp(String.raw`\b${MORE}\s*${N}\s+${UNIT}\s+(?:overdue|late|behind|past\s+(?:due|deadline|the\s+deadline)|old)\b|\b(?:overdue|late|behind)\s+(?:by|for)\s+${MORE}\s*${N}\s+${UNIT}`, 'i');

/** "more than 3 months overdue", "overdue by over six weeks": how long past its date, cut from the words. */
export function takeAge(words: Words): Shift | null {
  const m = words.take(AGE);
  if (!m) return null;
  const amount = numberFrom((m[1] ?? m[3] ?? '').replace(/^an$/i, 'a'));
  const unit = (m[2] ?? m[4] ?? '').toLowerCase();
  if (!Number.isFinite(amount) || amount <= 0) return null;
  if (unit.startsWith('year')) return { amount: amount * 12, unit: 'month' };
  return { amount, unit: unit.startsWith('day') ? 'day' : unit.startsWith('week') ? 'week' : 'month' };
}

const SINCE_WORDS: [RegExp, (m: RegExpExecArray, today: IsoDate) => IsoDate | null][] = [
  [/\b(?:since|in|over|during)\s+(?:the\s+)?(?:last|past)\s+week\b|\bsince\s+last\s+week\b|\blast\s+week\b|\b(?:this|the\s+past)\s+week\b(?=.*\bchang)|\brecently\b|\blately\b/i, (_m, today) => addDays(today, -7)],
  [/\b(?:since\s+)?yesterday\b/i, (_m, today) => addDays(today, -1)],
  [/\b(?:since\s+(?:this\s+morning|the\s+start\s+of\s+today)|today)\b/i, (_m, today) => today],
  [/\b(?:since\s+the\s+start\s+of\s+|since\s+|in\s+|during\s+)?this\s+week\b/i, (_m, today) => addDays(today, -((weekdayOf(today) + 6) % 7))],
  [/\b(?:since\s+the\s+start\s+of\s+|since\s+|in\s+|during\s+)?this\s+month\b/i, (_m, today) => `${today.slice(0, 8)}01`],
  [/\b(?:since|in|during)\s+(?:the\s+)?last\s+month\b|\bsince\s+last\s+month\b/i, (_m, today) => {
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  }],
  [new RegExp(String.raw`\b(?:in|over|during)\s+the\s+(?:last|past)\s+${N}\s+(days?|weeks?)\b`, 'i'), (m, today) => {
    const n = numberFrom((m[1] ?? '').replace(/^an$/i, 'a'));
    return Number.isFinite(n) && n > 0 && n <= 366 ? addDays(today, -n * ((m[2] ?? '').startsWith('w') ? 7 : 1)) : null;
  }],
  [new RegExp(String.raw`\bsince\s+(?:last\s+)?${WEEKDAY}`, 'i'), (m, today) => {
    const day = weekdayNumber(m[1] ?? '');
    return day < 0 ? null : addDays(today, -((weekdayOf(today) - day + 7) % 7));
  }],
];

/** "since last week", "since Friday", "since 1 November", "in the last 10 days": the first day looked back to, cut from the words. */
export function takeSince(words: Words, today: IsoDate): IsoDate | null {
  for (const [pattern, read] of SINCE_WORDS) {
    const m = pattern.exec(words.text);
    const day = m ? read(m, today) : null;
    if (m && day) {
      words.cut(m);
      return day;
    }
  }
  const since = /\b(?:since|after)\s+/i.exec(words.text);
  if (!since) return null;
  const after = words.text.slice(since.index + since[0].length);
  const read = readDate(after, today);
  if (!read || !('date' in read)) return null;
  // A day without a year that has not come yet this year is last year's.
  const day = read.date > today ? `${Number(read.date.slice(0, 4)) - 1}${read.date.slice(4)}` : read.date;
  words.text = `${words.text.slice(0, since.index)} ${read.rest}`;
  return day;
}
