// Each action's append-only history: one row per change, PartitionKey plan|action, RowKey the time of
// the change and a sequence number, so rows read back in the order they were written.
//
// History is another table, so it cannot share a transaction with the action row. Instead the action
// row carries its latest change (written in the same write as the progress): a history row that was
// never written (a crash between the two writes) is rebuilt from it when the history is read.
import { randomBytes } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { ActionChange, ActionStatus, AnswerChannel } from '../domain/progress.ts';
import { compoundKey, keyToText } from './keys.ts';
import { attempt, listAll, statusOf, storeError, type Tables } from './tables.ts';
import { getText, putText } from './textFields.ts';

const TABLE = 'History';
let sequence = 0;

type Row = Record<string, unknown>;

/** A change with the RowKey it is (or will be) stored under: kept on the action row as JSON. */
export interface KeyedChange {
  key: string;
  change: ActionChange;
}

function put(row: Row, name: string, value: string | null): void {
  if (value !== null) row[name] = value;
}

function get(row: Row, name: string): string | null {
  return typeof row[name] === 'string' ? (row[name] as string) : null;
}

function toChange(row: Row): ActionChange {
  return {
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
  };
}

/** The history of every action in one store. */
export class ActionHistory {
  constructor(private readonly tables: Tables) {}

  /** A change keyed for storage; its key orders it after every earlier change. */
  keyed(change: ActionChange): KeyedChange {
    sequence = (sequence + 1) % 1e9;
    return { key: `${change.at}|${String(sequence).padStart(9, '0')}|${randomBytes(3).toString('hex')}`, change };
  }

  /** Writes a history row; writing the same keyed change twice is harmless. */
  async append(planId: string, actionId: string, { key, change }: KeyedChange): Promise<void> {
    const row: Row = {
      partitionKey: compoundKey(planId, actionId), rowKey: key,
      at: change.at, byId: change.by.id, byName: change.by.name, via: change.via, from: change.from, to: change.to,
    };
    put(row, 'occurrence', change.occurrence);
    put(row, 'dueBefore', change.dueBefore);
    put(row, 'dueAfter', change.dueAfter);
    if (change.reason !== null) putText(row, 'reason', change.reason);
    putText(row, 'summary', change.summary);
    const client = await this.tables.ensure(TABLE);
    try {
      await client.createEntity(row as { partitionKey: string; rowKey: string });
    } catch (err) {
      if (statusOf(err) !== 409) throw storeError(`recording history of ${actionId}`, err);
    }
  }

  /**
   * Every change at or after `since`, oldest first. History rows are keyed by action, so this reads the
   * table with a filter on the time: it costs the changes kept, not the actions stored (imports write none).
   */
  async since(since: string): Promise<{ planId: string; actionId: string; change: ActionChange }[]> {
    let rows: Row[];
    try {
      rows = await listAll<Row>(this.tables.table(TABLE), odata`at ge ${since}`, 'reading recent history');
    } catch (err) {
      if (statusOf(err) === 404) return []; // no answer was ever given: the table is made by the first
      throw err;
    }
    return rows
      .map((row) => {
        const [planId = '', actionId = ''] = String(row.partitionKey).split('|').map(keyToText);
        return { planId, actionId, change: toChange(row) };
      })
      .sort((a, b) => a.change.at.localeCompare(b.change.at));
  }

  /** Changes, oldest first; `latest` (the action row's own record) is written back if its row is missing. */
  async of(planId: string, actionId: string, latest: KeyedChange | null = null): Promise<ActionChange[]> {
    const rows = await listAll<Row>(this.tables.table(TABLE), odata`PartitionKey eq ${compoundKey(planId, actionId)}`, `reading history of ${actionId}`);
    const changes = rows.map(toChange);
    if (latest && !rows.some((r) => r.rowKey === latest.key)) {
      await attempt(`repairing history of ${actionId}`, () => this.append(planId, actionId, latest)).catch(() => undefined); // shown either way; written next time
      changes.push(latest.change);
    }
    return changes;
  }
}
