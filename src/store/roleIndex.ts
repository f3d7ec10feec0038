// The role index: "which actions does the SMLO own" without reading every action. One row per role and
// plan bucket (PartitionKey the role as compared, RowKey plan|bucket) listing that bucket's action ids:
// a 100,000-action plan with two roles adds about 2,000 rows, not 100,000 (Azurite writes cost per row).
import type { TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { bucketOf, compoundKey, normaliseRole, textToKey } from './keys.ts';
import { mapLimit } from '../mapLimit.ts';
import { listAll, statusOf, submitAll, type Tables } from './tables.ts';
import { getJson, putJson } from './textFields.ts';

const TABLE = 'ActionRoles';

interface RoleRow { role: string; planId: string; bucket: number; actionIds: string[] }

/** The index rows for a plan's actions: each owner role once per action, grouped by bucket. */
function rowsOf(planId: string, actions: { id: string; owners: string[] }[], buckets: number): Map<string, RoleRow> {
  const rows = new Map<string, RoleRow>();
  for (const action of actions) {
    const bucket = bucketOf(action.id, buckets);
    for (const role of new Set(action.owners.map(normaliseRole))) {
      if (role === '') continue;
      const key = `${role}\u0000${bucket}`;
      const row = rows.get(key) ?? { role, planId, bucket, actionIds: [] };
      row.actionIds.push(action.id);
      rows.set(key, row);
    }
  }
  return rows;
}

function keysOf(row: RoleRow): { partitionKey: string; rowKey: string } {
  return { partitionKey: textToKey(row.role), rowKey: compoundKey(row.planId, row.bucket.toString(16).padStart(4, '0')) };
}

/** The role index of one store. */
export class RoleIndex {
  constructor(private readonly tables: Tables) {}

  /** Brings a plan's rows from what `before` owned to what `after` owns (pass [] for a new plan). */
  async replacePlan(planId: string, before: { id: string; owners: string[] }[], after: { id: string; owners: string[] }[], buckets: number): Promise<void> {
    const client = await this.tables.ensure(TABLE);
    const next = rowsOf(planId, after, buckets);
    const writes: TransactionAction[] = [...next.values()].map((row) => {
      const entity = { ...keysOf(row), planId, bucket: row.bucket };
      putJson(entity, 'actionIds', row.actionIds);
      return ['upsert', entity, 'Replace'];
    });
    await submitAll(client, writes, `indexing the owners of plan ${planId}`);
    const gone = [...rowsOf(planId, before, buckets)].filter(([key]) => !next.has(key)).map(([, row]) => row);
    await mapLimit(gone, 16, async (row) => {
      const { partitionKey, rowKey } = keysOf(row);
      try {
        await client.deleteEntity(partitionKey, rowKey);
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    });
  }

  /** Actions owned by any of `roles`, each once. */
  async actionsOf(roles: string[]): Promise<{ planId: string; actionId: string }[]> {
    const wanted = [...new Set(roles.map(normaliseRole).filter((r) => r !== ''))];
    const client = this.tables.table(TABLE);
    const lists = await mapLimit(wanted, 8, (role) =>
      listAll<Record<string, unknown>>(client, odata`PartitionKey eq ${textToKey(role)}`, `reading role index for ${role}`));
    const found = new Map<string, { planId: string; actionId: string }>();
    for (const row of lists.flat()) {
      const planId = String(row.planId);
      for (const actionId of getJson<string[]>(row, 'actionIds', [])) found.set(`${planId}\u0000${actionId}`, { planId, actionId });
    }
    return [...found.values()];
  }
}
