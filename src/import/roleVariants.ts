// One role written several ways in one plan ("Commissioner" / "Commissioners", "SPM - CC" / "SPM-CC",
// "IDAS Team Manager(s)", "DAT team" / "DAT Team") is one role to remind: the spellings are merged
// into the commonest one, and the import says so, so a person can undo it with "roles merge".
import { roleKey } from '../domain/owners.ts';
import type { ImportWarning, PlanAction } from '../domain/plan.ts';

/** The key two spellings of one role share: case, spacing round dashes, "(s)", "'s" and a plural "s" ignored. */
export function variantKey(name: string): string {
  return roleKey(name)
    .replace(/\s*[–—-]\s*/g, '-')
    .replace(/\(s\)$/, '')
    // "JCG 's" alone in an owner cell is the JCGs, not something of theirs.
    .replace(/([a-z0-9])'s$/, '$1')
    .replace(/([a-z]{2,}[^s'\s])s$/, '$1')
    .replace(/[.]/g, '')
    .trim();
}

/** Actions with their owners merged, and each kept name's other spellings. */
export interface MergedRoles {
  actions: PlanAction[];
  aliases: Map<string, string[]>;
}

/** Actions with each owner spelled the plan's commonest way; a warning per merged spelling. */
export function mergeRoleVariants(actions: PlanAction[], warnings: ImportWarning[]): MergedRoles {
  const spellings = new Map<string, Map<string, { count: number; line: number }>>();
  for (const action of actions) {
    for (const owner of action.owners) {
      const byName = spellings.get(variantKey(owner)) ?? new Map<string, { count: number; line: number }>();
      const seen = byName.get(owner) ?? { count: 0, line: action.source.line };
      seen.count += 1;
      byName.set(owner, seen);
      spellings.set(variantKey(owner), byName);
    }
  }
  const canonical = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  for (const byName of spellings.values()) {
    if (byName.size < 2) continue;
    // The commonest spelling wins; on a tie, the one written first.
    const ranked = [...byName.entries()].sort((a, b) => b[1].count - a[1].count || a[1].line - b[1].line);
    const [name] = ranked[0] ?? [''];
    for (const [variant, seen] of ranked.slice(1)) {
      canonical.set(variant, name);
      aliases.set(name, [...(aliases.get(name) ?? []), variant]);
      warnings.push({ line: seen.line, message: `role "${variant}" read as "${name}" (the same role written another way); "roles merge" can change this` });
    }
  }
  if (canonical.size === 0) return { actions, aliases };
  const merged = actions.map((action) => {
    const owners = [...new Set(action.owners.map((owner) => canonical.get(owner) ?? owner))];
    return { ...action, owners };
  });
  return { actions: merged, aliases };
}
