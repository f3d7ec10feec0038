// A plan's tally, kept beside its actions: one row per action partition (RowKey TALLY_KEY) counting its
// actions by grid, status and due date, and per owner role (ownerTally.ts). It sits in its actions'
// partition so that an answer writes the action and the tally in one transaction: the tally cannot
// drift from the rows it counts.
import type { TableEntity } from '@azure/data-tables';
import type { IsoDate } from '../domain/plan.ts';
import type { ActionStatus } from '../domain/progress.ts';
import type { TallyEntry } from '../domain/ports.ts';
import { tallyStandings, type Standing } from '../domain/tally.ts';
import { actionKeys, revisionPrefix } from './actionRows.ts';
import { ownerCountsOf, type OwnerCount } from './ownerTally.ts';
import { getJson, putJson } from './textFields.ts';

/** No action's RowKey can be this: textToKey writes '~' only before two hex digits. */
export const TALLY_KEY = '~tally';

/** The properties a tally row may have (its JSON may be split over several: see textFields.ts). */
const fieldsOf = (name: string): string[] => ['PartitionKey', 'RowKey', name, `${name}_n`, ...Array.from({ length: 15 }, (_, i) => `${name}_${i + 1}`)];
export const TALLY_FIELDS = fieldsOf('tally');
/** The properties of a tally row's counts per owner. */
export const OWNER_TALLY_FIELDS = fieldsOf('ownerTally');

/** The tally row of one partition; `owners` null leaves the counts per owner out (a plan stored before they were kept). */
export function tallyRow(partitionKey: string, planId: string, entries: TallyEntry[], owners: OwnerCount[] | null): TableEntity {
  const row: Record<string, unknown> = { partitionKey, rowKey: TALLY_KEY, planId };
  putJson(row, 'tally', entries.filter((e) => e.count !== 0).map((e) => [e.grid, e.status, e.dueDate, e.count]));
  if (owners) putJson(row, 'ownerTally', owners.filter((e) => e.count !== 0).map((e) => [e.role, e.grid, e.status, e.dueDate, e.count]));
  return row as TableEntity;
}

/** The counts per owner of a tally row read back; null when the row does not keep them. */
export function ownerCounts(row: Record<string, unknown>): OwnerCount[] | null {
  if (typeof row.ownerTally !== 'string') return null; // a select may give absent properties as null
  return getJson<[string, number, ActionStatus, IsoDate | null, number][]>(row, 'ownerTally', []).map(([role, grid, status, dueDate, count]) => ({ role, grid, status, dueDate, count }));
}

/** The entries of a tally row read back. */
export function tallyEntries(row: Record<string, unknown>): TallyEntry[] {
  return getJson<[number, ActionStatus, IsoDate | null, number][]>(row, 'tally', []).map(([grid, status, dueDate, n]) => ({ grid, status, dueDate, count: n }));
}

/** The tally rows of a whole plan: one per partition, empty ones included (a missing row means "not kept"). */
export function tallyRowsOf(planId: string, buckets: number, actions: { id: string; owners: string[]; standing: Standing }[], revision = ''): TableEntity[] {
  const byPartition = new Map<string, { owners: string[]; standing: Standing }[]>();
  for (let b = 0; b < buckets; b++) byPartition.set(`${revisionPrefix(planId, revision)}${b.toString(16).padStart(4, '0')}`, []);
  for (const a of actions) byPartition.get(actionKeys(planId, a.id, buckets, revision).partitionKey)?.push(a);
  return [...byPartition].map(([pk, list]) => tallyRow(pk, planId, tallyStandings(list.map((a) => a.standing)), ownerCountsOf(list)));
}
