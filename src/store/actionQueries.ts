// Reads of part of a plan: a page of its actions, narrowed on the server, and its tally. Each asks the
// table for what it needs, so the dashboard of a 100,000-action plan reads hundreds of rows, not all.
import { odata, type TableClient } from '@azure/data-tables';
import type { PageWhere, TallyEntry } from '../domain/ports.ts';
import { mergeTallies } from '../domain/tally.ts';
import { revisionPrefix, storedAction, type RowExtras } from './actionRows.ts';
import { OWNER_TALLY_FIELDS, ownerCounts, TALLY_FIELDS, TALLY_KEY, tallyEntries } from './actionTally.ts';
import { mergeOwnerCounts, ownerProperty, type OwnerCount } from './ownerTally.ts';
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

/** The server-side filter for a page's narrowing (grid, statuses, dates, owner), without the plan's partitions. */
function narrowing(where: PageWhere): string[] {
  const parts: string[] = [];
  if (where.grid !== undefined) parts.push(odata`grid eq ${where.grid}`);
  if (where.statuses && where.statuses.length > 0) parts.push(`(${where.statuses.map((s) => odata`status eq ${s}`).join(' or ')})`);
  if (where.dueFrom) parts.push(odata`dueDate ge ${where.dueFrom}`);
  if (where.dueTo) parts.push(odata`dueDate le ${where.dueTo}`);
  // The property name is a hash (an identifier), never user text: safe to put in the filter as is.
  if (where.owner !== undefined) parts.push(`${ownerProperty(where.owner)} eq true`);
  return parts;
}

/** Action rows of a revision whose document order is in [from, to), narrowed on the server. */
async function windowOf(client: TableClient, planId: string, revision: string, from: number, to: number, narrowed: string[]): Promise<(StoredAction & RowExtras)[]> {
  const filter = [planPartitions(planId, revision), odata`RowKey ne ${TALLY_KEY}`, ...narrowed, odata`order ge ${from}`, odata`order lt ${to}`].join(' and ');
  const rows = await listAll<Record<string, unknown>>(client, filter, `reading a page of ${planId}`);
  return rows.map(storedAction).sort((a, b) => a.order - b.order);
}

/** Document positions the first window of a narrowed page spans, per row wanted; each next window is twice as wide. */
const WINDOW_PER_ROW = 4;

/** Margin on a first window sized from `where.matches`: matches are not spread evenly through the plan. */
const SPREAD_MARGIN = 1.25;

/**
 * A plan's actions in document order that `where` keeps, at most `count`. A narrowed page reads windows
 * of document order (`count` × 4 positions, then doubling) until it has `count`, so a broad filter reads
 * about `count` rows, not every match; a rare one reads a few more windows, each returning only matches.
 * When the caller knows how many match (`where.matches`), the first window is wide enough to hold `count`
 * of them if they are spread through the plan: one read for an owner's tenth of a 100,000-action plan.
 */
export async function pageOf(client: TableClient, planId: string, revision: string, count: number, where: PageWhere, actions: number): Promise<(StoredAction & RowExtras)[]> {
  const narrowed = narrowing(where);
  if (narrowed.length === 0) return windowOf(client, planId, revision, 0, count, []);
  const found: (StoredAction & RowExtras)[] = [];
  const spread = where.matches === undefined ? 0 : where.matches > 0 ? Math.ceil((actions * Math.min(count, where.matches) / where.matches) * SPREAD_MARGIN) : actions;
  let width = Math.max(count * WINDOW_PER_ROW, 1_000, spread);
  for (let from = 0; found.length < count && from < actions; from += width, width *= 2) {
    found.push(...await windowOf(client, planId, revision, from, from + width, narrowed));
  }
  return found.slice(0, count);
}

/** A revision's actions in document order, `size` at a time (one window each). */
export async function* pagesOf(client: TableClient, planId: string, revision: string, size: number, actions: number): AsyncGenerator<(StoredAction & RowExtras)[]> {
  for (let from = 0; from < actions; from += size) yield windowOf(client, planId, revision, from, from + size, []);
}

// Only the properties wanted (the plan's counts, or those per owner): a plan of 100,000 actions has a thousand tally rows.
const tallyRows = (client: TableClient, planId: string, revision: string, fields: string[]) =>
  listAll<Record<string, unknown>>(client, `${planPartitions(planId, revision)} and ${odata`RowKey eq ${TALLY_KEY}`}`, `reading the tally of ${planId}`, fields);

/** A plan's tally and counts per owner (null when a partition keeps none) from its partitions' tally rows; null unless every partition keeps a tally. */
export async function partitionTallies(client: TableClient, planId: string, revision: string, buckets: number): Promise<{ entries: TallyEntry[]; owners: OwnerCount[] | null } | null> {
  const rows = await tallyRows(client, planId, revision, [...new Set([...TALLY_FIELDS, ...OWNER_TALLY_FIELDS])]);
  if (rows.length < buckets) return null;
  const counts = rows.map(ownerCounts);
  const owners = counts.some((c) => c === null) ? null : mergeOwnerCounts(counts.flatMap((c) => c ?? []));
  return { entries: mergeTallies(rows.map(tallyEntries)), owners };
}
