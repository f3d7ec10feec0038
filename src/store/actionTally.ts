// A plan's tally, kept beside its actions: one row per action partition (RowKey TALLY_KEY) counting its
// actions by grid, status and due date. It sits in its actions' partition so that an answer writes the
// action and the tally in one transaction: the tally cannot drift from the rows it counts.
import type { TableEntity } from '@azure/data-tables';
import type { IsoDate } from '../domain/plan.ts';
import type { ActionStatus } from '../domain/progress.ts';
import type { TallyEntry } from '../domain/ports.ts';
import { tallyStandings, type Standing } from '../domain/tally.ts';
import { actionKeys, revisionPrefix } from './actionRows.ts';
import { getJson, putJson } from './textFields.ts';

/** No action's RowKey can be this: textToKey writes '~' only before two hex digits. */
export const TALLY_KEY = '~tally';

/** The properties a tally row may have (its JSON may be split over several: see textFields.ts). */
export const TALLY_FIELDS = ['PartitionKey', 'RowKey', 'tally', 'tally_n', ...Array.from({ length: 15 }, (_, i) => `tally_${i + 1}`)];

/** The tally row of one partition. */
export function tallyRow(partitionKey: string, planId: string, entries: TallyEntry[]): TableEntity {
  const row: Record<string, unknown> = { partitionKey, rowKey: TALLY_KEY, planId };
  putJson(row, 'tally', entries.filter((e) => e.count !== 0).map((e) => [e.grid, e.status, e.dueDate, e.count]));
  return row as TableEntity;
}

/** The entries of a tally row read back. */
export function tallyEntries(row: Record<string, unknown>): TallyEntry[] {
  return getJson<[number, ActionStatus, IsoDate | null, number][]>(row, 'tally', []).map(([grid, status, dueDate, n]) => ({ grid, status, dueDate, count: n }));
}

/** The tally rows of a whole plan: one per partition, empty ones included (a missing row means "not kept"). */
export function tallyRowsOf(planId: string, buckets: number, actions: { id: string; standing: Standing }[], revision = ''): TableEntity[] {
  const byPartition = new Map<string, Standing[]>();
  for (let b = 0; b < buckets; b++) byPartition.set(`${revisionPrefix(planId, revision)}${b.toString(16).padStart(4, '0')}`, []);
  for (const a of actions) byPartition.get(actionKeys(planId, a.id, buckets, revision).partitionKey)?.push(a.standing);
  return [...byPartition].map(([pk, standings]) => tallyRow(pk, planId, tallyStandings(standings)));
}
