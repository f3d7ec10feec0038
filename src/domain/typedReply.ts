import * as chrono from 'chrono-node';
import type { IsoDate } from './plan.ts';
import { isoDate, isValidIsoDate, lastDayOfMonth } from './calendar.ts';
import { MAX_REASON } from './answers.ts';

/** A typed answer read from a chat message, or what is wrong with it. */
export type TypedReply =
  | { kind: 'done' | 'delayed' | 'blocked'; ref: string | null; newDate?: IsoDate; reason?: string }
  | { kind: 'invalid'; problem: string };


const KEYWORDS: [RegExp, 'done' | 'delayed' | 'blocked'][] = [
  [/^(?:done|completed?|finished)\b/i, 'done'],
  [/^(?:delay(?:ed)?|postponed?|deferred)\b/i, 'delayed'],
  [/^(?:blocked|block|stuck)\b/i, 'blocked'],
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// A plan reference: "1.2.3", "2.3", "6a", "8 i". It must end at a space or punctuation, and a number
// followed by a month or a unit ("30 June", "3 weeks") is a date, not a reference.
const REF = new RegExp(
  String.raw`^(\d+(?:\.\d+)*(?:[a-z](?![a-z])|\s(?:i{1,3}|iv|vi{0,3}|ix|x)(?![a-z]))?)` +
    String.raw`(?=$|\s|[:,;!.](?:\s|$))(?!\s+(?:${MONTHS.join('|')}|days?\b|weeks?\b|months?\b|years?\b))`,
  'i',
);

const SEPARATORS = /^[\s:;,.!\-–—]+/;
const DELAY_TO = /^(?:to|until|till|til|->|→)\s+/i;
const REASON_LEAD = /^(?:because|since|as)\s+/i;
const END_OF = new RegExp(String.raw`^(?:the\s+)?end\s+of\s+(${MONTHS.join('|')})[a-z]*\.?(?:\s+(\d{4}))?`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})\b/;
const UK = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/;

const trimLead = (s: string): string => s.replace(SEPARATORS, '');

function takeRef(s: string): { ref: string | null; rest: string } {
  const m = REF.exec(s);
  return m?.[1] ? { ref: m[1].replace(/\s+/g, ' '), rest: s.slice(m[1].length) } : { ref: null, rest: s };
}

/** The next time a day of a month comes round, on or after today. */
function nextOn(month: number, day: number | 'end', today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const on = (y: number): IsoDate => (day === 'end' ? lastDayOfMonth(y, month) : isoDate(y, month, day));
  return on(year) >= today ? on(year) : on(year + 1);
}

type DateRead = { date: IsoDate; rest: string } | { problem: string } | null;

/** Reads a UK date at the start of `s`: "end of July", 2027-07-31, 31/07/2027, or words via chrono. */
function readDate(s: string, today: IsoDate): DateRead {
  const end = END_OF.exec(s);
  if (end?.[1]) {
    const month = MONTHS.indexOf(end[1].slice(0, 3).toLowerCase()) + 1;
    const date = end[2] ? lastDayOfMonth(Number(end[2]), month) : nextOn(month, 'end', today);
    return { date, rest: s.slice(end[0].length) };
  }
  const iso = ISO.exec(s);
  const uk = iso ? null : UK.exec(s);
  if (iso || uk) {
    const written = (iso ?? uk)?.[0] ?? '';
    let date: IsoDate;
    if (iso) date = written;
    else {
      const [, d, m, y] = uk ?? [];
      const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
      date = year === null ? nextOn(Number(m), Number(d), today) : isoDate(year, Number(m), Number(d));
    }
    return isValidIsoDate(date) ? { date, rest: s.slice(written.length) } : { problem: `${written} is not a date` };
  }
  const found = chrono.en.GB.parse(s, { instant: new Date(`${today}T12:00:00Z`), timezone: 0 }, { forwardDate: true })[0];
  if (!found || found.index !== 0) return null;
  const start = found.start;
  if (!start.isCertain('day') && !start.isCertain('weekday') && start.isCertain('month')) {
    const month = found.text.replace(/[\s:;,.\-–—]+$/, '');
    return { problem: `which day of ${month}? Say, for example, "end of ${month}" or a date like 31/07/2027` };
  }
  const date = isoDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
  return isValidIsoDate(date) ? { date, rest: s.slice(found.text.length) } : { problem: `${found.text} is not a date` };
}

function readReason(s: string, kind: 'delayed' | 'blocked'): string | { problem: string } {
  const reason = trimLead(s).replace(REASON_LEAD, '').trim();
  const example = kind === 'blocked' ? '"blocked: waiting for sign-off"' : '"delayed to 31/07/2027 because the venue is booked"';
  if (reason.length === 0) return { problem: `a reason is needed, for example ${example}` };
  if (reason.length > MAX_REASON) return { problem: `the reason is too long (${reason.length} characters; at most ${MAX_REASON})` };
  return reason;
}

/**
 * Reads a typed answer: "done", "1.2.3 done", "delayed to 30 June because …", "blocked 6a waiting for
 * sign-off". Dates are UK style; a day without a year means the next one on or after today.
 * Returns null when the message is not an answer at all ("what's overdue?").
 */
export function readReply(text: string, today: IsoDate): TypedReply | null {
  let s = text.trim();
  let { ref, rest } = takeRef(s);
  if (ref) s = trimLead(rest);
  const keyword = KEYWORDS.find(([pattern]) => pattern.test(s));
  if (!keyword) return null;
  const [pattern, kind] = keyword;
  rest = trimLead(s.replace(pattern, ''));
  if (!ref) ({ ref, rest } = takeRef(rest));

  if (kind === 'done') return { kind, ref };
  if (kind === 'blocked') {
    const reason = readReason(rest, kind);
    return typeof reason === 'string' ? { kind, ref, reason } : { kind: 'invalid', problem: reason.problem };
  }
  const read = readDate(trimLead(rest).replace(DELAY_TO, ''), today);
  if (read === null) return { kind: 'invalid', problem: 'delayed to when? For example "delayed to 31/07/2027 because the venue is booked"' };
  if ('problem' in read) return { kind: 'invalid', problem: read.problem };
  const reason = readReason(read.rest, kind);
  if (typeof reason !== 'string') return { kind: 'invalid', problem: reason.problem };
  return { kind, ref, newDate: read.date, reason };
}
