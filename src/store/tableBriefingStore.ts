// Weekly snapshots of each plan (status and due date per action), one row per plan and week, so the
// briefing can say what changed since last week without reading every action's history.
import { odata, type TableEntity } from '@azure/data-tables';
import type { PlanSnapshot } from '../domain/briefing.ts';
import type { BriefingStore } from '../domain/digestPorts.ts';
import type { IsoDate } from '../domain/plan.ts';
import { textToKey } from './keys.ts';
import { attempt, listAll, type Tables } from './tables.ts';
import { checkSize, getJson, putJson } from './textFields.ts';

export const BRIEFINGS_TABLE = 'Briefings';

/** The BriefingStore on Azure Table storage. */
export class TableBriefingStore implements BriefingStore {
  constructor(private readonly tables: Tables) {}

  async snapshotBefore(planId: string, before: IsoDate): Promise<PlanSnapshot | null> {
    const rows = await listAll<Record<string, unknown>>(this.tables.table(BRIEFINGS_TABLE), odata`PartitionKey eq ${textToKey(planId)} and RowKey lt ${before}`, `reading snapshots of ${planId}`);
    const latest = rows.sort((a, b) => String(a.rowKey).localeCompare(String(b.rowKey))).at(-1);
    return latest ? { asOf: String(latest.rowKey), actions: getJson(latest, 'actions', {}) } : null;
  }

  async saveSnapshot(planId: string, snapshot: PlanSnapshot): Promise<void> {
    const row = { partitionKey: textToKey(planId), rowKey: snapshot.asOf };
    putJson(row, 'actions', snapshot.actions);
    checkSize(row, `The snapshot of ${planId}`);
    await attempt(`saving the snapshot of ${planId}`, () => this.tables.table(BRIEFINGS_TABLE).upsertEntity(row as TableEntity, 'Replace'));
  }
}
