// An owner cell whose line breaks were lost runs several roles together ("JCG DAT DIP Lead",
// "SP SMAT District Councils", "Inde trust service lead JCM"). When the run is rare in the plan and
// splits cleanly into roles the same plan names on their own elsewhere, it is those roles.
import type { ImportWarning, PlanAction } from '../domain/plan.ts';
import { isCompleteRole, isGroupTitle } from '../domain/owners.ts';
import { variantKey } from './roleVariants.ts';

function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,}$/.test(word);
}

/**
 * The words of `name` cut into known roles, or null. At most one piece is unknown: an acronym, or a
 * whole role of several words at the front followed by known roles ("Public Health Information Team JCM",
 * "Hidden Harm Forum Service leads").
 */
export function segment(words: string[], known: Set<string>, keyOf: (name: string) => string, whole: Set<string> = new Set()): string[] | null {
  // best[i]: the cut of words[0..i) with the fewest unknown acronyms, then the fewest pieces.
  const best: ({ parts: string[]; unknown: number } | null)[] = [{ parts: [], unknown: 0 }];
  for (let end = 1; end <= words.length; end += 1) {
    best[end] = null;
    for (let start = 0; start < end; start += 1) {
      const before = best[start];
      if (before == null) continue;
      const piece = words.slice(start, end).join(' ');
      const single = end - start === 1;
      const previous = words[start - 1] ?? '';
      // A lone word is a role after another whole role ("Providers Commissioner", "RESULT Providers"),
      // never after an acronym that qualifies it: "JCG Chair" and "JCP Lead" are one role each.
      if (single && !isAcronym(piece)) {
        const group = /s$/.test(piece) && isCompleteRole(piece);
        const afterRole = start === 0 || (isCompleteRole(previous) && (group || !isAcronym(previous)));
        if (!afterRole || !(group || known.has(keyOf(piece)))) continue;
        // "SMAT Mgrs" is SMAT's managers, not SMAT and some managers.
        if (isAcronym(previous) && isGroupTitle(piece)) continue;
      }
      const unknown = known.has(keyOf(piece)) ? 0 : single && (start > 0 || !isAcronym(piece)) ? 1 : !single && start === 0 && leadsRole(words, end, known, keyOf) ? 1 : null;
      if (unknown === null) continue;
      const candidate = { parts: [...before.parts, piece], unknown: before.unknown + unknown };
      const current = best[end];
      if (current == null || candidate.unknown < current.unknown || (candidate.unknown === current.unknown && candidate.parts.length < current.parts.length)) {
        best[end] = candidate;
      }
    }
  }
  const found = best[words.length];
  if (found == null || found.parts.length < 2 || found.unknown > found.parts.length - found.unknown) return null;
  // "HMP Peterborough IDTS Lead" is one role: "HMP Peterborough" does not end like a role (`whole`: roles the same cell writes alone).
  return found.parts.slice(0, -1).every((part) => isCompleteRole(part) || whole.has(keyOf(part))) ? found.parts : null;
}

/**
 * Whether words[0..end) can be an unknown role of its own: it ends like a role, and what follows is a
 * known role of several words or an acronym, never a lone word that qualifies it ("YP Lead Commissioner").
 */
function leadsRole(words: string[], end: number, known: Set<string>, keyOf: (name: string) => string): boolean {
  if (!isCompleteRole(words.slice(0, end).join(' ')) || end >= words.length) return false;
  for (let stop = end + 1; stop <= words.length; stop += 1) {
    const next = words.slice(end, stop).join(' ');
    if (known.has(keyOf(next))) return stop - end > 1 || isAcronym(next);
  }
  return false;
}

/** Actions with run-together owners split into the plan's own roles; a warning for each split. */
export function splitJoinedRoles(actions: PlanAction[], warnings: ImportWarning[]): PlanAction[] {
  // The segmenter asks for the same pieces' keys many times over.
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = variantKey(name)));
    return key;
  };
  const uses = new Map<string, number>();
  for (const action of actions) for (const owner of action.owners) uses.set(keyOf(owner), (uses.get(keyOf(owner)) ?? 0) + 1);
  const splits = new Map<string, string[] | null>();
  const besideSplits = new Map<string, string[] | null>();
  const commonerThan = (owner: string): string[] => [...uses.entries()].filter(([key, count]) => key !== keyOf(owner) && count > (uses.get(keyOf(owner)) ?? 0)).map(([key]) => key);
  return actions.map((action) => {
    let changed = false;
    const owners = action.owners.flatMap((owner) => {
      const words = owner.split(/\s+/);
      if (words.length < 2) return [owner];
      if (!splits.has(owner)) {
        const own = uses.get(keyOf(owner)) ?? 0;
        const known = new Set([...uses.entries()].filter(([key, count]) => key !== keyOf(owner) && count > own).map(([key]) => key));
        splits.set(owner, segment(words, known, keyOf));
      }
      // The same cell writes a role alone too ("JCM/Director Nelson Trust JCM/Director Nelson Trust").
      const beside = new Set(action.owners.filter((other) => other !== owner).map(keyOf));
      // An acronym before a role there qualifies it: "CSSMS Service lead" beside "CSSMS" is one role.
      const besideKey = `${owner}|${[...beside].sort().join('|')}`;
      if (splits.get(owner) === null && beside.size > 0 && !isAcronym(words[0] ?? '') && !besideSplits.has(besideKey)) {
        besideSplits.set(besideKey, segment(words, new Set([...beside, ...commonerThan(owner)]), keyOf, beside));
      }
      const parts = splits.get(owner) ?? besideSplits.get(besideKey) ?? null;
      if (parts === null) return [owner];
      changed = true;
      warnings.push({ line: action.source.line, message: `owner "${owner}" read as ${parts.map((p) => `"${p}"`).join(', ')} (roles named on their own elsewhere in the plan)` });
      return parts;
    });
    return changed ? { ...action, owners: [...new Set(owners)] } : action;
  });
}

/**
 * A role with its organisation on the cell's next line ("Tier 2 Provider" / "Addaction") is one owner,
 * "Tier 2 Provider (Addaction)": the name follows a role noun with only a space in the cell as written,
 * does not end like a role, and the plan never names it on its own elsewhere.
 */
export function keepOrganisations(actions: PlanAction[], warnings: ImportWarning[]): PlanAction[] {
  const uses = new Map<string, number>();
  for (const action of actions) for (const owner of new Set(action.owners.map(variantKey))) uses.set(owner, (uses.get(owner) ?? 0) + 1);
  return actions.map((action) => {
    const owners: string[] = [];
    for (const owner of action.owners) {
      const role = owners.at(-1);
      const spaced = role !== undefined && new RegExp(`${escape(role)}\\s+${escape(owner)}`).test(action.ownersRaw);
      const organisation = /^[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3}$/.test(owner) && !isCompleteRole(owner) && (uses.get(variantKey(owner)) ?? 0) === 1;
      if (role !== undefined && spaced && organisation && isCompleteRole(role) && !isAcronym(role.split(' ').at(-1) ?? '')) {
        owners[owners.length - 1] = `${role} (${owner})`;
        warnings.push({ line: action.source.line, message: `owner "${role} ${owner}" read as "${role} (${owner})" (a role and its organisation)` });
      } else {
        owners.push(owner);
      }
    }
    return owners.length === action.owners.length ? action : { ...action, owners };
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
