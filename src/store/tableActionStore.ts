// Actions and their progress in Azure Table storage. Updates are ETag-checked; the due index and the
// role index point at action rows, and the action row is always the truth. Each partition also holds
// a tally row (actionTally.ts), moved in the same transaction as the answer that changes an action.
import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { IsoDate } from '../domain/plan.ts';
import type { ActionChange, ActionProgress } from '../domain/progress.ts';
import type { ActionStore, DueMark, PageWhere, StoredAction, TallyEntry, UpdateResult } from '../domain/ports.ts';
import { moveIn } from '../domain/tally.ts';
import { pageOf, planPartitions, tallyOfPlan } from './actionQueries.ts';
import { TALLY_KEY, tallyEntries, tallyRow } from './actionTally.ts';
import { ActionHistory, type KeyedChange } from './actionHistory.ts';
import { actionKeys, actionRow, isWaiting, storedAction, type RowExtras } from './actionRows.ts';
import { DueIndex, type DueEntry } from './dueIndex.ts';
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

const markOf = (e: DueEntry): DueMark => ({ planId: e.planId, actionId: e.actionId, dueDate: e.dueDate, grid: e.grid ?? null, owners: e.owners ?? null });

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

  async dueMarks(date: IsoDate, oldest?: { count: number; keep: (mark: DueMark) => boolean }): Promise<DueMark[]> {
    const enough = oldest && ((entries: DueEntry[]) => entries.filter((e) => oldest.keep(markOf(e))).length >= oldest.count);
    // While an update is in flight an action has two pointers: the later written stands for it.
    const latest = new Map<string, DueEntry>();
    for (const entry of await this.due.upTo(date, enough)) {
      const key = `${entry.planId}|${entry.actionId}`;
      const seen = latest.get(key);
      if (!seen || (entry.writtenAt ?? '') > (seen.writtenAt ?? '')) latest.set(key, entry);
    }
    return [...latest.values()]
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
      .map(markOf);
  }

  // Blocked actions are few and asked for rarely (the commissioner's review), so a filtered read is enough.
  async blocked(): Promise<StoredAction[]> {
    return this.where(odata`status eq ${'blocked'}`, 'reading blocked actions');
  }

  // Refs are typed by people looking something up: a filtered read, not an index to keep in step.
  async findByRef(ref: string): Promise<StoredAction[]> {
    return this.where(odata`ref eq ${ref.trim()}`, `finding actions with ref ${ref}`);
  }

  async ofRoles(tenantId: string, roles: string[]): Promise<StoredAction[]> {
    if (tenantId === '') return [];
    // The index is keyed by role name alone; a role name is the tenant's own, so other tenants' plans drop out.
    const all = await this.roles.actionsOf(roles);
    const plans = await mapLimit([...new Set(all.map((p) => p.planId))], 8, (id) => attempt(`reading plan ${id}`, () => this.plans.get(id)));
    const ours = new Set(plans.filter((p) => p !== null && p.tenantId === tenantId).map((p) => p!.id));
    const pointers = all.filter((p) => ours.has(p.planId));
    const found = await mapLimit(pointers, 16, (p) => attempt(`reading action ${p.actionId}`, () => this.read(p.planId, p.actionId)));
    return found.filter((a): a is Ordered => a !== null).sort(byPlanAndOrder).map(strip);
  }

  async listPlanActions(planId: string): Promise<StoredAction[]> {
    return (await this.rowsOf(planId)).map(strip);
  }

  /** A plan's action rows with their document order (its partitions all start with the plan's key). */
  async rowsOf(planId: string): Promise<Ordered[]> {
    const rows = await listAll<Record<string, unknown>>(this.client, `${planPartitions(planId)} and ${odata`RowKey ne ${TALLY_KEY}`}`, `listing actions of ${planId}`);
    return rows.map(storedAction).sort(byPlanAndOrder);
  }

  async planPage(planId: string, count: number, where: PageWhere = {}): Promise<StoredAction[]> {
    return (await pageOf(this.client, planId, count, where)).map(strip);
  }

  async tally(planId: string): Promise<TallyEntry[] | null> {
    const buckets = await this.plans.bucketsOf(planId);
    return buckets === null ? null : tallyOfPlan(this.client, planId, buckets);
  }

  /** A partition's tally row and its ETag; null for a plan stored before tallies were kept. */
  private async tallyAt(partitionKey: string): Promise<{ entries: TallyEntry[]; etag: string } | null> {
    try {
      const row = await this.client.getEntity<Record<string, unknown>>(partitionKey, TALLY_KEY);
      return { entries: tallyEntries(row), etag: row.etag };
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
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
    const shown = { grid: action.grid, owners: action.owners };
    const before: DueEntry | null = isWaiting(current.progress) ? { planId, actionId: action.id, dueDate: current.progress.dueDate ?? '', buckets, ...shown } : null;
    const after: DueEntry | null = isWaiting(progress) ? { planId, actionId: action.id, dueDate: progress.dueDate ?? '', buckets, ...shown } : null;
    if (after && after.dueDate !== before?.dueDate) await this.due.add([after]);
    // The change rides on the action row, so the row and its history entry are one write; the
    // partition's tally changes in the same transaction.
    const keyed = this.changes.keyed(change);
    const row = actionRow(planId, action, progress, existing.order, buckets, JSON.stringify(keyed));
    const written = await this.writeWithTally(row, current, progress);
    if (!written.ok) return written;
    const etag = written.etag;
    // The change is saved: a history row or an old pointer that fails to go is repaired on the next read.
    await this.changes.append(planId, action.id, keyed).catch(() => undefined);
    if (before && before.dueDate !== after?.dueDate) await this.due.remove([before]).catch(() => undefined);
    return { ok: true, action: { planId, action, progress, etag } };
  }

  /** Writes the row if still at `current.etag`, moving the action in its partition's tally; a tally changed meanwhile is re-read. */
  private async writeWithTally(row: TableEntity, current: StoredAction, progress: ActionProgress): Promise<{ ok: true; etag: string } | { ok: false; reason: 'conflict' | 'missing' }> {
    const grid = current.action.grid;
    for (let attemptNo = 1; ; attemptNo++) {
      const tally = await attempt('reading a tally', () => this.tallyAt(row.partitionKey));
      const writes: TransactionAction[] = [['update', row, 'Replace', { etag: current.etag }]];
      if (tally) {
        const entries = moveIn(tally.entries, { grid, status: current.progress.status, dueDate: current.progress.dueDate }, { grid, status: progress.status, dueDate: progress.dueDate });
        writes.push(['update', tallyRow(row.partitionKey, current.planId, entries), 'Replace', { etag: tally.etag }]);
      }
      try {
        const response = await this.client.submitTransaction(writes);
        // Sub-responses come in the order written (an update's carries no RowKey); the SDK leaves the header's '\r' on.
        const etag = response.subResponses[0]?.etag?.trim();
        return { ok: true, etag: etag || ((await this.read(current.planId, current.action.id))?.etag ?? '') };
      } catch (err) {
        const status = statusOf(err);
        if (status === 404) return { ok: false, reason: 'missing' };
        if (status !== 412) throw storeError(`updating action ${current.action.id}`, err);
        // 412 is the row (someone answered first) or the tally (another action of the partition moved).
        const now = await this.read(current.planId, current.action.id);
        if (!now) return { ok: false, reason: 'missing' };
        if (now.etag !== current.etag || attemptNo >= 8) return { ok: false, reason: 'conflict' };
      }
    }
  }

  async history(planId: string, actionId: string): Promise<ActionChange[]> {
    const row = await attempt(`reading action ${actionId}`, () => this.read(planId, actionId));
    const latest = row?.lastChange ? (JSON.parse(row.lastChange) as KeyedChange) : null;
    return this.changes.of(planId, actionId, latest);
  }
}
