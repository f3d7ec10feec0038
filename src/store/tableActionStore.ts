// Actions and their progress in Azure Table storage. Updates are ETag-checked; the due index and the
// role index point at action rows, and the action row is always the truth.
import { odata, type TableEntity } from '@azure/data-tables';
import type { IsoDate } from '../domain/plan.ts';
import type { ActionChange, ActionProgress } from '../domain/progress.ts';
import type { ActionStore, StoredAction, UpdateResult } from '../domain/ports.ts';
import { ActionHistory, type KeyedChange } from './actionHistory.ts';
import { actionKeys, actionRow, isWaiting, storedAction, type RowExtras } from './actionRows.ts';
import { DueIndex, type DueEntry } from './dueIndex.ts';
import { prefixEnd, textToKey } from './keys.ts';
import type { PlanRows } from './planRows.ts';
import { RoleIndex } from './roleIndex.ts';
import { mapLimit } from '../mapLimit.ts';
import { attempt, listAll, statusOf, storeError, type Tables } from './tables.ts';

export const ACTIONS_TABLE = 'Actions';

type Ordered = StoredAction & RowExtras;

/** A due-index pointer that disagrees with its action row and is this old was left by a crash, not an update in flight. */
const STALE_POINTER_MS = 10 * 60_000;

function byPlanAndOrder(a: Ordered, b: Ordered): number {
  return a.planId === b.planId ? a.order - b.order : a.planId < b.planId ? -1 : 1;
}

function strip({ order: _order, lastChange: _last, writtenAt: _written, ...action }: Ordered): StoredAction {
  return action;
}

/**
 * An update writes the new pointer, then the action row, then drops the old pointer; a sweep reading in
 * between sees a pointer ahead of its row. Only a pointer older than its row's last write (the row moved
 * on without it), or old enough that no update can still be in flight, is stale.
 */
function isStale(entry: DueEntry, action: Ordered, now: number): boolean {
  if (!entry.writtenAt || !action.writtenAt) return true;
  return Date.parse(entry.writtenAt) < Date.parse(action.writtenAt) || now - Date.parse(entry.writtenAt) > STALE_POINTER_MS;
}

/** The ActionStore on Azure Table storage. */
export class TableActionStore implements ActionStore {
  readonly due: DueIndex;
  readonly roles: RoleIndex;
  readonly changes: ActionHistory;

  constructor(private readonly tables: Tables, private readonly plans: PlanRows) {
    this.due = new DueIndex(tables);
    this.roles = new RoleIndex(tables);
    this.changes = new ActionHistory(tables);
  }

  private get client() {
    return this.tables.table(ACTIONS_TABLE);
  }

