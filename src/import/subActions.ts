// One extracted row sometimes holds several numbered sub-actions ("6a Pilot … 6b Assess need …")
// with their dates and owners run together; each sub-action is its own job with its own deadline.
import { dateMentions } from './planText.ts';

/** One sub-action cut out of a row. */
export interface SubAction {
  /** Null for the row's own action before its lettered ones ("Evaluate accessibility … 7a …"). */
  ref: string | null;
  text: string;
  when: string;
  who: string;
}

/** A row cut into sub-actions: text before the first reference, the parts, and what could not be shared out. */
export interface SubSplit {
  preamble: string;
  parts: SubAction[];
  warnings: string[];
}

interface RefMark {
  num: string;
  letter: number;
  start: number;
  end: number;
}

/** The longest run of references with one number and consecutive letters: 7a, 7b, 7c. */
function refChain(text: string): RefMark[] {
  const marks: RefMark[] = [];
  for (const match of text.matchAll(/(^|\s)(\d{1,2})([a-z])(?=\s)/g)) {
    const start = (match.index ?? 0) + (match[1] ?? '').length;
    marks.push({ num: match[2] ?? '', letter: (match[3] ?? 'a').charCodeAt(0), start, end: start + (match[0].length - (match[1] ?? '').length) });
  }
  let best: RefMark[] = [];
  for (const num of new Set(marks.map((mark) => mark.num))) {
    let chain: RefMark[] = [];
    for (const mark of marks.filter((m) => m.num === num)) {
      const last = chain.at(-1);
      if (last === undefined || mark.letter === last.letter + 1) chain.push(mark);
      else if (chain.length < 2) chain = [mark];
      else break;
    }
    if (chain.length > best.length) best = chain;
  }
  return best.length >= 2 ? best : [];
}

/** Gives `items` out in order when their count is a multiple of `n`; null otherwise. */
function shareOut(items: string[], n: number, separator: string): string[] | null {
  if (items.length === 0 || items.length % n !== 0) return null;
  const each = items.length / n;
  return Array.from({ length: n }, (_, i) => items.slice(i * each, (i + 1) * each).join(separator));
}

/**
 * Splits a row holding several sub-actions, or returns null when it holds one. Dates and owner
 * chunks (separated by 2+ spaces) are shared out in order when they divide evenly; otherwise
 * `groupOwners` may cut a run-together owner cell into groups; otherwise every sub-action keeps them
 * all and a warning says so.
 */
export function splitSubActions(text: string, when: string, who: string, groupOwners?: (who: string, n: number) => string[] | null): SubSplit | null {
  const chain = refChain(text);
  if (chain.length === 0) return null;
  const preamble = text.slice(0, chain[0]?.start ?? 0).trim();
  const dates = dateMentions(when);
  // Interleaved date columns: one date more than sub-actions, and words before the first of them,
  // is the row's own action with its date first ("Evaluate … Apr 10; 7a … May 10; 7b … Apr 10; 7c … Sep 10").
  const ownAction = preamble !== '' && dates.length === chain.length + 1;
  const n = chain.length + (ownAction ? 1 : 0);
  const warnings: string[] = [];
  const whens = shareOut(dates, n, ' ');
  if (whens === null && dates.length > 1) {
    warnings.push(`${dates.length} dates for ${n} sub-actions: each keeps all of "${when}"`);
  }
  const chunks = who.split(/\s{2,}/).map((chunk) => chunk.trim()).filter((chunk) => chunk !== '');
  let whos = shareOut(chunks, n, '  ');
  if (whos === null && chunks.length > 0 && groupOwners !== undefined) {
    whos = groupOwners(who, n);
    if (whos !== null) warnings.push(`owners "${who.trim()}" shared out at roles run together: ${whos.map((w) => `"${w}"`).join(', ')} (roles named on their own elsewhere in the plan)`);
  }
  if (whos === null && chunks.length > 0) {
    warnings.push(`${chunks.length} owner group(s) for ${n} sub-actions: each keeps all of "${who.trim()}"`);
  }
  const pieces = [
    ...(ownAction ? [{ ref: null, text: preamble }] : []),
    ...chain.map((mark, i) => ({ ref: text.slice(mark.start, mark.end).trim(), text: text.slice(mark.end, chain[i + 1]?.start ?? text.length).trim() })),
  ];
  const parts = pieces.map((piece, i) => ({ ...piece, when: whens?.[i] ?? when, who: whos?.[i] ?? who }));
  return { preamble: ownAction ? '' : preamble, parts, warnings };
}
