// Reads a plan out of a document's paragraphs and tables (Word, PDF, Excel, CSV): headings set the
// grid and objective, a header row says which column is which, and each row after it is an action.
import type { Grid, ImportWarning, Plan } from '../../domain/plan.ts';
import type { DraftRow } from '../draftRow.ts';
import { finishPlan } from '../finishPlan.ts';
import { classifyLine } from '../lineKinds.ts';
import { PlanFormatError } from '../planFormatError.ts';
import { cleanText, readRef } from '../planText.ts';
import { textOf, whenOf, whoOf } from './cellText.ts';
import { readHeader, sameColumns, type ColumnRole, type HeaderColumns } from './columns.ts';
import { documentMasthead } from './masthead.ts';
import type { DocCell, DocRow, PlanDocument } from './model.ts';
import { checkColumns, checkRows } from '../limits.ts';

/** Cells laid out by grid column: a cell spanning three columns sits at its first and leaves the others undefined. */
function byColumn(row: DocRow): (DocCell | undefined)[] {
  const columns: (DocCell | undefined)[] = [];
  // Every reader caps spans; checked again here, since this is where a span becomes memory.
  checkColumns(row.cells.reduce((sum, cell) => sum + cell.span, 0));
  for (const cell of row.cells) {
    columns.push(cell);
    for (let i = 1; i < cell.span; i += 1) columns.push(undefined);
  }
  return columns;
}

/** The one text of a row that has a single filled cell (a full-width objective or grid row), else null. */
function singleText(row: DocRow, columns: number): string | null {
  const filled = row.cells.filter((cell) => textOf(cell) !== '');
  const texts = new Set(filled.map(textOf));
  if (texts.size !== 1) return null;
  const only = filled[0];
  // A merged range read cell by cell repeats one text; a spanning cell covers the width on its own.
  const wide = (only?.span ?? 1) >= Math.min(2, columns) || filled.length > 1;
  const text = [...texts][0] ?? '';
  return wide || /^(?:objective|priority|planning grid|grid|section)\s*\d/i.test(text) ? text : null;
}

/** "1. Commissioning…", "Grid 2", "Planning grid 3: Retention" → number and title. */
function gridCell(text: string): Grid | null {
  const match = /^(?:planning\s+)?(?:grid|section)?\s*(\d{1,2})\s*[.:)\-–]?\s*(.*)$/i.exec(text.trim());
  return match === null ? null : { number: Number(match[1]), title: cleanText(match[2] ?? '') };
}

