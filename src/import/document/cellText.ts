// A cell's lines joined as its column needs: the author's line breaks in an owner cell separate
// owners; a list of dates on separate lines is a list.
import { isCompleteRole, isGroupTitle } from '../../domain/owners.ts';
import { endsDangling } from '../planText.ts';
import type { DocCell } from './model.ts';

const MONTH_YEAR = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\.?$/i;

/** The action text: lines joined by spaces. */
export function textOf(cell: DocCell | undefined): string {
  return (cell?.lines ?? []).join(' ').trim();
}

/** "By when": lines joined by spaces, except a column of dates ("Mar 12" / "Mar 13"), which is a list. */
export function whenOf(cell: DocCell | undefined): string {
  const lines = cell?.lines ?? [];
  if (lines.length > 1 && lines.every((line) => MONTH_YEAR.test(line.trim()))) return lines.join('; ');
  return lines.join(' ').trim();
}

/** "By whom": each line is an owner unless it ends mid-phrase ("Commissioner and"). */
export function whoOf(cell: DocCell | undefined): string {
  const lines = (cell?.lines ?? []).map((line) => line.trim()).filter((line) => line !== '');
  let joined = '';
  for (const line of lines) {
    if (joined === '') joined = line;
    // A title alone on its line ends the role above it: "SMAT" / "Mgrs" is SMAT Mgrs.
    // A lower-case line goes on the one above ("Treatment lead/Service" / "governance leads"), unless both are whole roles ("JCM" / "service managers").
    else if (endsDangling(joined) || isGroupTitle(line) || (/^[a-z&]/.test(line) && !(isCompleteRole(lines[lines.indexOf(line) - 1] ?? '') && isCompleteRole(line)))) joined += ` ${line}`;
    else joined += ` / ${line}`;
  }
  return joined;
}
