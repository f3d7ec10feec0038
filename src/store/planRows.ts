// The Plans table: one row per plan with its heading facts; the actions live in the Actions table.
// A plan's bucket count is fixed at its first import, so an action's partition never moves.
import type { TableEntity } from '@azure/data-tables';
import type { Grid, ImportWarning, Plan, PlanPeriod, PlanRole } from '../domain/plan.ts';
import type { PlanSummary } from '../domain/ports.ts';
import { textToKey } from './keys.ts';
import { attempt, listAll, statusOf, type Tables } from './tables.ts';
import { checkSize, getJson, putJson } from './textFields.ts';

const TABLE = 'Plans';
const PARTITION = 'plan';

/** A plan's row read back. */
export interface PlanRow extends PlanSummary {
  buckets: number;
  warnings: ImportWarning[];
}

/** Reads and writes plan rows, remembering bucket counts (they never change). */
export class PlanRows {
  private readonly buckets = new Map<string, number>();

  constructor(private readonly tables: Tables) {}

  async get(planId: string): Promise<PlanRow | null> {
    try {
      const row = await this.tables.table(TABLE).getEntity<Record<string, unknown>>(PARTITION, textToKey(planId));
      return toPlanRow(row);
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  async put(plan: Plan, actions: number, buckets: number, importedAt: string): Promise<void> {
    const row: Record<string, unknown> = { partitionKey: PARTITION, rowKey: textToKey(plan.id), planId: plan.id, partnership: plan.partnership, actions, buckets, importedAt };
    if (plan.code) row.code = plan.code;
    if (plan.tenantId) row.tenantId = plan.tenantId;
    if (plan.leadRole) row.leadRole = plan.leadRole;
    putJson(row, 'period', plan.period);
    putJson(row, 'grids', plan.grids);
    putJson(row, 'roles', plan.roles);
    putJson(row, 'warnings', plan.warnings);
    checkSize(row, `Plan ${plan.id}`);
    const client = await this.tables.ensure(TABLE);
    await attempt(`saving plan ${plan.id}`, () => client.upsertEntity(row as TableEntity, 'Replace'));
    this.buckets.set(plan.id, buckets);
  }

  async list(): Promise<PlanRow[]> {
    const rows = await listAll<Record<string, unknown>>(this.tables.table(TABLE), undefined, 'listing plans');
    return rows.map(toPlanRow).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Changes only the lead role of a stored plan's row. */
  async setLeadRole(planId: string, role: string): Promise<void> {
    const client = await this.tables.ensure(TABLE);
    await attempt(`setting the lead role of plan ${planId}`, () => client.updateEntity({ partitionKey: PARTITION, rowKey: textToKey(planId), leadRole: role }, 'Merge'));
  }

  /** The bucket count of a stored plan; null when there is no such plan. */
  async bucketsOf(planId: string): Promise<number | null> {
    const known = this.buckets.get(planId);
    if (known !== undefined) return known;
    const row = await attempt(`reading plan ${planId}`, () => this.get(planId));
    if (row) this.buckets.set(planId, row.buckets);
    return row?.buckets ?? null;
  }
}

function toPlanRow(row: Record<string, unknown>): PlanRow {
  return {
    id: String(row.planId),
    code: typeof row.code === 'string' ? row.code : '',
    tenantId: typeof row.tenantId === 'string' ? row.tenantId : null,
    leadRole: typeof row.leadRole === 'string' ? row.leadRole : null,
    partnership: String(row.partnership),
    period: getJson<PlanPeriod>(row, 'period', { start: '', end: '' }),
    grids: getJson<Grid[]>(row, 'grids', []),
    roles: getJson<PlanRole[]>(row, 'roles', []),
    warnings: getJson<ImportWarning[]>(row, 'warnings', []),
    actions: Number(row.actions),
    buckets: Number(row.buckets),
    importedAt: String(row.importedAt),
  };
}
