// Commands named by their first words: status, summary, assign, unassign, who, merge, reopen, report.
import type { ActionName, Intent } from './intent.ts';
import { readNames } from './names.ts';
import { takeFilter, Words } from './filters.ts';
import { codesOf, type Reading } from './reading.ts';
import { cleanRole, matchPerson, matchPlan, matchRole } from './vocabulary.ts';

const STATUS_LEAD = /^(?:(?:show|give|get)\s+(?:me\s+)?)?(?:(?:the\s+)?(?:status|details?|info|history|progress|news|update|latest)|show|what(?:'s|s|\s+is)\s+(?:happening|going\s+on|the\s+(?:status|latest|news|story|update))|how(?:'s|s|\s+is)|where(?:'s|s|\s+is|\s+are\s+we)|any\s+(?:news|update|progress)|tell\s+me\s+about|what\s+about|is)(?:\s+(?:of|on|with|for|at))?\s+/i;
const STATUS_TAIL = /\s+(?:going|doing|getting\s+on|at|done|finished|complete|completed|blocked|delayed|overdue|late|on\s+track|status)(?:\s+yet)?$/i;

/** The one action a text names, whole, or null. */
function oneName(text: string, r: Reading): ActionName | null {
  const { names, rest } = readNames(text.trim(), codesOf(r));
  return names.length === 1 && rest.trim() === '' ? (names[0] ?? null) : null;
}

/** "status PB-14", "what's happening with 1.2.3", "how is 2.3 going?", "is PB-14 done?", "PB-14?". */
export function readStatus(r: Reading): Intent | null {
  const lead = STATUS_LEAD.exec(r.text);
  // Asked, the words of a status around a name are the question: "done 1.2.3?", "PB-14 blocked?".
  const body = lead ? r.text.slice(lead[0].length)
    : r.asked ? r.text.replace(/^(?:done|finished|completed?|blocked|delayed|overdue|late)\s+/i, '')
    : /\s(?:status|details|history|update|progress)$/i.test(r.text) ? r.text : null;
  if (body === null) return null;
  const name = oneName(body.replace(STATUS_TAIL, ''), r);
  return name ? { kind: 'status', name } : null;
}

const SUMMARY = /^(?:(?:show|give|get|the|a|plan|overall|quick)\s+(?:me\s+)?)*(?:summary|overview|dashboard|progress(?:\s+report)?|rag|headlines|how\s+are\s+(?:we|things)\s+(?:doing|going)|where\s+are\s+we(?:\s+at)?)(?![a-z])/i;

/** "summary", "summary for Bedfordshire", "summary grid 2". */
export function readSummary(r: Reading): Intent | null {
  const m = SUMMARY.exec(r.text);
  if (!m) return null;
  const words = new Words(r.text.slice(m[0].length));
  const filter = takeFilter(words, { ...r, asked: true });
  const left = words.text.replace(/\b(?:please|of|the|all|plans?|for|now)\b/gi, '').trim();
  if (left) {
    const plan = matchPlan(left, r.vocabulary);
    if (!plan || filter.plan) return null;
    filter.plan = plan;
  }
  return { kind: 'summary', filter };
}

const ASSIGN = /^(?:assign|give|allocate)\s+(?:the\s+)?(.+?)\s+(?:role\s+)?to\s+(.+)$/i;
const MAKE = /^make\s+(.+?)\s+the\s+(?:new\s+)?(.+)$/i;
const UNASSIGN = /^(?:unassign|remove|take|deallocate)\s+(?:the\s+)?(.+?)\s+(?:role\s+)?(?:from|off)\s+(.+)$/i;
const WHO = /^(?:who(?:'s|s|\s+is|\s+are|\s+holds|\s+has|\s+does)?)\s+(?:the\s+)?(?!is\b)(.+?)(?:\s+role)?(?:\s+(?:now|at\s+the\s+moment|currently|these\s+days))?$/i;
// "who am I", "who is my commissioner", "who are you": question words and pronouns are never a role.
const PRONOUN = /^(?:am\s+i|i|me|you|we|us|they|them|he|she|it|this|that|what|which|who|why|how|where|when|(?:my|your|our|their|his|her)\b.*)$/i;
const MERGE = /^(?:roles?\s+)?merge\s+(?:(?:the\s+)?roles?\s+)?(.+?)\s+(?:into|with|in\s+to)\s+(.+)$/i;

const person = (text: string, r: Reading): string => {
  const written = text.trim();
  return matchPerson(written, r.vocabulary) ?? r.mentions.find((m) => m.toLowerCase() === written.toLowerCase()) ?? written;
};
const role = (text: string, r: Reading): string => matchRole(text, r.vocabulary) ?? cleanRole(text);

/** "assign SMLO to Sam Patel", "give SMLO to <at>Sam</at>", "unassign SMLO from Sam", "merge X into Y". */
export function readRoleChange(r: Reading): Intent | null {
  const assign = ASSIGN.exec(r.text);
  if (assign) return { kind: 'assign', role: role(assign[1] ?? '', r), person: person(assign[2] ?? '', r) };
  const make = MAKE.exec(r.text);
  if (make) return { kind: 'assign', role: role(make[2] ?? '', r), person: person(make[1] ?? '', r) };
  const unassign = UNASSIGN.exec(r.text);
  if (unassign) return { kind: 'unassign', role: role(unassign[1] ?? '', r), person: person(unassign[2] ?? '', r) };
  const merge = MERGE.exec(r.text);
  if (merge) return { kind: 'merge-roles', from: cleanRole(merge[1] ?? ''), into: cleanRole(merge[2] ?? '') };
  return null;
}

/** "who is SMLO?", "who's the commissioner", "who holds the SMO role". */
export function readWho(r: Reading): Intent | null {
  const who = WHO.exec(r.text);
  if (who?.[1] && !readNames(who[1], codesOf(r)).names.length && !PRONOUN.test(who[1])) return { kind: 'who', role: role(who[1], r) };
  return null;
}

const REOPEN_LEAD = /^(?:re-?open|un-?done|undo\s+done(?:\s+(?:on|for))?|not\s+done|mark\s+)/i;
const REOPEN_AS = /^\s*(?:as\s+)?(?:not\s+done|open|undone|not\s+finished|not\s+complete(?:d)?)(?:\s+(?:yet|after\s+all))?$/i;
const NOT_DONE = /^\s*(?:is|was|are|were|has|have)?\s*(?:n't|not|isn't|isnt|wasn't|aren't|hasn't\s+been|has\s+not\s+been|not\s+actually)\s+(?:actually\s+)?(?:done|finished|complete(?:d)?)(?:\s+(?:yet|after\s+all))?(?:,?\s+sorry)?$/i;

/** "reopen PB-14", "not done PB-14", "mark PB-14 as not done", "PB-14 isn't done". */
export function readReopen(r: Reading): Intent | null {
  const codes = codesOf(r);
  const lead = REOPEN_LEAD.exec(r.text);
  if (lead) {
    const { names, rest } = readNames(r.text.slice(lead[0].length).trim(), codes);
    const marking = /^mark/i.test(lead[0]);
    if (names.length > 0 && (marking ? REOPEN_AS.test(rest) : /^\s*(?:please|again|after\s+all)?$/i.test(rest))) return { kind: 'reopen', names };
    return null;
  }
  const { names, rest } = readNames(r.text, codes);
  return names.length > 0 && NOT_DONE.test(rest.replace(/^\s*[:,-]/, '')) ? { kind: 'reopen', names } : null;
}

const REPORT = /^(?:(?:the|a|my|board|quarterly|progress|performance|plan)\s+)*report(?![a-z])/i;
const FORMAT = /\b(?:as\s+(?:a\s+)?|in\s+)?(?:pdf|word|docx)(?:\s+(?:file|document))?\b/i;
const QUARTER = /\b(?:(\d{4})\s*[-/ ]?\s*q([1-4])|q([1-4])(?:\s*[-/ ]?\s*(\d{4}))?)\b/i;

/** "report", "board report for Q3", "report for Bedfordshire 2026-Q3". */
export function readReport(r: Reading): Intent | null {
  const m = REPORT.exec(r.text);
  if (!m) return null;
  const words = new Words(r.text.slice(m[0].length));
  const q = words.take(QUARTER);
  const as = words.take(FORMAT);
  const format = as ? (/pdf/i.test(as[0]) ? 'pdf' : 'docx') : undefined;
  const left = words.text.replace(/\b(?:for|of|in|on|the|please|quarter|plan)\b/gi, ' ').trim();
  const plan = left ? matchPlan(left, r.vocabulary) : null;
  if (left && !plan) return null;
  const year = q?.[1] ?? q?.[4];
  const quarter = q ? `${year ? `${year}-` : ''}Q${q[2] ?? q[3]}` : undefined;
  return { kind: 'report', ...(quarter ? { quarter } : {}), ...(plan ? { plan } : {}), ...(format ? { format } : {}) };
}
