// Who holds which plan role, per tenant. PartitionKey is tenant|role as compared (lowercase), so a role's
// holders in one tenant are one partition; the role is kept as first written for display.
//
// Rows written before roles had tenants have PartitionKey the role alone and no tenantId. They belong to
// the tenant of the person holding them (the People store knows it): read so wherever they are read, and
// moved to the tenant's partition by `migrate` (run when the store opens). A row whose person the People
// store does not know yet belongs to nobody until they install the bot: kept, never shown.
import { odata, type TableEntity } from '@azure/data-tables';
import type { PeopleStore, RoleHolding, RoleStore } from '../domain/ports.ts';
import type { Actor } from '../domain/progress.ts';
import { compoundKey, normaliseRole, textToKey } from './keys.ts';
import { attempt, listAll, statusOf, storeError, type Tables } from './tables.ts';

export const ROLES_TABLE = 'Roles';

interface RoleRow { role: string; personId: string; tenantId?: string; assignedBy: string; assignedAt: string }
type Row = TableEntity<RoleRow>;

/** An assignment as read: its tenant (null for an old row whose person is unknown), role and person. */
interface Held { tenantId: string | null; role: string; personId: string; row: Row }

const tidy = (role: string): string => role.trim().replace(/\s+/g, ' ');
const partitionOf = (tenantId: string, role: string): string => compoundKey(tenantId, normaliseRole(role));
const legacyPartitionOf = (role: string): string => textToKey(normaliseRole(role));
const isLegacy = (row: Row): boolean => typeof row.tenantId !== 'string' || row.tenantId === '';

function needTenant(tenantId: string): void {
  if (tenantId.trim() === '') throw new Error('A role assignment needs a tenant');
}

/** The RoleStore on Azure Table storage. */
export class TableRoleStore implements RoleStore {
  constructor(private readonly tables: Tables, private readonly people: Pick<PeopleStore, 'list'>) {}

  private get client() {
    return this.tables.table(ROLES_TABLE);
  }

  /** Each row with its tenant: an old row takes its person's. */
  private async attribute(rows: Row[]): Promise<Held[]> {
    const tenants = rows.some(isLegacy) ? new Map((await this.people.list()).map((p) => [p.id, p.tenantId])) : new Map<string, string>();
    return rows.map((row) => ({ tenantId: isLegacy(row) ? tenants.get(row.personId) || null : (row.tenantId ?? null), role: row.role, personId: row.personId, row }));
  }

  async assign(tenantId: string, role: string, personId: string, by: Actor, at: string): Promise<void> {
    needTenant(tenantId);
    const name = tidy(role);
    if (name === '') throw new Error('A role needs a name');
    const row = { partitionKey: partitionOf(tenantId, name), rowKey: textToKey(personId), role: name, personId, tenantId, assignedBy: by.id, assignedAt: at };
    await attempt(`assigning ${name} to ${personId}`, () => this.client.upsertEntity(row as TableEntity, 'Replace'));
  }

  async unassign(tenantId: string, role: string, personId: string, _by: Actor, _at: string): Promise<boolean> {
    needTenant(tenantId);
    const removed = await this.remove(partitionOf(tenantId, role), personId, role);
    // An old row of the same role and person is the same assignment, if the person is of this tenant.
    const old = (await this.attribute(await this.legacyRows(role))).find((h) => h.personId === personId && h.tenantId === tenantId);
    const removedOld = old !== undefined && (await this.remove(old.row.partitionKey, personId, role));
    return removed || removedOld;
  }

  private async remove(partitionKey: string, personId: string, role: string): Promise<boolean> {
    try {
      await this.client.deleteEntity(partitionKey, textToKey(personId));
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw storeError(`unassigning ${role} from ${personId}`, err);
    }
  }

  private legacyRows(role: string): Promise<Row[]> {
    return listAll<RoleRow>(this.client, odata`PartitionKey eq ${legacyPartitionOf(role)}`, `reading old holders of ${role}`);
  }

  async holders(tenantId: string, role: string): Promise<string[]> {
    if (tenantId === '') return [];
    const [rows, old] = await Promise.all([
      listAll<RoleRow>(this.client, odata`PartitionKey eq ${partitionOf(tenantId, role)}`, `reading holders of ${role}`),
      this.legacyRows(role),
    ]);
    const held = (await this.attribute([...rows, ...old])).filter((h) => h.tenantId === tenantId);
    return [...new Set(held.map((h) => h.personId))].sort();
  }

  // People hold a handful of roles and the table is small: a filtered read, not a second index.
  async rolesOf(tenantId: string, personId: string): Promise<string[]> {
    if (tenantId === '') return [];
    const rows = await listAll<RoleRow>(this.client, odata`personId eq ${personId}`, `reading roles of ${personId}`);
    const held = (await this.attribute(rows)).filter((h) => h.tenantId === tenantId);
    return [...new Map(held.map((h) => [normaliseRole(h.role), h.role])).values()].sort();
  }

  async list(tenantId?: string): Promise<RoleHolding[]> {
    const rows = await listAll<RoleRow>(this.client, undefined, 'listing roles');
    const byRole = new Map<string, RoleHolding>();
    for (const h of await this.attribute(rows)) {
      if (h.tenantId === null || (tenantId !== undefined && h.tenantId !== tenantId)) continue;
      const key = `${h.tenantId}\u0000${normaliseRole(h.role)}`;
      const entry = byRole.get(key) ?? { tenantId: h.tenantId, role: h.role, personIds: [] };
      if (!entry.personIds.includes(h.personId)) entry.personIds.push(h.personId);
      byRole.set(key, entry);
    }
    for (const entry of byRole.values()) entry.personIds.sort();
    return [...byRole.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.role.localeCompare(b.role));
  }

  /**
   * Moves rows written before roles had tenants into their person's tenant (written there first, then
   * the old row deleted: a crash in between leaves both, read as one). Returns how many moved; rows of
   * people not known yet stay until they are.
   */
  async migrate(): Promise<number> {
    // The table is small (people times roles): read it whole rather than trust a filter on a missing property.
    const old = await listAll<RoleRow>(this.client, undefined, 'finding role rows without a tenant');
    let moved = 0;
    for (const h of await this.attribute(old.filter(isLegacy))) {
      if (h.tenantId === null) continue;
      await this.assign(h.tenantId, h.role, h.personId, { id: h.row.assignedBy, name: h.row.assignedBy }, h.row.assignedAt);
      await this.remove(h.row.partitionKey, h.personId, h.role);
      moved += 1;
    }
    return moved;
  }
}
