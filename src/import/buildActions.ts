// Turns draft rows into plan actions: clean text, split owners, read "By when", give each a
// stable id, and say what looked wrong (no owner, repeated rows, sub-actions sharing dates).
import { parseByWhen } from '../domain/byWhen.ts';
import { splitOwners } from '../domain/owners.ts';
import type { Due, ImportWarning, PlanAction, PlanPeriod } from '../domain/plan.ts';
import { actionId } from './actionId.ts';
import { MAX_ACTIONS, overLimit } from './limits.ts';
import { joinOwners, type DraftRow } from './draftRow.ts';
import { cleanText } from './planText.ts';
import { ownerGroups, ownerVocabulary } from './ownerGroups.ts';
import { splitSubActions } from './subActions.ts';

/** One action before its id: what the row (or sub-action) says. */
interface Piece {
  ref: string | null;
  objective: string | null;
  text: string;
  when: string;
  who: string;
  ownersRaw: string;
}

function piecesOf(row: DraftRow, warn: (message: string) => void, vocabulary: Map<string, number>): Piece[] {
  const text = row.text.join(' ');
  const when = row.when.join(' ');
  const who = joinOwners(row.who);
  const ownersRaw = row.who.join(' ').trim();
  const split = splitSubActions(cleanText([row.ref ?? '', text].join(' ')), when, who, (all, n) => ownerGroups(all, n, vocabulary));
  if (split === null) return [{ ref: row.ref, objective: row.objective, text, when, who, ownersRaw }];
  split.warnings.forEach(warn);
  // Words before the first sub-action state what the sub-actions are for.
  const objective = split.preamble === '' ? row.objective : split.preamble;
  return split.parts.map((part) => ({ ...part, objective, ownersRaw: part.who.trim() }));
}

/** The row as a person finds it again: its reference, or its first words. */
function rowLabel(ref: string | null, text: string): string {
  if (ref !== null) return ref;
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

function dueOf(when: string, period: PlanPeriod, warn: (message: string) => void, label: string): Due {
  if (when === '') return { kind: 'none' };
  const reading = parseByWhen(when, period);
  if (reading.warning !== null) warn(`${label}: ${reading.warning}`);
  return reading.due;
}

/** The plan's actions from its draft rows; warnings are added to `warnings` with the row's line. */
export function buildActions(rows: DraftRow[], period: PlanPeriod, planId: string, warnings: ImportWarning[], vocabulary = ownerVocabulary(rows)): PlanAction[] {
  const actions: PlanAction[] = [];
  const usedIds = new Set<string>();
  // Per id, the next suffix to try: repeated rows take -2, -3, … in turn instead of each counting up from 2.
  const nextSuffix = new Map<string, number>();
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const warn = (message: string): void => {
      warnings.push({ line: row.line, message });
    };
    for (const piece of piecesOf(row, warn, vocabulary)) {
      const text = cleanText(piece.text);
      const byWhenRaw = cleanText(piece.when);
      const owners = splitOwners(piece.who);
      if (owners.length === 0) warn('no owner');
      const same = `${row.grid}|${text.toLowerCase()}`;
      const earlier = firstLine.get(same);
      if (earlier !== undefined) warn(`same action as line ${earlier}; kept as a separate action`);
      else firstLine.set(same, row.line);
      const base = actionId(planId, row.grid, piece.ref, text);
      let id = base;
      let n = nextSuffix.get(base) ?? 2;
      for (; usedIds.has(id); n += 1) id = `${base}-${n}`;
      nextSuffix.set(base, n);
      usedIds.add(id);
      if (actions.length >= MAX_ACTIONS) throw overLimit(`it has more than ${MAX_ACTIONS.toLocaleString('en-GB')} actions`, `${MAX_ACTIONS.toLocaleString('en-GB')} actions`);
      actions.push({
        id,
        ref: piece.ref,
        grid: row.grid,
        objective: piece.objective === null ? null : cleanText(piece.objective),
        text,
        byWhenRaw,
        ownersRaw: piece.ownersRaw,
        owners,
        due: dueOf(byWhenRaw, period, warn, rowLabel(piece.ref, text)),
        source: { line: row.line },
      });
    }
  }
  return actions;
}
