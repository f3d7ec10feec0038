// Turns a "By whom" cell into role names. Plans join roles with "/", ",", "&" and "and", but
// those same words sit inside role names ("Business and Performance Manager"), so a conjunction
// only splits when the words before it already make a complete role.
import type { PlanAction, PlanRole } from './plan.ts';

/** Last words that end a role name: once a name ends with one, an "and" after it starts a new role. */
const ROLE_NOUNS = new Set([
  'manager', 'managers', 'mgr', 'mgrs', 'officer', 'officers', 'lead', 'leads', 'leader', 'leaders',
  'commissioner', 'commissioners', 'coordinator', 'coordinators', 'co-ordinator', 'co-ordinators',
  'group', 'groups', 'team', 'teams', 'chair', 'board', 'panel', 'provider', 'providers', 'advocates',
  'worker', 'workers', 'police', 'constabulary', 'student', 'clinician', 'researcher', 'director',
  'champion', 'forum', 'nurse', 'nurses', 'consultant', 'analyst', 'administrator',
]);

function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9&-]*[A-Z0-9]$/.test(word) && (word.match(/[A-Z]/g) ?? []).length >= 2;
}

/** True when `name` ends like a whole role: a role noun ("Manager") or an acronym ("SMLO", "(JCG)"). */
export function isCompleteRole(name: string): boolean {
  const last = name.trim().replace(/[.,;:]+$/, '').split(/[\s/,;]+/).at(-1) ?? '';
  const word = last.replace(/^\(/, '').replace(/\)$/, '').replace(/'s$/, '');
  return isAcronym(word) || ROLE_NOUNS.has(word.toLowerCase());
}

/** Splits on "/", ",", ";", runs of 2+ spaces, ". " before a capital, and after a "(…)" that ends a role. */
function splitSeparators(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    const rest = text.slice(i + 1);
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    const atTop = depth === 0;
    const separator = atTop && (
      '/,'.includes(char)
      // "B;ham Uni" is a typo for B'ham, not two roles.
      || (char === ';' && !(/[a-z]/i.test(text[i - 1] ?? '') && /^[a-z]/.test(rest)))
      || (char === ' ' && rest.startsWith(' '))
      || (char === '.' && /^\s+[A-Z]/.test(rest)));
    if (separator) {
      parts.push(current);
      current = '';
    } else if (atTop && char === ')' && /^\s+[A-Za-z]/.test(rest) && !/^\s+(and|&)\s/i.test(rest)) {
      parts.push(current + char);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Splits one chunk on "and"/"&" wherever the words before make a complete role. */
function splitConjunctions(chunk: string): string[] {
  const tokens = chunk.split(/\s+/).filter((t) => t !== '');
  const roles: string[] = [];
  let current: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    const conjunction = depth === 0 && (token === '&' || token.toLowerCase() === 'and');
    if (conjunction && current.length > 0 && isCompleteRole(current.join(' '))) {
      roles.push(current.join(' '));
      current = [];
    } else {
      current.push(token);
    }
    depth += (token.match(/\(/g) ?? []).length - (token.match(/\)/g) ?? []).length;
  }
  roles.push(current.join(' '));
  return roles;
}

function cleanRole(role: string): string {
  let name = role.trim().replace(/^(?:&|and\b)\s*/i, '').replace(/\s*(?:&|\band)$/i, '');
  name = name.replace(/[.,;:]+$/, '').trim();
  const wrapped = /^\((.*)\)$/.exec(name);
  if (wrapped?.[1] !== undefined && !wrapped[1].includes('(')) name = wrapped[1].trim();
  return name;
}

const GROUP_NOUNS = new Set(['mgrs', 'managers', 'leads', 'leaders', 'commissioners', 'coordinators', 'co-ordinators', 'officers', 'workers', 'teams']);

/** True for a plural title that names the people of what comes before it ("Mgrs" in "SMAT Mgrs"), never a role alone. */
export function isGroupTitle(word: string): boolean {
  return GROUP_NOUNS.has(word.toLowerCase());
}

/** "SMAT, CDT & TP Mgrs" are the managers of all three: bare acronyms before "TP Mgrs" take its plural noun. */
function shareGroupNoun(roles: string[]): string[] {
  const words = roles.at(-1)?.split(' ') ?? [];
  const noun = words.at(-1) ?? '';
  const bare = roles.slice(0, -1);
  if (bare.length === 0 || words.length !== 2 || !isAcronym(words[0] ?? '') || !isGroupTitle(noun)) return roles;
  return bare.every(isAcronym) ? [...bare.map((role) => `${role} ${noun}`), roles.at(-1) ?? ''] : roles;
}

/**
 * The role names in a "By whom" cell, as written: "SMLO & SMO" → ["SMLO", "SMO"],
 * "Commissioner and Business and Performance Manager" → ["Commissioner", "Business and Performance Manager"].
 * "i)"/"ii)" markers go, parentheses stay with their role, "co- ordinator" is rejoined.
 */
export function splitOwners(raw: string): string[] {
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/\t/g, '  ')
    .replace(/(^|\s)(?:i{1,3}|iv|vi{0,3})\)\s*/gi, ';')
    .replace(/\b([A-Z]{2,})\s*[–—-]\s*([A-Z]{2,})\b/g, '$1-$2')
    .replace(/(\w)-\s+([a-z])/g, '$1-$2')
    .replace(/\s+'s\b/g, "'s")
    // "B;ham Uni" is B'ham: a semicolon typed for an apostrophe inside a word.
    .replace(/\b([A-Z]);([a-z]{2,})\b/g, "$1'$2")
    // Two lines of a cell read across ("Commissioner and" / "Business and") come out "Commissioner Business and and".
    .replace(/\b(\S+) (\S+) and and\b/gi, '$1 and $2 and');
  const names = splitSeparators(text).flatMap((chunk) => splitConjunctions(chunk.replace(/\s+/g, ' ').trim()).map(cleanRole));
  const roles: string[] = [];
  const seen = new Set<string>();
  for (const name of shareGroupNoun(names.filter((n) => n !== ''))) {
    const key = roleKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    roles.push(name);
  }
  return roles;
}

/** How two spellings of one role compare: case and spacing do not matter. */
export function roleKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every role the actions name, in order of first mention, with how many actions each owns. */
export function planRoles(actions: PlanAction[]): PlanRole[] {
  const roles = new Map<string, PlanRole>();
  for (const action of actions) {
    for (const key of new Set(action.owners.map(roleKey))) {
      const name = action.owners.find((owner) => roleKey(owner) === key) ?? key;
      const role = roles.get(key) ?? { name, actions: 0 };
      role.actions += 1;
      roles.set(key, role);
    }
  }
  return [...roles.values()];
}
