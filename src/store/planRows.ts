// The Plans table: one row per plan with its heading facts; the actions live in the Actions table.
// A plan's bucket count is fixed at its first import, so an action's bucket never moves.
//
// The row is also where a plan change commits (see tablePlanStore.ts): it names the plan's current
// revision (whose action partitions readers use) and, while an import runs, the revision being written.
// Changing it is one single-entity write guarded by its ETag, so a plan flips from one whole version to
// the next or not at all.
import type { TableEntity } from '@azure/data-tables';
import type { Grid, ImportWarning, Plan, PlanPeriod, PlanRole } from '../domain/plan.ts';
import type { PlanSummary } from '../domain/ports.ts';
import { textToKey } from './keys.ts';
import { attempt, rowOrNull, listAll, statusOf, storeError, type Tables } from './tables.ts';
import { checkSize, getJson, putJson } from './textFields.ts';

const TABLE = 'Plans';
const PARTITION = 'plan';

/** A plan's row read back. */
export interface PlanRow extends PlanSummary {
  revision: string;
  sameAs: string | null;
  importedBy: string | null;
  buckets: number;
  warnings: ImportWarning[];
  /** The revision being written by an import, or null. */
  pending: string | null;
  etag: string;
}

/** What the commit of a revision writes beside the plan's heading facts. */
export interface Commit {
  revision: string;
  importedBy: string | null;
  sameAs: string | null;
}

/** Reads and writes plan rows, remembering bucket counts (they never change). */
export class PlanRows {
  private readonly buckets = new Map<string, number>();

  constructor(private readonly tables: Tables) {}

  async get(planId: string): Promise<PlanRow | null> {
    const row = await rowOrNull<Record<string, unknown>>(this.tables.table(TABLE), PARTITION, textToKey(planId));
    return row && toPlanRow(row);
  }

  /** The whole row of a plan; with `etag`, only if nobody changed it since (false if someone did). */
  async put(plan: Plan, actions: number, buckets: number, importedAt: string, commit: Commit, etag?: string): Promise<boolean> {
    const row: Record<string, unknown> = { partitionKey: PARTITION, rowKey: textToKey(plan.id), planId: plan.id, partnership: plan.partnership, actions, buckets, importedAt, revision: commit.revision };
    if (plan.code) row.code = plan.code;
    if (plan.tenantId) row.tenantId = plan.tenantId;
    if (plan.leadRole) row.leadRole = plan.leadRole;
    if (commit.importedBy) row.importedBy = commit.importedBy;
    if (commit.sameAs) row.sameAs = commit.sameAs;
    putJson(row, 'period', plan.period);
    putJson(row, 'grids', plan.grids);
    putJson(row, 'roles', plan.roles);
    putJson(row, 'warnings', plan.warnings);
    checkSize(row, `Plan ${plan.id}`);
    const client = await this.tables.ensure(TABLE);
    const written = await this.guarded(`saving plan ${plan.id}`, () => (etag ? client.updateEntity(row as TableEntity, 'Replace', { etag }) : client.upsertEntity(row as TableEntity, 'Replace')));
    if (written) this.buckets.set(plan.id, buckets);
    return written;
  }

  /** Marks `revision` as being written (the row read with `etag`); the new ETag, or null if the row changed. */
  async claim(planId: string, revision: string, etag: string): Promise<string | null> {
    return this.merge(planId, { pending: revision }, etag, `starting an import of plan ${planId}`);
  }

  /** Forgets a pending revision that was not committed (nothing happens if the row changed since). */
  async release(planId: string, revision: string): Promise<void> {
    const row = await this.get(planId);
    if (row?.pending === revision) await this.merge(planId, { pending: '' }, row.etag, `releasing plan ${planId}`);
  }

  /** Changes the row's ETag, so an import about to commit notices an answer and looks again. */
  async touch(planId: string, at: string): Promise<void> {
    await this.merge(planId, { answeredAt: at }, '*', `noting an answer on plan ${planId}`);
  }

  private async merge(planId: string, fields: Record<string, unknown>, etag: string, what: string): Promise<string | null> {
    const client = await this.tables.ensure(TABLE);
    try {
      const answer = await client.updateEntity({ partitionKey: PARTITION, rowKey: textToKey(planId), ...fields }, 'Merge', { etag });
      return answer.etag ?? '';
    } catch (err) {
      if (statusOf(err) === 412 || statusOf(err) === 404) return null;
      throw storeError(what, err);
    }
  }

  private async guarded(what: string, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (err) {
      if (statusOf(err) === 412 || statusOf(err) === 404) return false;
      throw storeError(what, err);
    }
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

function text(row: Record<string, unknown>, name: string): string | null {
  return typeof row[name] === 'string' && row[name] !== '' ? (row[name] as string) : null;
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
    // Rows written before revisions were kept are revision '' (the unrevised partitions).
    revision: typeof row.revision === 'string' ? row.revision : '',
    sameAs: text(row, 'sameAs'),
    importedBy: text(row, 'importedBy'),
    pending: text(row, 'pending'),
    etag: typeof row.etag === 'string' ? row.etag : '',
  };
}
