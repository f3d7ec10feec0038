// Who holds which plan role. PartitionKey is the role as compared (lowercase), so a role's holders are
// one partition; the role is kept as first written for display.
import { odata, type TableEntity } from '@azure/data-tables';
import type { RoleStore } from '../domain/ports.ts';
import type { Actor } from '../domain/progress.ts';
import { normaliseRole, textToKey } from './keys.ts';
import { attempt, listAll, statusOf, storeError, type Tables } from './tables.ts';

const TABLE = 'Roles';

interface RoleRow { role: string; personId: string; assignedBy: string; assignedAt: string }

/** The RoleStore on Azure Table storage. */
export class TableRoleStore implements RoleStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.table(TABLE);
  }

  async assign(role: string, personId: string, by: Actor, at: string): Promise<void> {
    const name = role.trim().replace(/\s+/g, ' ');
    if (name === '') throw new Error('A role needs a name');
    const row = { partitionKey: textToKey(normaliseRole(name)), rowKey: textToKey(personId), role: name, personId, assignedBy: by.id, assignedAt: at };
    await attempt(`assigning ${name} to ${personId}`, () => this.client.upsertEntity(row as TableEntity, 'Replace'));
  }

  async unassign(role: string, personId: string, _by: Actor, _at: string): Promise<boolean> {
    try {
      await this.client.deleteEntity(textToKey(normaliseRole(role)), textToKey(personId));
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw storeError(`unassigning ${role} from ${personId}`, err);
    }
  }

  async holders(role: string): Promise<string[]> {
    const rows = await listAll<RoleRow>(this.client, odata`PartitionKey eq ${textToKey(normaliseRole(role))}`, `reading holders of ${role}`);
    return rows.map((r) => r.personId).sort();
  }

  // People hold a handful of roles and the table is small: a filtered read, not a second index.
  async rolesOf(personId: string): Promise<string[]> {
    const rows = await listAll<RoleRow>(this.client, odata`personId eq ${personId}`, `reading roles of ${personId}`);
    return rows.map((r) => r.role).sort();
  }

  async list(): Promise<{ role: string; personIds: string[] }[]> {
    const rows = await listAll<RoleRow>(this.client, undefined, 'listing roles');
    const byRole = new Map<string, { role: string; personIds: string[] }>();
    for (const r of rows) {
      const entry = byRole.get(r.partitionKey) ?? { role: r.role, personIds: [] };
      entry.personIds.push(r.personId);
      byRole.set(r.partitionKey, entry);
    }
    return [...byRole.values()].sort((a, b) => a.role.localeCompare(b.role));
  }
}
