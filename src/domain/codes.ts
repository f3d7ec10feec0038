// Codes people type to name a plan ("BED") and an action ("BED-14", "IW-4.1.1/g2"). A plan's code comes
// from the partnership's words; an action's from its reference, or a running number where it has none.
// Codes never change once given: a kept action keeps its code across re-imports.
import type { PlanAction } from './plan.ts';

// Words that say what kind of body a partnership is, not where: left out of its code.
const GENERIC = new Set([
  'of', 'the', 'and', 'for', 'in', 'on', 'dat', 'smat', 'daat', 'partnership', 'partnerships', 'safer', 'stronger',
  'communities', 'community', 'drug', 'drugs', 'alcohol', 'action', 'team', 'board', 'strategic', 'substance', 'misuse',
  'council', 'county', 'city', 'borough', 'district',
]);

/**
 * A 2-4 capital letter code for a partnership, not in `taken`: the initials of its place words
 * ("Isle of Wight DAT" → IW), or the first three letters of a single one ("Bedfordshire" → BED).
 * When taken, more letters of the name are used, then a digit.
 */
export function planCodeFor(partnership: string, taken: ReadonlySet<string>): string {
  const words = partnership.replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z]+/).filter((w) => w.length > 0);
  const place = words.filter((w) => !GENERIC.has(w.toLowerCase()));
  const source = place.length > 0 ? place : words.length > 0 ? words : ['Plan'];
  const letters = source.join('').toUpperCase();
  const candidates = source.length >= 2 ? [source.map((w) => w[0]).join('').toUpperCase().slice(0, 4)] : [];
  for (let n = 3; n <= 4; n++) candidates.push(letters.slice(0, n));
  if (source.length >= 2) candidates.push(((source[0] ?? '').slice(0, 2) + (source[1] ?? '').slice(0, 2)).toUpperCase());
  for (const code of candidates) if (code.length >= 2 && !taken.has(code)) return code;
  const stem = (letters + 'XX').slice(0, 2);
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** An action code as written by a person, in the stored form: "#pb-14" → "PB-14". */
export function normaliseCode(text: string): string {
  return text.trim().replace(/^#/, '').replace(/\.$/, '').toUpperCase();
}

/** True when `text` has the shape of an action code ("PB-14", "#iw-4.1.1/g2"). */
export function isCodeLike(text: string): boolean {
  return /^#?[A-Za-z]{2,4}\d?-[\w.]+(?:\/g\d+)?$/i.test(text.trim());
}

/** The plan part of an action code ("IW-4.1.1/g2" → "IW"). */
export function planPartOf(code: string): string {
  return normaliseCode(code).split('-')[0] ?? '';
}

/**
 * Codes for a plan's actions. `kept` maps the ids of actions already stored to their codes, which they
 * keep. Others get `<plan>-<ref>` when the ref is unique in the plan, `<plan>-<ref>/g<grid>` when it
 * repeats, and `<plan>-<n>` (the next free running number) when there is no ref or the code is taken.
 */
export function assignCodes(planCode: string, actions: readonly PlanAction[], kept: ReadonlyMap<string, string>): Map<string, string> {
  const codes = new Map<string, string>();
  const taken = new Set<string>(kept.values());
  let highest = 0;
  for (const code of taken) {
    const n = /^[A-Z0-9]+-(\d+)$/.exec(code)?.[1];
    if (n) highest = Math.max(highest, Number(n));
  }
  const refCount = new Map<string, number>();
  for (const a of actions) if (a.ref) refCount.set(a.ref.toUpperCase(), (refCount.get(a.ref.toUpperCase()) ?? 0) + 1);
  const numbered: PlanAction[] = [];
  for (const a of actions) {
    const own = kept.get(a.id);
    if (own) {
      codes.set(a.id, own);
      continue;
    }
    const ref = a.ref?.toUpperCase().replace(/\s+/g, '') ?? null;
    const natural = ref === null ? null : (refCount.get(a.ref!.toUpperCase()) ?? 0) > 1 ? `${planCode}-${ref}/G${a.grid}` : `${planCode}-${ref}`;
    if (natural && /^[A-Z0-9]+-[A-Z0-9.]+(\/G\d+)?$/.test(natural) && !taken.has(natural)) {
      codes.set(a.id, natural);
      taken.add(natural);
    } else numbered.push(a);
  }
  for (const a of numbered) {
    let code: string;
    do code = `${planCode}-${++highest}`;
    while (taken.has(code));
    codes.set(a.id, code);
    taken.add(code);
  }
  return codes;
}

/** How an action code is shown: the grid suffix in lower case ("IW-4.1.1/g2"), as people type it. */
export function showCode(code: string): string {
  return code.replace(/\/G(\d+)$/, '/g$1');
}
