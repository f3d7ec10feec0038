// Walks the document line by line, keeping track of the grid, the objective and the table it is
// in, and turns rows (with the lines that continue them) into draft rows.
import type { Grid, ImportWarning } from '../domain/plan.ts';
import { continueRow, continuesRow, startRow, toColumns, type Columns, type DraftRow } from './draftRow.ts';
import { classifyLine, type LineKind } from './lineKinds.ts';
import { cleanText, readRef } from './planText.ts';

/** What the reader found: grids, rows in document order, and whatever it could not read. */
export interface PlanReading {
  grids: Grid[];
  rows: DraftRow[];
  warnings: ImportWarning[];
  /** A delivery-plan table header ("Actions and milestones | By when | By whom") was seen. */
  sawTable: boolean;
  /** A "Planning grid N" heading was seen (grid 1 made up for rows before any heading does not count). */
  sawGrid: boolean;
}

type Mode = 'none' | 'priorities' | 'outcomes' | 'glossary' | 'table';

/** Reads the grids and delivery-plan rows of `lines` (the whole document, line 1 first). */
export function readPlan(lines: string[]): PlanReading {
  const reading: PlanReading = { grids: [], rows: [], warnings: [], sawTable: false, sawGrid: false };
  let grid: number | null = null;
  let objectives = new Map<number, string>();
  let objective: string | null = null;
  let awaitingTitle: number | null = null;
  let mode: Mode = 'none';
  let offset = 0;
  let open: DraftRow | null = null;

  const warn = (line: number, message: string): void => {
    reading.warnings.push({ line, message });
  };
  const gridNumber = (line: number): number => {
    if (grid !== null) return grid;
    warn(line, 'action found before any planning grid heading; put in grid 1');
    grid = 1;
    reading.grids.push({ number: 1, title: '' });
    return grid;
  };
  const start = (line: number, cols: Columns, objectiveText: string | null): void => {
    open = startRow(line, gridNumber(line), objectiveText, cols);
    // "8f" belongs to objective 8 even when objectives 10 and 11 were announced after it.
    const objectiveNumber = /^(\d+) ?[a-z]$/.exec(open.ref ?? '')?.[1];
    open.objective = objectives.get(Number(objectiveNumber)) ?? open.objective;
    reading.rows.push(open);
    mode = 'table';
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const kind: LineKind = classifyLine(raw);
    switch (kind.kind) {
      case 'blank':
      case 'furniture':
        return;
      case 'grid':
        reading.sawGrid = true;
        if (reading.grids.some((g) => g.number === kind.number)) warn(line, `planning grid ${kind.number} appears twice`);
        else reading.grids.push({ number: kind.number, title: cleanText(kind.title) });
        grid = kind.number;
        objectives = new Map();
        objective = null;
        awaitingTitle = null;
        mode = 'none';
        open = null;
        return;
      case 'priorities':
      case 'outcomes':
      case 'glossary':
        mode = kind.kind;
        open = null;
        awaitingTitle = null;
        return;
      case 'pointer':
      case 'deliveryPlan':
        if (mode !== 'table') mode = 'none';
        open = null;
        return;
      case 'header':
        reading.sawTable = true;
        mode = 'table';
        offset = kind.offset;
        open = null;
        awaitingTitle = null;
        if (kind.merged !== null) start(line, toColumns(kind.merged), objective);
        return;
      case 'objective': {
        const known = objectives.get(kind.number);
        // "Expected outcomes" restate objectives already set out in this grid.
        if ((mode === 'outcomes' || mode === 'glossary') && known !== undefined) return;
        const title = cleanText(kind.title);
        const cols = toColumns(['', ...kind.cells]);
        open = null;
        mode = 'none';
        if (title !== '' && known === undefined) objectives.set(kind.number, title);
        objective = known ?? (title === '' ? `Objective ${kind.number}` : title);
        awaitingTitle = title === '' && known === undefined ? kind.number : null;
        // A deadline and an owner on the objective's own line make it an action too.
        if (cols.when !== '' || cols.who !== '') {
          start(line, { ...cols, text: title === '' ? `Objective ${kind.number}` : title }, objective);
        }
        return;
      }
      case 'row':
      case 'prose': {
        const cols = kind.kind === 'row' ? columnsOf(kind.cells, offset, line, warn) : { text: kind.text, when: '', who: '' };
        if (awaitingTitle !== null && cols.when === '' && cols.who === '' && cols.text !== '') {
          const title = cleanText(cols.text).replace(/^-\s+/, '');
          objectives.set(awaitingTitle, title);
          objective = title;
          awaitingTitle = null;
          return;
        }
        if (kind.kind === 'prose') {
          readProse(kind.text, line);
          return;
        }
        if (cols.text === '' && cols.when === '' && cols.who === '') return;
        if (continuesRow(open, cols) && open !== null) {
          const dropped = continueRow(open, cols);
          if (dropped !== null) warn(line, dropped);
          return;
        }
        if (cols.text === '') {
          warn(line, `cells with no action: "${[cols.when, cols.who].join(' | ')}"`);
          return;
        }
        start(line, cols, objective);
        return;
      }
    }
  });
  return reading;

  function readProse(text: string, line: number): void {
    if (mode !== 'table') return;
    const row = open;
    if (row === null) {
      warn(line, `line not read: "${text}"`);
      return;
    }
    const blankAround = (lines[line - 2] ?? '').trim() === '' && (lines[line] ?? '').trim() === '';
    if (blankAround && /^\p{Ll}+$/u.test(text.trim())) {
      warn(line, `stray word "${text.trim()}" ignored`);
      return;
    }
    // In numbered tables a numbered line is a row whose other cells are missing (a cut-short file).
    if (row.ref !== null && readRef(text).ref !== null) {
      start(line, { text, when: '', who: '' }, objective);
      return;
    }
    const dropped = continueRow(row, { text, when: '', who: '' });
    if (dropped !== null) warn(line, dropped);
  }
}

/** A tabbed line's columns, dropping the empty first column some tables carry ("⇥Actions…"). */
function columnsOf(cells: string[], offset: number, line: number, warn: (line: number, message: string) => void): Columns {
  if (offset > 0 && cells.length >= 3 + offset) {
    const dropped = cells.slice(0, offset).map((cell) => cell.trim()).filter((cell) => cell !== '');
    if (dropped.length > 0) warn(line, `stray text "${dropped.join(' ')}" ignored`);
    return toColumns(cells.slice(offset));
  }
  return toColumns(cells);
}