  private async read(planId: string, actionId: string): Promise<Ordered | null> {
    const buckets = await this.plans.bucketsOf(planId);
    if (buckets === null) return null;
    const { partitionKey, rowKey } = actionKeys(planId, actionId, buckets);
    try {
      return storedAction(await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey));
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  async get(planId: string, actionId: string): Promise<StoredAction | null> {
    const found = await attempt(`reading action ${actionId}`, () => this.read(planId, actionId));
    return found && strip(found);
  }

  async dueBy(date: IsoDate): Promise<StoredAction[]> {
    const entries = await this.due.upTo(date);
    const stale: DueEntry[] = [];
    const found = await mapLimit(entries, 16, async (entry) => {
      const action = await this.read(entry.planId, entry.actionId);
      // The action row is the truth; a pointer that disagrees with it is dropped once it is surely stale.
      if (!action) {
        stale.push(entry);
        return null;
      }
      if (!isWaiting(action.progress) || action.progress.dueDate !== entry.dueDate) {
        if (isStale(entry, action, Date.now())) stale.push(entry);
        return null;
      }
      return action;
    });
    if (stale.length > 0) await this.due.remove(stale).catch(() => undefined); // tidying only; retried next time
    const seen = new Set<string>();
    return found
      .filter((a): a is Ordered => a !== null && (a.progress.dueDate ?? '') <= date)
      .filter((a) => { const key = `${a.planId}|${a.action.id}`; const first = !seen.has(key); seen.add(key); return first; })
      .sort((a, b) => ((a.progress.dueDate ?? '') < (b.progress.dueDate ?? '') ? -1 : (a.progress.dueDate ?? '') > (b.progress.dueDate ?? '') ? 1 : byPlanAndOrder(a, b)))
      .map(strip);
  }

  // Blocked actions are few and asked for rarely (the commissioner's review), so a filtered read is enough.
  async blocked(): Promise<StoredAction[]> {
    return this.where(odata`status eq ${'blocked'}`, 'reading blocked actions');
  }

  // Refs are typed by people looking something up: a filtered read, not an index to keep in step.
  async findByRef(ref: string): Promise<StoredAction[]> {
    return this.where(odata`ref eq ${ref.trim()}`, `finding actions with ref ${ref}`);
  }

  async ofRoles(roles: string[]): Promise<StoredAction[]> {
    const pointers = await this.roles.actionsOf(roles);
    const found = await mapLimit(pointers, 16, (p) => attempt(`reading action ${p.actionId}`, () => this.read(p.planId, p.actionId)));
    return found.filter((a): a is Ordered => a !== null).sort(byPlanAndOrder).map(strip);
  }

  async listPlanActions(planId: string): Promise<StoredAction[]> {
    return (await this.rowsOf(planId)).map(strip);
  }

  /** A plan's action rows with their document order (its partitions all start with the plan's key). */
  async rowsOf(planId: string): Promise<Ordered[]> {
    const start = `${textToKey(planId)}|`;
    const rows = await listAll<Record<string, unknown>>(this.client, odata`PartitionKey ge ${start} and PartitionKey lt ${prefixEnd(start)}`, `listing actions of ${planId}`);
    return rows.map(storedAction).sort(byPlanAndOrder);
  }

  private async where(filter: string, what: string): Promise<StoredAction[]> {
    const rows = await listAll<Record<string, unknown>>(this.client, filter, what);
    return rows.map(storedAction).sort(byPlanAndOrder).map(strip);
  }

  async update(current: StoredAction, progress: ActionProgress, change: ActionChange): Promise<UpdateResult> {
    const { planId, action } = current;
    const buckets = await this.plans.bucketsOf(planId);
    if (buckets === null) return { ok: false, reason: 'missing' };
    const existing = await this.read(planId, action.id);
    if (!existing) return { ok: false, reason: 'missing' };
    if (existing.etag !== current.etag) return { ok: false, reason: 'conflict' };
    // New pointer first, then the row, then the old pointer goes: a crash leaves at worst a stale
    // pointer (dropped by dueBy), never a waiting action that dueBy cannot see.
    const before: DueEntry | null = isWaiting(current.progress) ? { planId, actionId: action.id, dueDate: current.progress.dueDate ?? '', buckets } : null;
    const after: DueEntry | null = isWaiting(progress) ? { planId, actionId: action.id, dueDate: progress.dueDate ?? '', buckets } : null;
    if (after && after.dueDate !== before?.dueDate) await this.due.add([after]);
    // The change rides on the action row, so the row and its history entry are one write.
    const keyed = this.changes.keyed(change);
    const row = actionRow(planId, action, progress, existing.order, buckets, JSON.stringify(keyed));
    let etag: string;
    try {
      etag = (await this.client.updateEntity(row as TableEntity, 'Replace', { etag: current.etag })).etag ?? '';
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) return { ok: false, reason: 'conflict' };
      if (status === 404) return { ok: false, reason: 'missing' };
      throw storeError(`updating action ${action.id}`, err);
    }
    // The change is saved: a history row or an old pointer that fails to go is repaired on the next read.
    await this.changes.append(planId, action.id, keyed).catch(() => undefined);
    if (before && before.dueDate !== after?.dueDate) await this.due.remove([before]).catch(() => undefined);
    return { ok: true, action: { planId, action, progress, etag } };
  }

  async history(planId: string, actionId: string): Promise<ActionChange[]> {
    const row = await attempt(`reading action ${actionId}`, () => this.read(planId, actionId));
    const latest = row?.lastChange ? (JSON.parse(row.lastChange) as KeyedChange) : null;
    return this.changes.of(planId, actionId, latest);
  }
}
