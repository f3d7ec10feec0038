// How people name an action: a code ("PB-14", "#pb-14", "IW-4.1.1/g4"), a legacy id prefix
// ("#b801ad"), or the plan's own reference ("1.2.3", "2.3", "6a", "8 i").
import { MONTH_NAMES } from './dates.ts';
import type { ActionName } from './intent.ts';

const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3)).join('|');
// A name ends at a space, the end, or punctuation then a space or the end ("done 1.2.3.", "6a: …").
const END = String.raw`(?=$|\s|[:,;!?)](?:\s|$|[:,;!?)])|\.(?:\s|$)|,)`;
// A number followed by a month or a unit is a date or a span ("30 June", "3 weeks"), not a reference.
const NOT_A_DATE = String.raw`(?!\s+(?:${MONTHS})|\s*(?:days?|weeks?|months?|years?|fortnights?|st|nd|rd|th)\b|\s*\/\d)`;
const WORDS_BEFORE = String.raw`(?:(?:action|ref|reference|item|number|no\.?)\s+)?`;
const CODE = new RegExp(String.raw`^${WORDS_BEFORE}#?([a-z]{2,4}\d?)\s?-\s?(\d{1,4}(?:\.\d{1,3}){0,4}[a-z]?)(\/g\d{1,2})?${END}`, 'i');
// Without a dash only for a code the person can see ("pb14", "PB 14").
const CODE_NO_DASH = new RegExp(String.raw`^${WORDS_BEFORE}#?([a-z]{2,4})\s?(\d{1,4}(?:\.\d{1,3}){0,4}[a-z]?)(\/g\d{1,2})?${END}`, 'i');
const HASH_ID = new RegExp(String.raw`^${WORDS_BEFORE}#([0-9a-f]{4,16})${END}`, 'i');
const BARE_ID = new RegExp(String.raw`^${WORDS_BEFORE}((?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6,16})${END}`, 'i');
const REF = new RegExp(
  String.raw`^${WORDS_BEFORE}#?(\d{1,3}(?:\.\d{1,3}){0,4}(?:[a-z](?![a-z'])|\s(?:i{1,3}|iv|vi{0,3}|ix|x)(?![a-z']))?)${END}${NOT_A_DATE}`,
  'i',
);

/** One action name at the very start of `s`, and how many characters it took. */
export function readName(s: string, codes: readonly string[] = []): { name: ActionName; length: number } | null {
  const code = CODE.exec(s);
  if (code) return { name: { kind: 'code', code: codeOf(code) }, length: code[0].length };
  const bare = CODE_NO_DASH.exec(s);
  if (bare && codes.some((c) => c.toLowerCase() === bare[1]?.toLowerCase())) return { name: { kind: 'code', code: codeOf(bare) }, length: bare[0].length };
  const id = HASH_ID.exec(s) ?? BARE_ID.exec(s);
  if (id?.[1]) return { name: { kind: 'code', code: id[1].toLowerCase() }, length: id[0].length };
  const ref = REF.exec(s);
  if (ref?.[1]) return { name: { kind: 'ref', ref: ref[1].replace(/\s+/, ' ').toLowerCase() }, length: ref[0].length };
  return null;
}

/** "pb-14" → "PB-14", "iw-4.1.1/G4" → "IW-4.1.1/g4": the plan prefix in capitals, the rest as the plan writes it. */
function codeOf(match: RegExpExecArray): string {
  return `${(match[1] ?? '').toUpperCase()}-${(match[2] ?? '').toLowerCase()}${(match[3] ?? '').toLowerCase()}`;
}

const JOIN = /^\s*(?:,\s*(?:and\s+|&\s*)?|&\s*|\+\s*|\band\s+|\bor\s+)/i;

/** Names at the start of `s`, joined by commas, "and", "&": "3.1.4 and 3.6.1", "PB-3, PB-4". */
export function readNames(s: string, codes: readonly string[] = []): { names: ActionName[]; rest: string } {
  const names: ActionName[] = [];
  let rest = s;
  let first = readName(rest, codes);
  while (first) {
    const name = first.name;
    if (!names.some((n) => nameText(n) === nameText(name))) names.push(name);
    rest = rest.slice(first.length);
    const join = JOIN.exec(rest);
    const next = join ? readName(rest.slice(join[0].length), codes) : null;
    if (!join || !next) break;
    rest = rest.slice(join[0].length);
    first = next;
  }
  return { names, rest };
}

/** Every name anywhere in `s`, in order, each word tried once. */
export function findNames(s: string, codes: readonly string[] = []): ActionName[] {
  const names: ActionName[] = [];
  let at = 0;
  while (at < s.length) {
    const found = /(^|[\s(,:;])[#a-z0-9]/gi;
    found.lastIndex = at;
    const m = found.exec(s);
    if (!m) break;
    const start = m.index + (m[1] ?? '').length;
    const name = readName(s.slice(start), codes);
    if (name) names.push(name.name);
    at = start + (name?.length ?? 1);
  }
  return names;
}

/** How a name is written back to the person: the code, or the reference. */
export function nameText(name: ActionName): string {
  return name.kind === 'code' ? name.code : name.ref;
}
