// What one line of a planning document is, judged on its own: a heading, page furniture, a
// table header, or a row whose meaning depends on what came before (decided by the reader).
import { stripMarkup } from './planText.ts';

/** One line, classified. Cells are tab-separated, markup stripped, not yet trimmed. */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'furniture' }
  | { kind: 'grid'; number: number; title: string }
  | { kind: 'priorities' }
  | { kind: 'outcomes' }
  | { kind: 'glossary' }
  | { kind: 'pointer' }
  | { kind: 'deliveryPlan' }
  | { kind: 'header'; offset: number; merged: string[] | null }
  | { kind: 'objective'; number: number; title: string; cells: string[] }
  | { kind: 'row'; cells: string[] }
  | { kind: 'prose'; text: string };

/** Page headers and footers, page numbers, "DRAFT", separators: repeated by the PDF, never content. */
const FURNITURE = [
  /^[-\s]+$/,
  /^\d{1,3}$/,
  /^DRAFT$/i,
  /^(?:Adult )?drug treatment plan(?:ning)?\b/i,
  /^Part\s*3\b/i,
  /^(?:Name of partnership|Partnership name)\b/i,
  /\bFINAL ADULT TP\b|\bNTA Submission\b/i,
  /^Dated?(?: published)?\s*:/i,
  /^Planning Framework$/i,
];

const HEADER_PHRASE = /^(?:Delivery Plan:?\s*)?(?:Actions and \w*stones|Key milestones)\b/i;
const BY_WHEN_OR_WHOM = /^[BD][yv]\s+W/i;

function header(cells: string[]): LineKind | null {
  const offset = cells.findIndex((cell) => cell.trim() !== '');
  const first = (cells[offset] ?? '').trim();
  const later = cells.slice(offset + 1).map((cell) => cell.trim());
  const match = HEADER_PHRASE.exec(first);
  if (match !== null) {
    const rest = first.slice(match[0].length).trim();
    const mergedRow = rest !== '' && !later.some((cell) => BY_WHEN_OR_WHOM.test(cell));
    return { kind: 'header', offset, merged: mergedRow ? [rest, ...later] : null };
  }
  if (/^Delivery Plan:?$/i.test(first) && later.some((cell) => BY_WHEN_OR_WHOM.test(cell))) {
    return { kind: 'header', offset, merged: null };
  }
  return null;
}

/** Headings that stand on a line of their own (other cells empty). */
function heading(text: string): LineKind | null {
  if (FURNITURE.some((pattern) => pattern.test(text))) return { kind: 'furniture' };
  const grid = /^Planning (?:grid|section)\s+(\d+)\s*[:.]?\s*(.*)$/i.exec(text);
  if (grid !== null) return { kind: 'grid', number: Number(grid[1]), title: (grid[2] ?? '').trim() };
  if (/^(?:Identification of key priorities|Partnership priority\s*\d|Objectives\s+\d)/i.test(text)) {
    return { kind: 'priorities' };
  }
  if (/^Expected outcomes/i.test(text)) return { kind: 'outcomes' };
  if (/^Other Comments/i.test(text)) return { kind: 'glossary' };
  if (/^(?:Please (?:see|note)\b|Note:)/i.test(text)) return { kind: 'pointer' };
  if (/^Delivery Plan\b/i.test(text)) return { kind: 'deliveryPlan' };
  return null;
}

/** "Objective 3 Continue…", "Objective 2**Implement…****Delivery Plan:**", "Objective 10." */
function objective(cells: string[]): LineKind | null {
  const first = (cells[0] ?? '').trim();
  const match = /^Objective\s*(\d+)(?:\.\d+)*\b\s*[.:–-]?\s*(.*)$/i.exec(first);
  if (match === null) return null;
  const title = (match[2] ?? '').replace(/\s*Delivery Plan:?\s*$/i, '').replace(/^[-–]\s+/, '').trim();
  return { kind: 'objective', number: Number(match[1]), title, cells: cells.slice(1) };
}

/** Classifies one raw line of the document. */
export function classifyLine(raw: string): LineKind {
  const cells = stripMarkup(raw).split('\t');
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (filled.length === 0) return { kind: 'blank' };
  const found = header(cells) ?? objective(cells);
  if (found !== null) return found;
  if (filled.length === 1 && (cells[0] ?? '').trim() !== '') {
    const single = heading(filled[0] ?? '');
    if (single !== null) return single;
  }
  if (/^[-\s]+$/.test(cells.join(''))) return { kind: 'furniture' };
  return raw.includes('\t') ? { kind: 'row', cells } : { kind: 'prose', text: filled[0] ?? '' };
}
