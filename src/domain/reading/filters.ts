// What a question narrows to: "for grid 2", "in Bedfordshire", "for Sam Patel", "for the SMLO",
// "SMLO's", "mine"; and how it is grouped ("by owner"). Each part found is cut out of the words, so
// the caller can check that nothing it does not understand is left.
import type { ListFilter } from './intent.ts';
import { readName } from './names.ts';
import type { Reading } from './reading.ts';
import { cleanRole, matchPerson, matchPlan, matchRole } from './vocabulary.ts';

export type GroupBy = 'grid' | 'owner' | 'plan';

/** Words left after cutting; `cut` replaces a match with a space so later matches keep their places. */
export class Words {
  constructor(public text: string) {}
  cut(m: RegExpExecArray): void {
    this.text = `${this.text.slice(0, m.index)} ${this.text.slice(m.index + m[0].length)}`;
  }
  take(pattern: RegExp): RegExpExecArray | null {
    const m = pattern.exec(this.text);
    if (m) this.cut(m);
    return m;
  }
}

const GROUP = /\b(?:(?:grouped|group|sorted|sort|split|broken\s+down)\s+)?by\s+(grids?|owners?|persons?|people|roles?|who|plans?|partnerships?|areas?)\b/i;
const GRID = /\b(?:(?:in|for|on|from|of)\s+)?(?:planning\s+)?(?:grid|section)\s*(\d{1,2})\b|\bg(\d{1,2})\b/i;
const MINE = /\b(?:(?:for|of|assigned\s+to|owned\s+by|with)\s+me|my|mine|i\s+(?:have|own|hold|need\s+to\s+do)|i've\s+got|have\s+i\s+got|do\s+i\s+have|on\s+my\s+plate)\b/i;
const BEFORE_NAME = /\b(for|of|in|from|at|owned\s+by|assigned\s+to|held\s+by|belonging\s+to|with)\s+(?:the\s+)?/gi;
const POSSESSIVE = /^\s*(?:the\s+)?((?:[\w&-]+\s+){0,3}?[\w&-]+)'s?\s+(?=\S)/i;
// Words that end a name inside a question ("for Sam Patel by owner").
const BOUNDARY = new Set(['by', 'in', 'for', 'due', 'this', 'next', 'grid', 'and', 'that', 'which', 'with', 'today', 'tomorrow', 'overdue', 'blocked', 'done', 'delayed', 'actions', 'action', 'tasks', 'is', 'are', 'from', 'please', 'grouped', 'sorted']);

/** Cuts "by owner" / "by grid" / "by plan". */
export function takeGroupBy(words: Words): GroupBy | undefined {
  const m = words.take(GROUP);
  if (!m) return undefined;
  const w = (m[1] ?? '').toLowerCase();
  return w.startsWith('grid') ? 'grid' : /^(plan|partnership|area)/.test(w) ? 'plan' : 'owner';
}

/** Cuts the grid, "mine", and every "for/in/of X" naming a plan, person or role the reader can place. */
export function takeFilter(words: Words, r: Reading): ListFilter {
  const filter: ListFilter = {};
  const grid = words.take(GRID);
  if (grid) filter.grid = Number(grid[1] ?? grid[2]);
  if (words.take(MINE)) filter.mine = true;
  const owner = POSSESSIVE.exec(words.text);
  if (owner?.[1] && !/^(what|who|that|it|there|here|let|how)$/i.test(owner[1]) && place(owner[1], r, filter)) words.cut(owner);
  for (let m = nextBefore(words.text, 0); m; m = nextBefore(words.text, m.index + 1)) {
    const after = words.text.slice(m.index + m[0].length).split(/\s+/).filter(Boolean);
    const stop = after.findIndex((w, i) => i > 0 && BOUNDARY.has(w.toLowerCase()));
    const run = after.slice(0, stop === -1 ? 5 : stop);
    for (let n = Math.min(run.length, 5); n > 0; n -= 1) {
      const phrase = run.slice(0, n).join(' ');
      if (place(phrase, r, filter, m[0])) {
        const end = words.text.indexOf(phrase, m.index + m[0].length - 1) + phrase.length;
        words.text = `${words.text.slice(0, m.index)} ${words.text.slice(end)}`;
        break;
      }
    }
  }
  return filter;
}

/** Cuts plans, people and roles the vocabulary knows, written with no word before them ("SMO overdue"). */
export function takeBareNames(words: Words, r: Reading, filter: ListFilter, filler: (word: string) => boolean): void {
  const tokens = words.text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i += 1) {
    for (let n = Math.min(5, tokens.length - i); n > 0; n -= 1) {
      const run = tokens.slice(i, i + n);
      if (run.some(filler)) continue;
      if (place(run.join(' '), { ...r, asked: false }, filter)) {
        tokens.splice(i, n);
        i -= 1;
        break;
      }
    }
  }
  words.text = tokens.join(' ');
}

function nextBefore(text: string, from: number): RegExpExecArray | null {
  BEFORE_NAME.lastIndex = from;
  return BEFORE_NAME.exec(text);
}

/**
 * Puts `phrase` into the filter as a plan, person or role, if it is one. A name nobody in the vocabulary
 * has is placed only in a question, by its look: after "in" a Capitalised name is a plan; after "for"
 * Capitalised Words are a person, an acronym a role. The actor then says that nothing has that name.
 */
function place(phrase: string, r: Reading, filter: ListFilter, before = ''): boolean {
  const clean = phrase.replace(/[,;:]+$/, '').trim();
  if (!clean || /^(me|myself|us|you|it|them|all|everyone|everybody|now|the)$/i.test(clean)) return false;
  if (readName(clean)?.length === clean.length) return false;
  const mention = r.mentions.find((m) => m.toLowerCase() === clean.toLowerCase());
  if (mention) return set(filter, 'person', matchPerson(mention, r.vocabulary) ?? mention);
  const plan = matchPlan(clean, r.vocabulary);
  if (plan) return set(filter, 'plan', plan);
  const role = matchRole(clean, r.vocabulary);
  if (role) return set(filter, 'role', role);
  const person = matchPerson(clean, r.vocabulary);
  if (person) return set(filter, 'person', person);
  if (!r.asked) return false;
  if (/^\s*(in|from|at)\b/i.test(before)) return /^[A-Z][\w&'-]*(\s+(?:of\s+)?[A-Z][\w&'-]*){0,3}$/.test(clean) && set(filter, 'plan', clean);
  if (/^(the\s+)?[A-Z][A-Z0-9&-]{1,9}(\s+role)?$|^the\s+\w+/.test(clean)) return set(filter, 'role', cleanRole(clean));
  if (/^[A-Z][a-z'-]+(\s+[A-Z][a-z'-]+){0,2}$/.test(clean)) return set(filter, 'person', clean);
  return false;
}

function set(filter: ListFilter, key: 'plan' | 'person' | 'role', value: string): boolean {
  if (filter[key] !== undefined) return false;
  filter[key] = value;
  return true;
}
