// The most a plan document may hold, in one place. Real plans are far inside every limit (the largest
// seed: 150 actions, 6 columns, 30 pages, under 1 MB); a file past one is refused with one line naming
// the limit, before it can take the bot's memory or time. docs/readme-parts/worker.md says why each.
import { PlanFormatError } from './planFormatError.ts';

/** A plan file as sent or read from disk (Teams' own download cap is the same). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** One part of a Word or Excel file once unzipped (a 150-action plan's document.xml is about 1 MB). */
export const MAX_UNZIPPED_PART_BYTES = 32 * 1024 * 1024;
/** All the parts read from one Word or Excel file, unzipped. */
export const MAX_UNZIPPED_TOTAL_BYTES = 64 * 1024 * 1024;
/** Pages of a PDF. */
export const MAX_PAGES = 300;
/** Drawing operations (paths, fills, strokes, text) on one PDF page; a full page of a ruled plan table has about 1,000. */
export const MAX_DRAWN_PER_PAGE = 10_000;
/** Distinct drawn shapes (rules, shading) kept from a whole PDF; the test plans draw at most about 200. */
export const MAX_DRAWN_TOTAL = 50_000;
/** Table rows in the whole document (all tables and sheets). */
export const MAX_ROWS = 5_000;
/** Columns of a table, spans included: a plan table has 3 to 8. */
export const MAX_COLUMNS = 64;
/** Actions in one plan (the largest seed has 150); a preview of the plan must also fit one table row. */
export const MAX_ACTIONS = 1_000;
/** Characters in one action's text (or its by-when, owners or objective): a real action is a few sentences. */
export const MAX_CELL_CHARS = 4_000;
/** Characters of the whole plan as stored: its preview and its undo record are each one table row (about 450,000). */
export const MAX_PLAN_CHARS = 400_000;
/** Elements open inside one another in pasted or saved HTML (Word's own HTML nests about 15 deep). */
export const MAX_HTML_DEPTH = 256;

/** What the reading thread may use; the caller's process is never at risk. */
export interface ReadLimits {
  /** The reading thread's heap; past it the thread is stopped and the file refused. */
  heapMb: number;
  /** The longest a file may take to read; then the thread is stopped and the file refused. */
  timeMs: number;
}

/** A reading thread's heap and time; with its code and buffers it takes about 288 MB at its limit. */
export const READ_LIMITS: ReadLimits = { heapMb: 256, timeMs: 20_000 };
/**
 * Reads at the same time; more wait their turn. The container has 1 GiB and half a CPU: the bot's own heap
 * is capped at 512 MB (its RSS peaked at about 500 MB over 100,000 stored actions), so one reading thread
 * fits beside it and a second would not (test/production/memoryBudget.test.ts); on half a CPU two reads
 * would not finish sooner either.
 */
export const MAX_CONCURRENT_READS = 1;

/** The refusal for a document past a limit: what it has, and the most a plan may have. */
export function overLimit(has: string, most: string): PlanFormatError {
  return new PlanFormatError(`${has}; the most a plan may have is ${most}`);
}

/** A table's width checked: a span or a row past the column limit is refused before anything is laid out. */
export function checkColumns(columns: number): void {
  if (!Number.isFinite(columns) || columns > MAX_COLUMNS) {
    throw overLimit(`a table row is ${Number.isFinite(columns) ? columns : 'endlessly'} columns wide`, `${MAX_COLUMNS} columns`);
  }
}

/** A cell's span checked against the column limit. */
export function checkSpan(span: number): number {
  if (!Number.isFinite(span) || span > MAX_COLUMNS) throw overLimit(`a table cell spans ${span} columns`, `${MAX_COLUMNS}`);
  return Math.max(1, Math.floor(span));
}

/** The document's table rows so far checked against the row limit. */
export function checkRows(rows: number): void {
  if (rows > MAX_ROWS) throw overLimit(`the document has more than ${MAX_ROWS.toLocaleString('en-GB')} table rows`, `${MAX_ROWS.toLocaleString('en-GB')} rows`);
}

/** Megabytes, for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** A read plan checked against the text limits, so it can always be previewed, stored and undone. */
export function checkPlanText(plan: { actions: readonly { text: string; byWhenRaw: string; ownersRaw: string; objective: string | null; ref: string | null }[] }): void {
  for (const action of plan.actions) {
    const longest = Math.max(action.text.length, action.byWhenRaw.length, action.ownersRaw.length, action.objective?.length ?? 0);
    if (longest > MAX_CELL_CHARS) {
      throw overLimit(`${action.ref ? `action ${action.ref.slice(0, 20)} has` : 'an action has'} a cell of ${longest.toLocaleString('en-GB')} characters`, `${MAX_CELL_CHARS.toLocaleString('en-GB')} characters in a cell`);
    }
  }
  const chars = JSON.stringify(plan).length;
  if (chars > MAX_PLAN_CHARS) throw overLimit(`it has ${chars.toLocaleString('en-GB')} characters of text`, `${MAX_PLAN_CHARS.toLocaleString('en-GB')} characters`);
}
