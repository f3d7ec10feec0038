// Each action's append-only history: one row per change, PartitionKey plan|action, RowKey the time of
// the change and a sequence number, so rows read back in the order they were written.
import { randomBytes } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { ActionChange, ActionStatus, AnswerChannel } from '../domain/progress.ts';
import { compoundKey } from './keys.ts';
import { attempt, listAll, type Tables } from './tables.ts';
import { getText, putText } from './textFields.ts';

const TABLE = 'History';
let sequence = 0;

type Row = Record<string, unknown>;

function put(row: Row, name: string, value: string | null): void {
  if (value !== null) row[name] = value;
}

function get(row: Row, name: string): string | null {
  return typeof row[name] === 'string' ? (row[name] as string) : null;
}

/** The history of every action in one store. */
export class ActionHistory {
  constructor(private readonly tables: Tables) {}

  async append(planId: string, actionId: string, change: ActionChange): Promise<void> {
    sequence = (sequence + 1) % 1e9;
    const row: Row = {
      partitionKey: compoundKey(planId, actionId),
      rowKey: `${change.at}|${String(sequence).padStart(9, '0')}|${randomBytes(3).toString('hex')}`,
      at: change.at, byId: change.by.id, byName: change.by.name, via: change.via, from: change.from, to: change.to,
    };
    put(row, 'occurrence', change.occurrence);
    put(row, 'dueBefore', change.dueBefore);
    put(row, 'dueAfter', change.dueAfter);
    if (change.reason !== null) putText(row, 'reason', change.reason);
    putText(row, 'summary', change.summary);
    const client = await this.tables.ensure(TABLE);
    await attempt(`recording history of ${actionId}`, () => client.createEntity(row as { partitionKey: string; rowKey: string }));
  }

  /** Changes, oldest first. */
  async of(planId: string, actionId: string): Promise<ActionChange[]> {
    const rows = await listAll<Row>(this.tables.table(TABLE), odata`PartitionKey eq ${compoundKey(planId, actionId)}`, `reading history of ${actionId}`);
    return rows.map((row) => ({
      at: String(row.at),
      by: { id: String(row.byId), name: String(row.byName) },
      via: String(row.via) as AnswerChannel,
      from: String(row.from) as ActionStatus,
      to: String(row.to) as ActionStatus,
      occurrence: get(row, 'occurrence'),
      dueBefore: get(row, 'dueBefore'),
      dueAfter: get(row, 'dueAfter'),
      reason: row.reason === undefined ? null : getText(row, 'reason'),
      summary: getText(row, 'summary'),
    }));
  }
}
