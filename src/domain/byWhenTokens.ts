import type { Every } from './plan.ts';

/** One meaningful piece of a "By when" cell, in reading order. */
export type ByWhenToken =
  | { t: 'date'; month: number; day: number | null; year: number | null; bareMay: boolean }
  | { t: 'financialYear'; endYear: number }
  | { t: 'every'; every: Every }
  | { t: 'ongoing' }
  | { t: 'asRequired' }
  | { t: 'from' }
  | { t: 'until' }
  | { t: 'to' }
  | { t: 'dash' }
  | { t: 'number' }
  | { t: 'word'; filler: boolean };

// Longest spellings first inside each alternative; "(?![a-z])" stops "mar" matching "market".
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![a-z])';
const ORD = '(?:\\s?(?:st|nd|rd|th)(?![a-z]))';
const YEAR = '(\\d{4}|\\d{2})(?!\\d)';

const PATTERNS: Array<[string, string]> = [
  ['every2m', '(?:at least\\s)?every\\s(?:two|2)\\smonths|bi\\s?-?\\s?monthly'],
  ['every3m', 'every\\s(?:three|3)\\smonths|quarterly'],
  ['every6m', 'every\\s(?:six|6)\\smonths|(?:6|six)\\s?-?\\s?monthly|half\\s?-?\\s?yearly'],
  ['every1m', 'every\\smonth|monthly'],
  ['every1w', 'every\\sweek|weekly'],
  ['every1y', 'every\\syear|annually|annual|yearly'],
  ['ongoing', 'on\\s?-?\\s?going'],
  ['asRequired', 'as\\s(?:and\\swhen\\s)?(?:required|appropriate|needed|necessary)'],
  ['financialYear', '(20\\d\\d)\\s?/\\s?(\\d\\d)(?!\\d)'],
  // "1 st June 2008", "1st of June", "12 June 2008": a leading number is a day only with an ordinal or a year.
  ['dayFirst', `(\\d{1,2})(?:${ORD}\\s?(?:of\\s)?${MONTH}(?:,?\\s?${YEAR})?|\\s(?:of\\s)?${MONTH},?\\s${YEAR})`],
  // "April 1 st 2008", "March 31 2009", "Sept 11", "Apr11", "June 2008", "Dec".
  ['monthFirst', `${MONTH}(?:\\s?(\\d{1,2})(?:${ORD}|(?=,?\\s\\d{4}(?!\\d))),?)?(?:\\s?${YEAR})?`],
  ['from', 'from|starting|starts|start|commencing|beginning'],
  ['until', 'until|till|up to'],
  ['to', 'to'],
  ['dash', '[–—-]'],
  ['number', '\\d+'],
  ['word', '[a-z]+'],
];

// Words and dates must stand alone ("to" is not the start of "today"); a dash may touch anything.
const SCANNER = new RegExp(
  PATTERNS.map(([name, p]) => (name === 'dash' ? `(?<${name}>${p})` : `(?<${name}>(?<![a-z0-9])(?:${p})(?![a-z]))`)).join('|'),
  'g',
);

// Group numbers of the captures inside each date alternative, found once from the compiled pattern.
const GROUP_OFFSETS = (() => {
  const offsets = new Map<string, number>();
  let index = 1;
  for (const [name, p] of PATTERNS) {
    offsets.set(name, index);
    index += 1 + new RegExp(`${p}|`).exec('')!.length - 1;
  }
  return offsets;
})();

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const FILLER = new Set([
  'and', 'by', 'review', 'reviews', 'reviewed', 'at', 'in', 'the', 'each', 'year', 'thereafter', 'then',
  'i', 'ii', 'iii', 'iv', 'v', 'a', 'b', 'c', 'with', 'of', 'or', 'on', 'end', 'no', 'later', 'than', 'before',
]);

const EVERY: Record<string, Every> = {
  every1w: '1 week', every1m: '1 month', every2m: '2 months', every3m: '3 months', every6m: '6 months', every1y: '1 year',
};

const MARKERS = ['ongoing', 'asRequired', 'from', 'until', 'to', 'dash', 'number'] as const;
type Marker = (typeof MARKERS)[number];

function isMarker(name: string): name is Marker {
  return (MARKERS as readonly string[]).includes(name);
}

function monthNumber(word: string): number {
  return MONTH_NUMBERS[word.slice(0, 3)] ?? 0;
}

function yearOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** Lower case, one space between words, no control characters or emoji. */
export function normaliseByWhen(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9/&;:.,()–—\-\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a normalised "By when" cell into tokens, in reading order. */
export function tokenizeByWhen(text: string): ByWhenToken[] {
  const tokens: ByWhenToken[] = [];
  for (const match of text.matchAll(SCANNER)) {
    const groups = match.groups ?? {};
    const name = PATTERNS.find(([n]) => groups[n] !== undefined)?.[0];
    if (name === undefined) continue;
    const at = (k: number): string | undefined => match[GROUP_OFFSETS.get(name)! + k];
    if (name in EVERY) tokens.push({ t: 'every', every: EVERY[name]! });
    else if (name === 'financialYear') tokens.push({ t: 'financialYear', endYear: 2000 + Number(at(2)) });
    else if (name === 'dayFirst') {
      const month = monthNumber(at(2) ?? at(4) ?? '');
      tokens.push({ t: 'date', month, day: Number(at(1)), year: yearOf(at(3) ?? at(5)), bareMay: false });
    } else if (name === 'monthFirst') {
      const word = at(1) ?? '';
      const day = at(2) === undefined ? null : Number(at(2));
      const year = yearOf(at(3));
      tokens.push({ t: 'date', month: monthNumber(word), day, year, bareMay: word === 'may' && day === null && year === null });
    } else if (name === 'word') tokens.push({ t: 'word', filler: FILLER.has(match[0]) });
    else if (isMarker(name)) tokens.push({ t: name });
  }
  return tokens;
}
