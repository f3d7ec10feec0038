// A delivery-plan row while it is being read: PDF extraction breaks one row over several lines,
// so cells gather fragments until the next row, heading or objective closes it.
import { isCompleteRole, isGroupTitle } from '../domain/owners.ts';
import { endsDangling, isGarbage, looksLikeWhen, readRef } from './planText.ts';

/** One row being assembled, with every fragment of each column in reading order. */
export interface DraftRow {
  line: number;
  grid: number;
  objective: string | null;
  ref: string | null;
  text: string[];
  when: string[];
  who: string[];
}

/** The three columns of a row: "Actions and milestones", "By when", "By whom". */
export interface Columns {
  text: string;
  when: string;
  who: string;
}

/**
 * Maps a line's cells onto the three columns. Extraction adds empty cells inside rows
 * ("text⇥⇥August 2008⇥DIP Provider") and spreads owners over extra cells ("Service⇥user⇥Co-").
 */
export function toColumns(cells: string[]): Columns {
  const c = cells.map((cell) => cell.trim());
  while (c.length > 1 && c.at(-1) === '') c.pop();
  while (c.length > 3) {
    const empty = c.findIndex((cell, at) => at > 0 && at < c.length - 1 && cell === '');
    if (empty < 0) break;
    c.splice(empty, 1);
  }
  return { text: c[0] ?? '', when: c[1] ?? '', who: c.slice(2).filter((cell) => cell !== '').join(' ') };
}

/** A new row starting at `line`, its reference read off the front of its text. */
export function startRow(line: number, grid: number, objective: string | null, cols: Columns): DraftRow {
  const { ref, rest } = readRef(cols.text);
  return {
    line, grid, objective, ref,
    text: rest === '' ? [] : [rest],
    when: cols.when === '' ? [] : [cols.when],
    who: cols.who === '' ? [] : [cols.who],
  };
}

/** The owner fragments joined for splitting: a fragment after a complete role is a new role. */
export function joinOwners(parts: string[]): string {
  let joined = '';
  for (const part of parts) {
    if (joined === '') joined = part;
    else if (/-$/.test(joined) || (/\b[A-Z]$/.test(joined) && /^[a-z]/.test(part))) joined += part;
    // A title alone on its line ends the role above ("SMAT" / "Mgrs" is SMAT Mgrs), it is not a role of its own.
    else if (!endsDangling(joined) && isCompleteRole(joined) && /^[A-Z(]/.test(part) && !isGroupTitle(part.trim())) joined += `/${part}`;
    else joined += ` ${part}`;
  }
  return joined;
}

/**
 * Whether a tabbed line carries on the open row rather than starting a new one. Decided by the
 * signs a reader uses: no text of its own, a dangling "and", a lower-case start, or (in plans
 * whose rows are numbered) no number and no date.
 */
export function continuesRow(open: DraftRow | null, cols: Columns): boolean {
  if (open === null) return false;
  if (cols.text === '') return true;
  if (readRef(cols.text).ref !== null) return false;
  if (cols.when === '' && cols.who === '') return true;
  const dangling = endsDangling(open.text.at(-1) ?? '') || endsDangling(open.who.at(-1) ?? '');
  const lower = /^[a-z]/.test(cols.text);
  if (looksLikeWhen(cols.when)) return dangling && lower;
  return open.ref !== null || dangling || lower;
}

/** Adds a continuation line's fragments to the open row; returns a warning for text it dropped. */
export function continueRow(row: DraftRow, cols: Columns): string | null {
  let dropped: string | null = null;
  if (cols.text !== '') {
    if (isGarbage(cols.text)) dropped = `unreadable text ignored: "${cols.text}"`;
    else row.text.push(cols.text);
  }
  if (cols.when !== '') {
    // An owner spilling into the "By when" column ("Commissioner and" / "Business") is still an owner.
    const ownerOpen = endsDangling(row.who.at(-1) ?? '') || /\b[A-Z]$/.test(row.who.at(-1) ?? '');
    if (looksLikeWhen(cols.when)) row.when.push(cols.when);
    else if (ownerOpen) row.who.push(cols.when);
    else row.text.push(cols.when);
  }
  if (cols.who !== '') row.who.push(cols.who);
  return dropped;
}
