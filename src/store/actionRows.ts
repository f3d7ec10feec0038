// How an action and its progress are laid out in the Actions table. PartitionKey is the plan id and a
// bucket (big plans spread over many partitions: see dueIndex.ts for why), RowKey the action id. Each
// revision of a plan has partitions of its own (plan|revision|bucket; revision '' is plan|bucket, the
// layout of a first import), so a new version is written beside the old one and committed in the plan row.
import type { TableEntity } from '@azure/data-tables';
import type { Due, PlanAction } from '../domain/plan.ts';
import type { ActionProgress, ActionStatus } from '../domain/progress.ts';
import type { StoredAction } from '../domain/ports.ts';
import { bucketOf, textToKey } from './keys.ts';
import { ownerProperty, rolesOf } from './ownerTally.ts';
import { checkSize, getJson, getText, putJson, putText } from './textFields.ts';

/** Actions per partition a new plan is sized for; Azure takes 100 operations per transaction. */
const ACTIONS_PER_BUCKET = 100;

/** Buckets for a new plan of `count` actions: a power of two, so small plans use one partition. */
export function bucketsFor(count: number): number {
  let buckets = 1;
  while (buckets * ACTIONS_PER_BUCKET < count) buckets *= 2;
  return buckets;
}

/** The start of every PartitionKey of a plan's revision (revision ids start with 'r', never a hex digit). */
export function revisionPrefix(planId: string, revision: string): string {
  return revision === '' ? `${textToKey(planId)}|` : `${textToKey(planId)}|${revision}|`;
}

/** The revision a PartitionKey belongs to ('' for plan|bucket). */
export function revisionOfPartition(partitionKey: string): string {
  const parts = partitionKey.split('|');
  return parts.length === 3 ? (parts[1] as string) : '';
}

/** The PartitionKey and RowKey of an action. */
export function actionKeys(planId: string, actionId: string, buckets: number, revision = ''): { partitionKey: string; rowKey: string } {
  const bucket = bucketOf(actionId, buckets).toString(16).padStart(4, '0');
  return { partitionKey: `${revisionPrefix(planId, revision)}${bucket}`, rowKey: textToKey(actionId) };
}

function putNullable(row: Record<string, unknown>, name: string, value: string | null): void {
  if (value !== null) row[name] = value;
}

function nullable(row: Record<string, unknown>, name: string): string | null {
  const value = row[name];
  return typeof value === 'string' ? value : null;
}

/** What a stored row carries beside the action: its document order, its latest change (JSON, written with
 * the progress in one write so it cannot be lost) and when storage last wrote the row. */
export interface RowExtras {
  order: number;
  lastChange: string | null;
  writtenAt: string;
  /** The plan revision whose partition holds the row. */
  revision: string;
}

/** The full row for an action: written with Replace, so absent properties mean null. */
export function actionRow(planId: string, action: PlanAction, progress: ActionProgress, order: number, buckets: number, lastChange: string | null = null, revision = ''): TableEntity {
  const row: Record<string, unknown> = { ...actionKeys(planId, action.id, buckets, revision), planId, actionId: action.id, order, grid: action.grid, sourceLine: action.source.line };
  putNullable(row, 'ref', action.ref);
  if (action.code) row.code = action.code;
  if (action.objective !== null) putText(row, 'objective', action.objective);
  putText(row, 'text', action.text);
  putText(row, 'byWhenRaw', action.byWhenRaw);
  putText(row, 'ownersRaw', action.ownersRaw);
  putJson(row, 'owners', action.owners);
  // One flag per owner role, so a page can be narrowed by owner on the server (ownerTally.ts).
  for (const role of rolesOf(action.owners)) row[ownerProperty(role)] = true;
  putJson(row, 'due', action.due);
  row.status = progress.status;
  putNullable(row, 'occurrence', progress.occurrence);
  putNullable(row, 'dueDate', progress.dueDate);
  if (progress.reason !== null) putText(row, 'reason', progress.reason);
  putNullable(row, 'updatedAt', progress.updatedAt);
  putNullable(row, 'updatedBy', progress.updatedBy);
  if (lastChange !== null) putText(row, 'lastChange', lastChange);
  if (progress.note) {
    putText(row, 'note', progress.note.text);
    Object.assign(row, { noteBy: progress.note.by, noteAt: progress.note.at });
  }
  checkSize(row, `Action ${action.id} of plan ${planId}`);
  return row as TableEntity;
}

/** An action row read back. */
export function storedAction(row: Record<string, unknown> & { etag?: string; timestamp?: string; partitionKey?: string }): StoredAction & RowExtras {
  const action: PlanAction = {
    id: String(row.actionId),
    ...(typeof row.code === 'string' ? { code: row.code } : {}),
    ref: nullable(row, 'ref'),
    grid: Number(row.grid),
    objective: row.objective === undefined ? null : getText(row, 'objective'),
    text: getText(row, 'text'),
    byWhenRaw: getText(row, 'byWhenRaw'),
    ownersRaw: getText(row, 'ownersRaw'),
    owners: getJson<string[]>(row, 'owners', []),
    due: getJson<Due>(row, 'due', { kind: 'none' }),
    source: { line: Number(row.sourceLine) },
  };
  const progress: ActionProgress = {
    status: String(row.status) as ActionStatus,
    occurrence: nullable(row, 'occurrence'),
    dueDate: nullable(row, 'dueDate'),
    reason: row.reason === undefined ? null : getText(row, 'reason'),
    updatedAt: nullable(row, 'updatedAt'),
    updatedBy: nullable(row, 'updatedBy'),
    ...(row.note === undefined ? {} : { note: { text: getText(row, 'note'), by: String(row.noteBy), at: String(row.noteAt) } }),
  };
  const lastChange = row.lastChange === undefined ? null : getText(row, 'lastChange');
  return { planId: String(row.planId), action, progress, etag: row.etag ?? '', order: Number(row.order), lastChange, writtenAt: row.timestamp ?? '', revision: revisionOfPartition(row.partitionKey ?? '') };
}

/** Statuses the due index holds: still waiting on someone. */
export function isWaiting(progress: ActionProgress): boolean {
  return (progress.status === 'open' || progress.status === 'delayed') && progress.dueDate !== null;
}
