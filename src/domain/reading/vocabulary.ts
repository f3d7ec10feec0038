// Matching the words a person wrote against the plans, people and roles they can see: loosely (case,
// typos, a county's short name, a first name), but only when exactly one thing matches.
import { allowedEdits, editDistance } from './fuzzy.ts';
import type { Vocabulary } from './intent.ts';

// Words every partnership name carries: they say nothing about which plan is meant.
const GENERIC = new Set(['the', 'of', 'and', 'safer', 'stronger', 'communities', 'community', 'partnership', 'dat', 'daat', 'smat', 'drug', 'drugs', 'alcohol', 'action', 'team', 'plan', 'county', 'council']);
// Short names councils use for themselves.
const SHORT: Record<string, string> = { beds: 'bedfordshire', worcs: 'worcestershire', glos: 'gloucestershire', gloucs: 'gloucestershire', iow: 'isle of wight', cambs: 'cambridgeshire', herts: 'hertfordshire', oxon: 'oxfordshire', bucks: 'buckinghamshire', northants: 'northamptonshire', lincs: 'lincolnshire', notts: 'nottinghamshire', leics: 'leicestershire' };

const words = (s: string): string[] => s.toLowerCase().replace(/[()'",.]/g, ' ').split(/\s+/).filter(Boolean);
const near = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 4 && editDistance(a, b, allowedEdits(b.length)) <= allowedEdits(b.length));

/** The code of the one plan `phrase` names (its code, partnership, a county's short name), or null. */
export function matchPlan(phrase: string, vocabulary: Vocabulary): string | null {
  const wanted = words(phrase).flatMap((w) => words(SHORT[w] ?? w)).filter((w) => !GENERIC.has(w));
  if (wanted.length === 0) return null;
  const byCode = vocabulary.plans.filter((p) => wanted.length === 1 && p.code.toLowerCase() === wanted[0]);
  if (byCode.length === 1) return byCode[0]?.code ?? null;
  const found = vocabulary.plans.filter((p) => {
    const own = words(p.partnership).filter((w) => !GENERIC.has(w));
    return wanted.every((w) => own.some((o) => near(w, o) || (w.length >= 4 && o.startsWith(w))));
  });
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

/** The one person `phrase` names (full name, a unique first or last name, a near spelling), or null. */
export function matchPerson(phrase: string, vocabulary: Vocabulary): string | null {
  const wanted = words(phrase).join(' ');
  if (wanted.length === 0) return null;
  const one = (list: string[]): string | null => (list.length === 1 ? (list[0] ?? null) : null);
  const exact = vocabulary.people.filter((p) => words(p).join(' ') === wanted);
  if (exact.length > 0) return exact[0] ?? null;
  const part = one(vocabulary.people.filter((p) => words(p).includes(wanted)));
  if (part) return part;
  return one(vocabulary.people.filter((p) => near(wanted, words(p).join(' '))));
}

/** The role `phrase` names as the plans spell it ("the smlo" → "SMLO"), or null when no plan names it. */
export function matchRole(phrase: string, vocabulary: Vocabulary): string | null {
  const wanted = cleanRole(phrase).toLowerCase();
  return vocabulary.roles.find((r) => r.toLowerCase() === wanted) ?? null;
}

/** A role as written, without "the", "role" or a possessive: "the SMLO role" → "SMLO", "SMLO's" → "SMLO". */
export function cleanRole(phrase: string): string {
  return phrase.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/\s+role$/i, '').replace(/'s?$/i, '').replace(/^["']|["']$/g, '').trim();
}
