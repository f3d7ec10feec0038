// The board-papers export: one row per action with its status and its whole history.
import { mapLimit } from '../mapLimit.ts';
import { dueLabel } from '../cards/format.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Store } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';
import { toCsv } from './csv.ts';
import { dashboardView, type ActionRow, type DashboardView } from './dashboardData.ts';

export const CSV_HEADER = ['Plan', 'Grid', 'Ref', 'Action', 'Owners', 'Due', 'Status', 'Days late', 'Last answer', 'History', 'Code', 'Latest note'];

/** History reads in flight at once: one query per action, a few hundred actions per export. */
const PARALLEL_READS = 16;

/** "Mon 2 Jun 2025 Sam Patel: done (occurrence 2025-06-09)" */
export function describeChange(change: ActionChange): string {
  return `${dueLabel(londonDate(new Date(change.at)))} ${change.by.name}: ${change.summary}`;
}

/** "SMLO (Sam Patel); SMO (nobody yet)" */
export function ownersText(row: ActionRow): string {
  return row.owners.map((o) => `${o.role} (${o.people.length > 0 ? o.people.join(', ') : 'nobody yet'})`).join('; ');
}

/** Every action of every plan as CSV, as of `today`. */
export async function actionsCsv(store: Store, today: IsoDate): Promise<string> {
  return actionsCsvOf(store, await dashboardView(store, today));
}

/** Every action of a dashboard view (the plans a viewer sees) as CSV. */
export async function actionsCsvOf(store: Store, view: DashboardView): Promise<string> {
  const rows = view.plans.flatMap((plan) => plan.actions.map((row) => ({ plan, row })));
  const histories = await mapLimit(rows, PARALLEL_READS, ({ row }) => store.actions.history(row.planId, row.actionId));
  return toCsv(CSV_HEADER, rows.map(({ plan, row }, i) => {
    const history = histories[i] ?? [];
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
  }));
}
