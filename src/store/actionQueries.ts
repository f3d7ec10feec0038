// Reads of part of a plan: a page of its actions, narrowed on the server, and its tally. Each asks the
// table for what it needs, so the dashboard of a 100,000-action plan reads hundreds of rows, not all.
import { odata, type TableClient } from '@azure/data-tables';
import type { PageWhere, TallyEntry } from '../domain/ports.ts';
import { mergeTallies } from '../domain/tally.ts';
import { revisionPrefix, storedAction, type RowExtras } from './actionRows.ts';
import { TALLY_FIELDS, TALLY_KEY, tallyEntries } from './actionTally.ts';
import { prefixEnd, textToKey } from './keys.ts';
import { listAll } from './tables.ts';
import type { StoredAction } from '../domain/ports.ts';

/** The filter on every partition of a plan's revision; with revision null, of every revision. */
export function planPartitions(planId: string, revision: string | null = ''): string {
  const start = revision === null ? `${textToKey(planId)}|` : revisionPrefix(planId, revision);
  // Revision '' is plan|bucket, buckets in hex: other revisions (plan|r…|bucket) sort after 'f'.
  if (revision === '') return odata`PartitionKey ge ${`${start}0`} and PartitionKey lt ${`${start}g`}`;
  return odata`PartitionKey ge ${start} and PartitionKey lt ${prefixEnd(start)}`;
}

/** The server-side filter for a page: the plan's action rows, narrowed by `where`. */
function pageFilter(planId: string, revision: string, count: number, where: PageWhere): string {
  const parts = [planPartitions(planId, revision), odata`RowKey ne ${TALLY_KEY}`];
  if (where.grid !== undefined) parts.push(odata`grid eq ${where.grid}`);
  if (where.statuses && where.statuses.length > 0) parts.push(`(${where.statuses.map((s) => odata`status eq ${s}`).join(' or ')})`);
  if (where.dueFrom) parts.push(odata`dueDate ge ${where.dueFrom}`);
  if (where.dueTo) parts.push(odata`dueDate le ${where.dueTo}`);
  // Unnarrowed, the first `count` in document order are the rows ordered below `count`.
  const narrowed = parts.length > 2;
  if (!narrowed) parts.push(odata`order lt ${count}`);
  return parts.join(' and ');
}

/** A plan's actions in document order that `where` keeps, at most `count`. */
export async function pageOf(client: TableClient, planId: string, revision: string, count: number, where: PageWhere): Promise<(StoredAction & RowExtras)[]> {
  const rows = await listAll<Record<string, unknown>>(client, pageFilter(planId, revision, count, where), `reading a page of ${planId}`);
  return rows.map(storedAction).sort((a, b) => a.order - b.order).slice(0, count);
}

// Only the tally's own properties: a plan of 100,000 actions has a thousand tally rows.
const tallyRows = (client: TableClient, planId: string, revision: string) =>
  listAll<Record<string, unknown>>(client, `${planPartitions(planId, revision)} and ${odata`RowKey eq ${TALLY_KEY}`}`, `reading the tally of ${planId}`, TALLY_FIELDS);

/** A plan's tally from its partitions' tally rows; null unless every partition has one. */
export async function tallyOfPlan(client: TableClient, planId: string, revision: string, buckets: number): Promise<TallyEntry[] | null> {
  const rows = await tallyRows(client, planId, revision);
  if (rows.length < buckets) return null;
  return mergeTallies(rows.map(tallyEntries));
}

