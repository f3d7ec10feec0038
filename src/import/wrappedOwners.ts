// An owner cell merged down several rows whose text wrapped across them in extraction ("DAAT Treatment
// lead/Service" | "Governance" | "leads/DAAT" | "Treatment lead/Service Governance leads"): each row
// holds a broken piece of a role. Rows whose owner pieces only make roles when read together are read
// as one cell, and each of them gets its roles, with a warning naming the row.
import { isCompleteRole, splitOwners } from '../domain/owners.ts';
import type { ImportWarning } from '../domain/plan.ts';
import { joinOwners, type DraftRow } from './draftRow.ts';
import { variantKey } from './roleVariants.ts';

const pieces = (who: string): string[] => who.split(/[/,;]/).map((p) => p.trim()).filter((p) => p !== '');

/** Whether row `b`'s owner cell goes on from row `a`'s: the break falls inside a role. */
function wrapsOn(a: string, b: string, vocabulary: Map<string, number>): boolean {
  const last = pieces(a).at(-1) ?? '';
  const first = pieces(b)[0] ?? '';
  if (last === '' || first === '') return false;
  // Written only here (this row counts once): a piece the plan never names as a role.
  const rare = (piece: string): boolean => (vocabulary.get(variantKey(piece)) ?? 0) < 2;
  const broken = (piece: string): boolean => !isCompleteRole(piece) && rare(piece);
  if (broken(last) && (broken(first) || /^[a-z]/.test(first))) return true;
  // "DAAT" | "Treatment lead": neither written alone elsewhere, together a role the plan names often.
  return rare(last) && rare(first) && (vocabulary.get(variantKey(`${last} ${first}`)) ?? 0) >= 2;
}

/** Rows with owner cells wrapped across them read as one cell; a warning for each row changed. */
export function joinWrappedOwners(rows: DraftRow[], warnings: ImportWarning[], vocabulary: Map<string, number>): DraftRow[] {
  const out = [...rows];
  let start = 0;
  while (start < out.length) {
    let end = start;
    while (end + 1 < out.length) {
      const a = out[end] as DraftRow;
      const b = out[end + 1] as DraftRow;
      if (a.grid !== b.grid || a.who.length === 0 || b.who.length === 0 || !wrapsOn(joinOwners(a.who), joinOwners(b.who), vocabulary)) break;
      end += 1;
    }
    if (end > start) {
      const run = out.slice(start, end + 1);
      const joined = run.map((row) => joinOwners(row.who)).join(' ');
      const roles = splitOwners(joined);
      const lines = `${run[0]?.line ?? 0}–${run.at(-1)?.line ?? 0}`;
      for (let i = start; i <= end; i += 1) {
        const row = out[i] as DraftRow;
        warnings.push({ line: row.line, message: `owner cell read across the rows at lines ${lines} ("${joined}"): this row given ${roles.map((r) => `"${r}"`).join(', ')}` });
        out[i] = { ...row, who: [roles.join('/')] };
      }
    }
    start = end + 1;
  }
  return out;
}
