import { compareDates, isoDate, isValidIsoDate, lastDayOfMonth } from './calendar.ts';
import { normaliseByWhen, tokenizeByWhen, type ByWhenToken } from './byWhenTokens.ts';
import { occurrences, stepOf } from './occurrences.ts';
import type { Due, Every, IsoDate, PlanPeriod } from './plan.ts';

// Real cells are under 100 characters; anything far longer is a mis-split row, not a deadline.
const MAX_LENGTH = 400;
// More unfamiliar words than this and the cell is prose that happens to mention a month.
const MAX_UNKNOWN_WORDS = 15;
// "As required" or "Ongoing" with a few words around it still reads as that; a sentence does not.
const MAX_WORDS_AROUND_STATUS = 3;

/** A date the cell names, and where it stands among the tokens. */
interface Mention {
  at: number;
  date: IsoDate;
}

/** What parseByWhen read from one "By when" cell. */
export interface ByWhenReading {
  due: Due;
  warning: string | null;
}

function unreadable(raw: string): ByWhenReading {
  return { due: { kind: 'unparsed' }, warning: `could not read "By when": "${raw}"` };
}

function dateOf(year: number, month: number, day: number | null): IsoDate | null {
  if (day === null) return lastDayOfMonth(year, month);
  const d = isoDate(year, month, day);
  return isValidIsoDate(d) ? d : null;
}

/** The first such day on (or strictly after) `after`: "June" in a 2008/09 plan is 2008-06-30. */
function nextDateOf(month: number, day: number | null, after: IsoDate, strictly: boolean): IsoDate | null {
  const year = Number(after.slice(0, 4));
  const d = dateOf(year, month, day);
  if (d === null) return null;
  const cmp = compareDates(d, after);
  return cmp > 0 || (cmp === 0 && !strictly) ? d : dateOf(year + 1, month, day);
}

/**
 * Turns date tokens into dates. A month without a year takes the year written after it in a list
 * ("Jun, Sept, Dec 11"), else follows the date before it, else falls inside the plan period.
 */
function resolveMentions(tokens: ByWhenToken[], period: PlanPeriod): Mention[] | null {
  const mentions: Mention[] = [];
  for (const [at, token] of tokens.entries()) {
    let date: IsoDate | null;
    if (token.t === 'financialYear') date = isoDate(token.endYear, 3, 31);
    else if (token.t !== 'date') continue;
    else if (token.year !== null) date = dateOf(token.year, token.month, token.day);
    else {
      const later = tokens.slice(at + 1).find((t) => t.t === 'date' && t.year !== null);
      const previous = mentions.at(-1)?.date;
      if (later?.t === 'date' && later.year !== null) date = dateOf(later.year, token.month, token.day);
      else if (previous !== undefined) date = nextDateOf(token.month, token.day, previous, true);
      else date = nextDateOf(token.month, token.day, period.start, false);
    }
    if (date === null) return null;
    mentions.push({ at, date });
  }
  return mentions;
}

function sortedUnique(dates: IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort(compareDates);
}

function datesDue(dates: IsoDate[]): Due {
  const unique = sortedUnique(dates);
  return unique.length === 1 ? { kind: 'date', date: unique[0]! } : { kind: 'dates', dates: unique };
}

function approximateDays(every: Every): number {
  const step = stepOf(every);
  return 'days' in step ? step.days : step.months * 30;
}

/** The mention straight after a marker token ("from Sept 11", "until Mar 12"), if any. */
function afterMarker(tokens: ByWhenToken[], mentions: Mention[], marker: ByWhenToken['t'], from = 0, to = tokens.length): Mention | undefined {
  return mentions.find((m) => m.at > from && m.at < to && tokens[m.at - 1]?.t === marker);
}

/** A cell with no recurrence: one date, a list, or a range "July 09 – Mar 10" meaning by the end. */
function readDates(tokens: ByWhenToken[], mentions: Mention[]): Due | null {
  const kept = mentions.filter((m, i) => {
    const next = mentions[i + 1];
    const link = tokens[m.at + 1]?.t;
    return !(next !== undefined && next.at === m.at + 2 && (link === 'dash' || link === 'to'));
  });
  return kept.length === 0 ? null : datesDue(kept.map((m) => m.date));
}

/**
 * A cell with a recurrence. The most frequent one wins ("Monthly/ Quarterly" → monthly). It starts
 * at its own "from/starting X", else at the date written before it ("Apr 11 and monthly"). Other dates that
 * the schedule does not already cover turn the whole cell into a list of dates through the period.
 */
