// Weekly snapshots of each plan (status and due date per action), so the briefing can say what changed
// since last week without reading every action's history. A snapshot is one row per plan and week while
// it fits; a large plan's (over ~9,000 actions, past the 1 MiB row limit) is split over parts
// `<week>|1`, `<week>|2`… written first, then the row `<week>` naming how many there are, so a reader
// never takes a half-written snapshot for a whole one.
import { odata, type TableEntity } from '@azure/data-tables';
import type { ActionSnapshot, PlanSnapshot } from '../domain/briefing.ts';
import type { BriefingStore } from '../domain/digestPorts.ts';
import type { IsoDate } from '../domain/plan.ts';
import { textToKey } from './keys.ts';
import { attempt, rowOrNull, listAll, type Tables } from './tables.ts';
import { checkSize, getJson, putJson } from './textFields.ts';

export const BRIEFINGS_TABLE = 'Briefings';

/** Characters of JSON a part holds: under the row budget (textFields.ts) with room for keys. */
const PART_CHARS = 400_000;

/** The actions of a snapshot in parts of at most PART_CHARS of JSON each. */
function partsOf(actions: Record<string, ActionSnapshot>): Record<string, ActionSnapshot>[] {
  const parts: Record<string, ActionSnapshot>[] = [{}];
  let size = 0;
  for (const [id, snap] of Object.entries(actions)) {
    const chars = id.length + JSON.stringify(snap).length + 4;
    if (size + chars > PART_CHARS && size > 0) {
      parts.push({});
      size = 0;
    }
    (parts.at(-1) as Record<string, ActionSnapshot>)[id] = snap;
    size += chars;
  }
  return parts;
}

/** The BriefingStore on Azure Table storage. */
export class TableBriefingStore implements BriefingStore {
  constructor(private readonly tables: Tables) {}

  async snapshotBefore(planId: string, before: IsoDate): Promise<PlanSnapshot | null> {
    const table = this.tables.table(BRIEFINGS_TABLE);
    // Keys only: the weeks on record (a part's key has a "|"), newest first.
    const keys = await listAll<Record<string, unknown>>(table, odata`PartitionKey eq ${textToKey(planId)} and RowKey lt ${before}`, `reading snapshots of ${planId}`, ['RowKey']);
    const weeks = keys.map((k) => String(k.rowKey)).filter((k) => !k.includes('|')).sort().reverse();
    for (const week of weeks) {
      const snapshot = await this.read(planId, week);
      if (snapshot) return snapshot;
    }
    return null;
  }

  /** One week's snapshot, or null when a part is missing (a save that died half way). */
  private async read(planId: string, week: IsoDate): Promise<PlanSnapshot | null> {
    const table = this.tables.table(BRIEFINGS_TABLE);
    const get = (rowKey: string) => attempt(`reading the snapshot of ${planId}`, () => rowOrNull<Record<string, unknown>>(table, textToKey(planId), rowKey));
    const head = await get(week);
    if (!head) return null;
    const count = typeof head.parts === 'number' ? head.parts : 1;
    const actions: Record<string, ActionSnapshot> = { ...getJson<Record<string, ActionSnapshot>>(head, 'actions', {}) };
    for (let i = 1; i < count; i++) {
      const part = await get(`${week}|${i}`);
      if (!part) return null;
      Object.assign(actions, getJson<Record<string, ActionSnapshot>>(part, 'actions', {}));
    }
    return { asOf: week, actions };
  }

  async saveSnapshot(planId: string, snapshot: PlanSnapshot): Promise<void> {
    const table = this.tables.table(BRIEFINGS_TABLE);
    const parts = partsOf(snapshot.actions);
    const save = async (rowKey: string, actions: Record<string, ActionSnapshot>, extra: object = {}): Promise<void> => {
      const row = { partitionKey: textToKey(planId), rowKey, ...extra };
      putJson(row, 'actions', actions);
      checkSize(row, `The snapshot of ${planId}`);
      await attempt(`saving the snapshot of ${planId}`, () => table.upsertEntity(row as TableEntity, 'Replace'));
    };
    for (let i = 1; i < parts.length; i++) await save(`${snapshot.asOf}|${i}`, parts[i] as Record<string, ActionSnapshot>);
    // Last: the row that says the week is whole.
    await save(snapshot.asOf, parts[0] as Record<string, ActionSnapshot>, { parts: parts.length });
  }
}
