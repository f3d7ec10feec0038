// Which column of a plan table holds what, recognised from the header cells' words, so "Lead",
// "Target date", "Ref" and "RAG" layouts read like the classic "Actions and milestones | By when | By whom".

/** The jobs a column can do in a plan table. */
export type ColumnRole = 'ref' | 'action' | 'when' | 'who' | 'grid' | 'objective' | 'status' | 'other';

/** A header row, read: the role of each grid column (by position, spans expanded). */
export interface HeaderColumns {
  roles: ColumnRole[];
}

// Order matters: "Action ref" is a reference, "Objective ref" an objective, "Action owner" an owner.
const RULES: { role: ColumnRole; pattern: RegExp }[] = [
  { role: 'status', pattern: /^(?:rag|rag status|status|progress|rating|red\s*\/?\s*amber\s*\/?\s*green|update|comments?|progress update)\b/i },
  { role: 'when', pattern: /\b(?:by when|when|target date|target|deadline|due(?: date)?|timescales?|date due|completion date|end date|date)\b/i },
  { role: 'who', pattern: /\b(?:by whom|who|lead|leads|owner|owners|responsible|responsibility|lead officer|lead agency|accountable)\b/i },
  { role: 'objective', pattern: /^(?:objective|objectives|priority|aim)\b/i },
  { role: 'grid', pattern: /^(?:grid|planning grid|section|planning section|theme)\b/i },
  { role: 'ref', pattern: /^(?:ref|ref\.|reference|no\.?|number|#|id|action ref|action no\.?)$/i },
  { role: 'action', pattern: /\b(?:actions?|milestones?|key milestones|tasks?|activity|activities|what)\b/i },
];

function roleOf(text: string): ColumnRole {
  const words = text.replace(/[:*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return 'other';
  // "Actions and milestones" is the action column even though it says "and".
  if (/^(?:delivery plan:?\s*)?actions? and (?:\w*stones)/i.test(words)) return 'action';
  if (/^(?:action|milestone)s?\s+(?:ref|no\.?|number|id)$/i.test(words)) return 'ref';
  if (/^action\s+(?:owner|lead)s?$/i.test(words)) return 'who';
  return RULES.find((rule) => rule.pattern.test(words))?.role ?? 'other';
}

/**
 * Reads `cells` (one text per grid column) as a header row, or null when it is not one: a header
 * names an action column and at least one of "By when" / "By whom", and nothing in it reads like a row.
 */
export function readHeader(cells: string[]): HeaderColumns | null {
  const filled = cells.filter((cell) => cell.trim() !== '');
  if (filled.length < 2 || filled.some((cell) => cell.length > 60)) return null;
  const roles = cells.map(roleOf);
  const actionAt = roles.indexOf('action');
  if (actionAt < 0 || !(roles.includes('when') || roles.includes('who'))) return null;
  // The same role twice: keep the first ("Target date" and "Revised date": the plan's date is the first).
  const seen = new Set<ColumnRole>();
  const unique = roles.map((role) => {
    if (role === 'other' || role === 'status') return role;
    if (seen.has(role)) return 'other';
    seen.add(role);
    return role;
  });
  return { roles: unique };
}

/** True when two header rows give the columns the same jobs in the same order (a header repeated on the next page). */
export function sameColumns(a: HeaderColumns, b: HeaderColumns): boolean {
  const jobs = (h: HeaderColumns): string => h.roles.filter((role) => role !== 'other' && role !== 'status').join('|');
  return jobs(a) === jobs(b);
}
