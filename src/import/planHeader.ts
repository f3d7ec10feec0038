// The document's masthead: which partnership wrote it and which plan year(s) it covers.
import type { ImportWarning, PlanPeriod } from '../domain/plan.ts';
import { cleanText } from './planText.ts';

export const NAME_LINE = /^\s*(?:Partnership name|Name of partnership)\s*:?\s*(.*)$/i;
// A line that starts something else, so it cannot be the second half of a partnership name.
const NOT_A_NAME = /plan|grid|section|^\s*-{3,}|date|\t/i;

/** The partnership's name, joined when the PDF broke it over two lines (Gloucestershire). */
export function readPartnership(lines: string[], warnings: ImportWarning[]): string {
  for (const [index, line] of lines.entries()) {
    const match = NAME_LINE.exec(line);
    if (match === null) continue;
    let name = cleanText(match[1] ?? '');
    let next = index + 1;
    if (name === '') {
      while ((lines[next] ?? '').trim() === '' && next < lines.length) next += 1;
      name = cleanText(lines[next] ?? '');
      next += 1;
    }
    const following = lines[next] ?? '';
    if (name !== '' && following.trim() !== '' && !NOT_A_NAME.test(following)) name = `${name} ${cleanText(following)}`;
    if (name !== '') return name;
  }
  warnings.push({ line: 1, message: 'no partnership name found' });
  return 'Unknown partnership';
}

export function periodFrom(startYear: number, endWritten: string): PlanPeriod {
  const end = endWritten.length === 4 ? Number(endWritten) : Math.floor(startYear / 100) * 100 + Number(endWritten);
  const endYear = end > startYear ? end : startYear + 1;
  return { start: `${startYear}-04-01`, end: `${endYear}-03-31` };
}

/** The plan period: "plan 2008/09" is 2008-04-01..2009-03-31, "Planning … 2011-14" is 2011-04-01..2014-03-31. */
export function readPeriod(lines: string[], warnings: ImportWarning[]): PlanPeriod {
  const span = /\b((?:19|20)\d{2})\s*[/-]\s*(\d{4}|\d{2})\b/;
  for (const line of lines) {
    const match = /plan/i.test(line) ? span.exec(line) : null;
    if (match !== null) return periodFrom(Number(match[1]), match[2] ?? '');
  }
  for (const [index, line] of lines.entries()) {
    const match = span.exec(line);
    if (match === null) continue;
    warnings.push({ line: index + 1, message: `no plan period in the title; took ${match[0]} from this line` });
    return periodFrom(Number(match[1]), match[2] ?? '');
  }
  const year = lines.join('\n').match(/\b(?:19|20)\d{2}\b/)?.[0];
  warnings.push({ line: 1, message: `no plan period found; assumed the year from April ${year ?? '2000'}` });
  return periodFrom(Number(year ?? '2000'), '');
}

/** A stable plan id from partnership and first year: "isle-of-wight-dat-2008". */
export function planSlug(partnership: string, period: PlanPeriod): string {
  const name = partnership.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${name || 'plan'}-${period.start.slice(0, 4)}`;
}
