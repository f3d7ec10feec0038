// Whether HTML from a chat message holds a plan table: only a table with a header row the importer
// recognises counts, so an ordinary message (Teams sends every message's HTML too) is never taken for a plan.
import { readHeader } from './document/columns.ts';
import { textOf } from './document/cellText.ts';
import { checkColumns } from './limits.ts';
import { readHtml } from './office/htmlReader.ts';

/** True when `html` has a table with a plan header ("Actions and milestones | By when | By whom", "Action | Lead | Target date"). */
export function hasPlanTable(html: string): boolean {
  if (!/<table[\s>]/i.test(html)) return false;
  return readHtml(html).blocks.some((block) => block.kind === 'table' && block.rows.some((row) => {
    checkColumns(row.cells.reduce((sum, cell) => sum + cell.span, 0));
    const cells = row.cells.flatMap((cell) => [textOf(cell), ...Array.from({ length: cell.span - 1 }, () => '')]);
    return readHeader(cells) !== null;
  }));
}
