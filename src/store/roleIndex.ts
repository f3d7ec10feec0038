// The role index: a row per (owner role, action), PartitionKey the role as compared (lowercase), so
// "which actions does the SMLO own" reads one partition rather than every action.
import type { TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { actionKeys } from './actionRows.ts';
import { compoundKey, normaliseRole, prefixEnd, textToKey } from './keys.ts';
import { listAll, mapLimit, statusOf, submitAll, type Tables } from './tables.ts';

/** An action a role owns (`buckets`: its plan's bucket count). */
export interface RoleEntry {
  role: string;
  planId: string;
  actionId: string;
  buckets: number;
}

const TABLE = 'ActionRoles';

// PartitionKey: the role, then the action's own partition, so a role owning 50,000 actions does not
// make one huge partition (Azurite's writes slow with partition size: see dueIndex.ts).
function row(entry: RoleEntry): { partitionKey: string; rowKey: string; planId: string; actionId: string } {
  const partition = actionKeys(entry.planId, entry.actionId, entry.buckets).partitionKey;
  return { partitionKey: `${textToKey(normaliseRole(entry.role))}|${partition}`, rowKey: compoundKey(entry.planId, entry.actionId), planId: entry.planId, actionId: entry.actionId };
}

/** Each owner of each action, once per role as compared. */
export function roleEntries(planId: string, actions: { id: string; owners: string[] }[], buckets: number): RoleEntry[] {
  const entries: RoleEntry[] = [];
  for (const action of actions) {
    const seen = new Set<string>();
    for (const owner of action.owners) {
      const role = normaliseRole(owner);
      if (role === '' || seen.has(role)) continue;
      seen.add(role);
      entries.push({ role, planId, actionId: action.id, buckets });
    }
  }
  return entries;
}

/** The role index of one store. */
export class RoleIndex {
  constructor(private readonly tables: Tables) {}

  async add(entries: RoleEntry[]): Promise<void> {
    const client = await this.tables.ensure(TABLE);
    const actions: TransactionAction[] = entries.map((e) => ['upsert', row(e), 'Replace']);
    await submitAll(client, actions, 'adding to role index');
  }

  /** Removes index rows; rows already gone are fine. */
  async remove(entries: RoleEntry[]): Promise<void> {
    const client = this.tables.table(TABLE);
    await mapLimit(entries, 16, async (entry) => {
      const { partitionKey, rowKey } = row(entry);
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
      listAll<{ planId: string; actionId: string }>(client, odata`PartitionKey ge ${`${textToKey(role)}|`} and PartitionKey lt ${prefixEnd(`${textToKey(role)}|`)}`, `reading role index for ${role}`));
    const found = new Map<string, { planId: string; actionId: string }>();
    for (const r of lists.flat()) found.set(`${r.planId}\u0000${r.actionId}`, { planId: r.planId, actionId: r.actionId });
    return [...found.values()];
  }
}