function readRecurring(tokens: ByWhenToken[], mentions: Mention[], period: PlanPeriod): Due {
  const recurrences = [...tokens.entries()].filter(([, t]) => t.t === 'every');
  let [chosenAt, chosen] = recurrences[0]!;
  for (const [at, t] of recurrences) {
    if (t.t === 'every' && chosen.t === 'every' && approximateDays(t.every) < approximateDays(chosen.every)) [chosenAt, chosen] = [at, t];
  }
  const every = chosen.t === 'every' ? chosen.every : '1 year';
  const nextRecurrence = recurrences.find(([at]) => at > chosenAt)?.[0] ?? tokens.length;
  const hasYear = tokens.some((t) => t.t === 'financialYear' || (t.t === 'date' && t.year !== null));
  const start = afterMarker(tokens, mentions, 'from', chosenAt, nextRecurrence) ?? afterMarker(tokens, mentions, 'from', -1, chosenAt);
  // "Quarterly each year (Jun, Sept, Dec and Mar)" names the quarter ends, not a start.
  if (!hasYear && start === undefined) return { kind: 'recurring', every, from: null, until: null };

  const until = afterMarker(tokens, mentions, 'until') ?? afterMarker(tokens, mentions, 'to') ?? afterMarker(tokens, mentions, 'dash');
  const candidates = mentions.filter((m) => m !== until);
  const anchor = start ?? candidates.filter((m) => m.at < chosenAt).at(-1) ?? candidates.find((m) => m.at > chosenAt);
  const recurring: Due = { kind: 'recurring', every, from: anchor?.date ?? null, until: until?.date ?? null };
  const schedule = occurrences(recurring, period);
  const covered = new Set(schedule);
  const others = candidates.filter((m) => m !== anchor && !covered.has(m.date)).map((m) => m.date);
  return others.length === 0 ? recurring : datesDue([...others, ...schedule]);
}

function statedDates(due: Due): IsoDate[] {
  if (due.kind === 'date') return [due.date];
  if (due.kind === 'dates') return due.dates;
  if (due.kind === 'recurring') return [due.from, due.until].filter((d): d is IsoDate => d !== null);
  if (due.kind === 'ongoing' && due.from !== undefined) return [due.from];
  return [];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** "June 08" in a 2009/10 plan is most likely June 09: say so when a year later falls inside the plan. */
function typoHint(d: IsoDate, period: PlanPeriod): string {
  const later = `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
  if (compareDates(later, period.start) < 0 || compareDates(later, period.end) > 0) return '';
  return `: a typo for ${MONTH_NAMES[Number(d.slice(5, 7)) - 1] ?? ''} ${later.slice(2, 4)}?`;
}

function periodWarning(due: Due, period: PlanPeriod): string | null {
  const range = `the plan period ${period.start} – ${period.end}`;
  const problems = statedDates(due).flatMap((d) => {
    if (compareDates(d, period.start) < 0) return [`${d} is before the plan starts (${period.start})${typoHint(d, period)}`];
    if (compareDates(d, period.end) > 0) return [`${d} is after ${range}`];
    return [];
  });
  return problems.length === 0 ? null : problems.join('; ');
}

function read(tokens: ByWhenToken[], period: PlanPeriod): Due | null {
  const unknown = tokens.filter((t) => t.t === 'word' && !t.filler).length;
  if (unknown > MAX_UNKNOWN_WORDS) return null;
  // "May" alone is a month; "staff may attend" is not.
  const meaningful = unknown === 0 ? tokens : tokens.map((t): ByWhenToken => (t.t === 'date' && t.bareMay ? { t: 'word', filler: false } : t));
  const mentions = resolveMentions(meaningful, period);
  if (mentions === null) return null;
  if (meaningful.some((t) => t.t === 'every')) return readRecurring(meaningful, mentions, period);
  const ongoing = meaningful.some((t) => t.t === 'ongoing');
  // "June 2008 - ongoing", "October 2009 and ongoing": work that starts then and never ends; a single
  // date here would nag as overdue for ever.
  if (ongoing && mentions.length === 1 && unknown <= MAX_WORDS_AROUND_STATUS) return { kind: 'ongoing', from: mentions[0]!.date };
  const dates = readDates(meaningful, mentions);
  if (dates !== null) return dates;
  if (unknown > MAX_WORDS_AROUND_STATUS) return null;
  if (ongoing) return { kind: 'ongoing' };
  if (meaningful.some((t) => t.t === 'asRequired')) return { kind: 'as-required' };
  return null;
}

/**
 * Reads a "By when" cell as the plan's author meant it, resolved against the plan period:
 * "Sept 11" is 2011-09-30, "Quarterly starting Jun 11" recurs every three months from 2011-06-30.
 * Never throws: what it cannot read comes back unparsed, with a warning for the importer.
 */
export function parseByWhen(raw: string, period: PlanPeriod): ByWhenReading {
  try {
    if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return unreadable(String(raw).slice(0, 80));
    const text = normaliseByWhen(raw);
    if (text === '') return raw.trim() === '' ? { due: { kind: 'none' }, warning: null } : unreadable(raw);
    const due = read(tokenizeByWhen(text), period);
    return due === null ? unreadable(raw) : { due, warning: periodWarning(due, period) };
  } catch {
    // A reading bug must cost one row, not the whole import.
    return unreadable(String(raw).slice(0, 80));
  }
}
