// An owner cell whose line breaks were lost runs several roles together ("JCG DAT DIP Lead",
// "SP SMAT District Councils", "Inde trust service lead JCM"). When the run is rare in the plan and
// splits cleanly into roles the same plan names on their own elsewhere, it is those roles.
import type { ImportWarning, PlanAction } from '../domain/plan.ts';
import { isCompleteRole, isGroupTitle } from '../domain/owners.ts';
import { variantKey } from './roleVariants.ts';

function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,}$/.test(word);
}

/** The words of `name` cut into known roles (at most one unknown acronym among them), or null. */
function segment(words: string[], known: Set<string>, keyOf: (name: string) => string): string[] | null {
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
      const unknown = known.has(keyOf(piece)) ? 0 : single && (start > 0 || !isAcronym(piece)) ? 1 : null;
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
  // "HMP Peterborough IDTS Lead" is one role: "HMP Peterborough" does not end like a role.
  return found.parts.slice(0, -1).every(isCompleteRole) ? found.parts : null;
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
      const parts = splits.get(owner) ?? null;
      if (parts === null) return [owner];
      changed = true;
      warnings.push({ line: action.source.line, message: `owner "${owner}" read as ${parts.map((p) => `"${p}"`).join(', ')} (roles named on their own elsewhere in the plan)` });
      return parts;
    });
    return changed ? { ...action, owners: [...new Set(owners)] } : action;
  });
}
