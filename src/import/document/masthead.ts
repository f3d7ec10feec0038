// Which partnership and which plan year a document is: from the lines above its first table (or the
// cells above a spreadsheet's header), else from the file name, with a warning saying which.
import type { ImportWarning, PlanPeriod } from '../../domain/plan.ts';
import { NAME_LINE, periodFrom } from '../planHeader.ts';
import { cleanText } from '../planText.ts';

interface Line {
  line: number;
  text: string;
}

const SPAN = /\b((?:19|20)\d{2})\s*[/-]\s*(\d{4}|\d{2})\b/;
const BODY = /\b(?:partnership|DAAT|DAT|SMAT|drug and alcohol action team|community safety|safer)\b/i;

/** The file's own name, without folders or extension: "worcestershire-smat-plan-2009-10". */
function baseName(sourceName: string): string {
  return (sourceName.split(/[\\/]/).at(-1) ?? sourceName).replace(/\.[a-z0-9]+$/i, '');
}

function partnershipOf(lines: Line[], sourceName: string, warnings: ImportWarning[]): string {
  for (const { text } of lines) {
    const match = NAME_LINE.exec(text);
    if (match !== null && cleanText(match[1] ?? '') !== '') return cleanText(match[1] ?? '');
  }
  for (const { text } of lines) {
    if (!BODY.test(text)) continue;
    // "Safer Somewhere Partnership: drug treatment plan 2010/11" names the body before the plan.
    const name = cleanText(text.split(/\s+[–—-]\s+|:\s*|\s+(?:adult\s+)?(?:drug|alcohol|treatment|action|delivery)\s+(?:treatment\s+)?plan\b/i)[0] ?? '');
    if (name !== '' && name.length <= 80) return name;
  }
  const words = baseName(sourceName).replace(/[_-]+/g, ' ').replace(/\b(?:19|20)\d{2}\b.*$/, '').replace(/\b(?:plan|drug|treatment|action)s?\b/gi, '').trim();
  if (/[a-z]{3,}/i.test(words) && !/^\d+\s+[0-9a-f]{8,}/i.test(words)) {
    const name = words.replace(/\s+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    warnings.push({ line: 1, message: `no partnership name above the table; took "${name}" from the file name` });
    return name;
  }
  warnings.push({ line: 1, message: 'no partnership name found above the table or in the file name' });
  return 'Unknown partnership';
}

function periodOf(lines: Line[], sourceName: string, warnings: ImportWarning[]): PlanPeriod {
  const titled = lines.find((l) => /plan/i.test(l.text) && SPAN.test(l.text)) ?? lines.find((l) => SPAN.test(l.text));
  const match = titled === undefined ? null : SPAN.exec(titled.text);
  if (match !== null) return periodFrom(Number(match[1]), match[2] ?? '');
  const fromName = SPAN.exec(baseName(sourceName).replace(/_/g, ' '));
  if (fromName !== null) {
    warnings.push({ line: 1, message: `no plan period above the table; took ${fromName[0]} from the file name` });
    return periodFrom(Number(fromName[1]), fromName[2] ?? '');
  }
  const year = lines.map((l) => /\b(?:19|20)\d{2}\b/.exec(l.text)?.[0]).find((y) => y !== undefined);
  warnings.push({ line: 1, message: `no plan period found above the table or in the file name; assumed the year from April ${year ?? '2000'}` });
  return periodFrom(Number(year ?? '2000'), '');
}

/** The partnership and period a document names above its tables, or its file name does. */
export function documentMasthead(lines: Line[], sourceName: string, warnings: ImportWarning[]): { partnership: string; period: PlanPeriod } {
  return { partnership: partnershipOf(lines, sourceName, warnings), period: periodOf(lines, sourceName, warnings) };
}