/** Reads the plan out of `doc`. @throws PlanFormatError when it holds no plan table. */
export function documentPlan(doc: PlanDocument, sourceName: string): Plan {
  const warnings: ImportWarning[] = [];
  const grids: Grid[] = [];
  const rows: DraftRow[] = [];
  const mastheadLines: { line: number; text: string }[] = [];
  const objectives = new Map<string, string>();
  let grid: number | null = null;
  let objective: string | null = null;
  let header: HeaderColumns | null = null;
  let tables = 0;
  let seenRows = 0;

  const setGrid = (found: Grid): void => {
    const known = grids.find((g) => g.number === found.number);
    if (known === undefined) grids.push(found);
    else if (known.title === '' && found.title !== '') known.title = found.title;
    if (grid !== found.number) objective = null;
    grid = found.number;
  };
  const gridNumber = (): number => {
    if (grid === null) setGrid({ number: 1, title: '' });
    return grid ?? 1;
  };
  // A heading line: true when it set a grid or an objective.
  const heading = (text: string): boolean => {
    const kind = classifyLine(text);
    if (kind.kind === 'grid') {
      setGrid({ number: kind.number, title: cleanText(kind.title) });
      return true;
    }
    if (kind.kind === 'objective') {
      const title = cleanText(kind.title);
      objective = title === '' ? objectives.get(String(kind.number)) ?? `Objective ${kind.number}` : title;
      if (title !== '') objectives.set(String(kind.number), title);
      return true;
    }
    return false;
  };

  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (!heading(block.text) && rows.length === 0 && grids.length === 0) mastheadLines.push(block);
      continue;
    }
    tables += 1;
    seenRows += block.rows.length;
    checkRows(seenRows);
    // Once a table's rows have started, only a repeat of its header (a page break) is a header again: a
    // short data row ("Develop an IDTS Action Plan | … | Commissioner") never remaps the columns.
    let bodyStarted = false;
    let continuesAbove = false;
    for (const row of block.rows) {
      for (const note of row.notes ?? []) warnings.push({ line: row.line, message: note });
      const cells = byColumn(row);
      const found = readHeader(cells.map((cell) => textOf(cell)));
      if (found !== null && (!bodyStarted || header === null || sameColumns(found, header))) {
        // The same header again over more rows: the table goes on from a page before.
        continuesAbove = header !== null && rows.length > 0 && sameColumns(found, header);
        header = found;
        continue;
      }
      if (header === null) {
        // Rows above the header: the masthead of a spreadsheet, or a layout table.
        const text = row.cells.map(textOf).filter((t) => t !== '').join(' ');
        if (text !== '' && !heading(text) && rows.length === 0) mastheadLines.push({ line: row.line, text });
        continue;
      }
      bodyStarted = true;
      const wide = singleText(row, header.roles.length);
      if (wide !== null) {
        if (!heading(wide)) {
          // "Objective: reduce drug related deaths" as a full-width row, or a bare title.
          objective = cleanText(wide.replace(/^(?:objective|priority|aim)\s*\d*\s*[:.–-]?\s*/i, ''));
        }
        continue;
      }
      const at = (role: ColumnRole): DocCell | undefined => cells[header?.roles.indexOf(role) ?? -1];
      const gridText = textOf(at('grid'));
      if (gridText !== '') {
        const g = gridCell(gridText);
        if (g !== null) setGrid(g);
      }
      const objectiveText = textOf(at('objective'));
      if (objectiveText !== '') {
        objective = /^\d+$/.test(objectiveText) ? objectives.get(objectiveText) ?? `Objective ${objectiveText}` : cleanText(objectiveText);
      }
      const refText = textOf(at('ref')).replace(/\.$/, '');
      const own = readRef(textOf(at('action')));
      const text = refText === '' ? own.rest : textOf(at('action'));
      const when = whenOf(at('when'));
      const who = whoOf(at('who'));
      if (text === '' && when === '' && who === '') {
        // An objective across the other columns of a spreadsheet row that also names its grid.
        const rest = cells.filter((cell, i) => header?.roles[i] !== 'grid' && textOf(cell) !== '').map((cell) => textOf(cell));
        if (rest.length === 1 && !heading(rest[0] ?? '')) objective = cleanText(rest[0] ?? '');
        continue;
      }
      const previous = rows.at(-1);
      const firstUnderRepeat = continuesAbove;
      continuesAbove = false;
      // A row broken across a page goes on under the repeated header: no reference, lower case, and
      // either nothing in the other columns or (straight under the header) the rest of their cells too.
      // Straight under a repeated header, a row with no reference, date or owner is the rest of the row above
      // whatever its case ("RESULT to scope community engagement projects").
      const rest = refText === '' && own.ref === null && (firstUnderRepeat ? (when === '' && who === '') || /^[a-z]/.test(text) : /^[a-z]/.test(text) && when === '' && who === '');
      if (previous !== undefined && rest) {
        if (firstUnderRepeat) warnings.push({ line: row.line, message: `row broken across a page: "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" read as the rest of the row at line ${previous.line}` });
        previous.text.push(text);
        if (when !== '') previous.when.push(when);
        if (who !== '') previous.who.push(who);
        continue;
      }
      if (text === '') {
        warnings.push({ line: row.line, message: `cells with no action: "${[when, who].join(' | ')}"` });
        continue;
      }
      rows.push({
        line: row.line, grid: gridNumber(), objective, ref: refText === '' ? own.ref : refText,
        text: [text], when: when === '' ? [] : [when], who: who === '' ? [] : [who],
      });
    }
  }
  if (rows.length === 0) {
    const what = tables === 0 ? 'no tables' : `${tables} table${tables === 1 ? '' : 's'} but none with an action column and a "By when" or "By whom" column`;
    throw new PlanFormatError(`${sourceName}: no plan found: ${what}`);
  }
  const { partnership, period } = documentMasthead(mastheadLines, sourceName, warnings);
  return finishPlan({ partnership, period, grids, rows, warnings });
}
