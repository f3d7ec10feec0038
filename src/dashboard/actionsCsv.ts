// The board-papers export: one row per action with its status and its whole history. Written a page of
// actions at a time, so exporting a 100,000-action plan holds one page in memory, not the plan.
import { loadDirectory, type Directory } from '../app/directory.ts';
import { dueLabel } from '../cards/format.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { PlanSummary, Store } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';
import { csvLine, csvStart } from './csv.ts';
import { actionRow, type ActionRow } from './dashboardData.ts';

export const CSV_HEADER = ['Plan', 'Grid', 'Ref', 'Action', 'Owners', 'Due', 'Status', 'Days late', 'Last answer', 'History', 'Code', 'Latest note'];

/** Actions read (and written out) at a time. */
const PAGE = 500;

/** "Mon 2 Jun 2025 Sam Patel: done (occurrence 2025-06-09)" */
export function describeChange(change: ActionChange): string {
  return `${dueLabel(londonDate(new Date(change.at)))} ${change.by.name}: ${change.summary}`;
}

/** "SMLO (Sam Patel); SMO (nobody yet)" */
export function ownersText(row: ActionRow): string {
  return row.owners.map((o) => `${o.role} (${o.people.length > 0 ? o.people.join(', ') : 'nobody yet'})`).join('; ');
}

function cellsOf(plan: PlanSummary, row: ActionRow, history: ActionChange[]): (string | number | null)[] {
  const last = history.at(-1);
  return [
    plan.partnership,
    row.gridTitle ? `${row.grid}: ${row.gridTitle}` : String(row.grid),
    row.ref,
    row.text,
    ownersText(row),
    row.dueLabel,
    row.statusText,
    row.daysLate,
    last ? describeChange(last) : null,
    history.map(describeChange).join(' | '),
    row.code,
    row.note,
  ];
}

/**
 * Writes every action of `plans` as CSV through `write`, a page at a time, waiting for each write (the
 * response's back-pressure) before reading the next page. Aborting `stop` (the client went away) ends
 * the reading within a few rows.
 */
export async function writeActionsCsv(store: Store, directory: Directory, today: IsoDate, plans: PlanSummary[], write: (text: string) => Promise<void>, stop?: AbortSignal): Promise<void> {
  await write(csvStart(CSV_HEADER));
  for (const plan of plans) {
    for await (const page of store.actions.pages(plan.id, PAGE, stop)) {
      await write(page.map(({ stored, history }) => csvLine(cellsOf(plan, actionRow(stored, directory, today), history))).join(''));
    }
  }
}

/** Every action of every plan as CSV, as of `today`, in one string (for small stores and tests). */
export async function actionsCsv(store: Store, today: IsoDate): Promise<string> {
  let text = '';
  await writeActionsCsv(store, await loadDirectory(store), today, await store.plans.listPlans(), async (chunk) => { text += chunk; });
  return text;
}
