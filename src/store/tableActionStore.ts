// Actions and their progress in Azure Table storage. Updates are ETag-checked; the due index and the
// role index point at action rows, and the action row is always the truth. Each partition also holds
// a tally row (actionTally.ts), moved in the same transaction as the answer that changes an action.
// Every read first reads the plan's row for its current revision (see tablePlanStore.ts) and reads only
// that revision's partitions, so a plan change being written, or abandoned half-way, is never seen.
import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { IsoDate } from '../domain/plan.ts';
import type { ActionChange, ActionProgress, ActionStatus } from '../domain/progress.ts';
import type { ActionSnapshot } from '../domain/briefing.ts';
import type { ActionStore, DueMark, PageWhere, StoredAction, TallyEntry, UpdateResult } from '../domain/ports.ts';
import { moveIn } from '../domain/tally.ts';
import { pageOf, pagesOf, partitionTallies, planPartitions } from './actionQueries.ts';
import { moveOwners, tallyOfOwner, type OwnerCount } from './ownerTally.ts';
import { PlanTallies } from './planTallies.ts';
import { normaliseRole } from './keys.ts';
import { ownerCounts, TALLY_KEY, tallyEntries, tallyRow } from './actionTally.ts';
import { ActionHistory, type KeyedChange } from './actionHistory.ts';
import { actionKeys, actionRow, isWaiting, storedAction, type RowExtras } from './actionRows.ts';
import { DueIndex, type DueEntry } from './dueIndex.ts';
import { BlockedIndex, blockedThrough } from './blockedIndex.ts';
import type { PlanRow, PlanRows } from './planRows.ts';
import { RoleIndex } from './roleIndex.ts';
import { mapLimit } from '../mapLimit.ts';
import { attempt, rowOrNull, listAll, statusOf, storeError, type Tables } from './tables.ts';

export const ACTIONS_TABLE = 'Actions';

type Ordered = StoredAction & RowExtras;

/** A due-index pointer that disagrees with its action row and is this old was left by a crash, not an update in flight. */
const STALE_POINTER_MS = 10 * 60_000;

function byPlanAndOrder(a: Ordered, b: Ordered): number {
  return a.planId === b.planId ? a.order - b.order : a.planId < b.planId ? -1 : 1;
}

const markOf = (e: DueEntry): DueMark => ({ planId: e.planId, actionId: e.actionId, dueDate: e.dueDate, grid: e.grid ?? null, owners: e.owners ?? null });

function strip({ order: _order, lastChange: _last, writtenAt: _written, revision: _revision, ...action }: Ordered): StoredAction {
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
  readonly planTallies: PlanTallies;
  readonly blockedIndex: BlockedIndex;

  constructor(private readonly tables: Tables, private readonly plans: PlanRows) {
    this.planTallies = new PlanTallies(tables);
    this.due = new DueIndex(tables);
    this.roles = new RoleIndex(tables);
    this.changes = new ActionHistory(tables);
    this.blockedIndex = new BlockedIndex(tables);
  }

  private get client() {
    return this.tables.table(ACTIONS_TABLE);
  }

  private readonly reading = new Map<string, Promise<PlanRow | null>>();

  /** The plan's row as it is now (never cached: it names the current revision); reads at once share one. */
  current(planId: string): Promise<PlanRow | null> {
    let read = this.reading.get(planId);
    if (!read) {
      read = attempt(`reading plan ${planId}`, () => this.plans.get(planId)).finally(() => this.reading.delete(planId));
      this.reading.set(planId, read);
    }
    return read;
  }

  /** Plan rows for many plans, each read once. */
  private async plansOf(planIds: string[]): Promise<Map<string, PlanRow | null>> {
    const ids = [...new Set(planIds)];
    const rows = await mapLimit(ids, 16, (id) => this.current(id));
    return new Map(ids.map((id, i) => [id, rows[i] ?? null]));
  }

  private async readAt(plan: PlanRow, actionId: string): Promise<Ordered | null> {
    const { partitionKey, rowKey } = actionKeys(plan.id, actionId, plan.buckets, plan.revision);
    const row = await rowOrNull<Record<string, unknown>>(this.client, partitionKey, rowKey);
    return row && storedAction(row);
  }

  /** An action of the plan's current revision; a revision replaced (and tidied) while reading is read again at the new one. */
  private async read(planId: string, actionId: string, known?: PlanRow | null): Promise<Ordered | null> {
    const plan = known === undefined ? await this.current(planId) : known;
    if (!plan) return null;
    const found = await this.readAt(plan, actionId);
    if (found) return found;
    const now = await this.current(planId);
    return now && now.revision !== plan.revision ? this.readAt(now, actionId) : null;
  }

  /** Reads a plan's rows at its current revision, again if the revision changed meanwhile (the old one may be half tidied). */
  private async atRevision<T>(planId: string, empty: T, read: (plan: PlanRow) => Promise<T>): Promise<T> {
    let plan = await this.current(planId);
    for (let tries = 0; plan && tries < 3; tries++) {
      const result = await read(plan);
      const now = await this.current(planId);
      if (now?.revision === plan.revision) return result;
      plan = now;
    }
    if (plan) throw new Error(`Plan ${planId} kept changing while it was read; try again`);
    return empty;
  }

  /** Only rows of their plan's current revision: a scan across plans also meets revisions being written or tidied. */
  private async ofCurrentRevisions(rows: Ordered[]): Promise<Ordered[]> {
    const plans = await this.plansOf(rows.map((r) => r.planId));
    return rows.filter((r) => plans.get(r.planId)?.revision === r.revision);
  }

  async get(planId: string, actionId: string): Promise<StoredAction | null> {
    const found = await attempt(`reading action ${actionId}`, () => this.read(planId, actionId));
    return found && strip(found);
  }

  async dueBy(date: IsoDate): Promise<StoredAction[]> {
    const entries = await this.due.upTo(date);
    const stale: DueEntry[] = [];
    const plans = await this.plansOf(entries.map((e) => e.planId));
    const found = await mapLimit(entries, 16, async (entry) => {
      const plan = plans.get(entry.planId) ?? null;
      const action = await this.read(entry.planId, entry.actionId, plan);
      // While an import is being written its pointers run ahead of the rows readers see: left alone.
      const tidy = !plan?.pending;
      // The action row is the truth; a pointer that disagrees with it is dropped once it is surely stale.
      if (!action) {
        // No plan row yet may be a first import in flight: only an old pointer is surely left over.
        if (tidy && (plan || !entry.writtenAt || Date.now() - Date.parse(entry.writtenAt) > STALE_POINTER_MS)) stale.push(entry);
        return null;
      }
      if (!isWaiting(action.progress) || action.progress.dueDate !== entry.dueDate) {
        if (tidy && isStale(entry, action, Date.now())) stale.push(entry);
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

  // Every sweep asks: read through the blocked index (blockedIndex.ts), not the whole Actions table.
  async blocked(): Promise<StoredAction[]> {
    const found = await blockedThrough(this.blockedIndex, {
      plans: (ids) => this.plansOf(ids),
      read: (p, plan) => attempt(`reading action ${p.actionId}`, () => this.read(p.planId, p.actionId, plan)),
      scan: () => this.whereRows(odata`status eq ${'blocked'}`, 'reading blocked actions'),
    }, Date.now);
    return found.sort(byPlanAndOrder).map(strip);
  }

  // Refs are typed by people looking something up: a filtered read, not an index to keep in step.
  async findByRef(ref: string): Promise<StoredAction[]> {
    return this.where(odata`ref eq ${ref.trim()}`, `finding actions with ref ${ref}`);
  }

  async ofRoles(tenantId: string, roles: string[]): Promise<StoredAction[]> {
    if (tenantId === '') return [];
    // The index is keyed by role name alone; a role name is the tenant's own, so other tenants' plans drop out.
    const all = await this.roles.actionsOf(roles);
    const plans = await this.plansOf(all.map((p) => p.planId));
    const pointers = all.filter((p) => plans.get(p.planId)?.tenantId === tenantId);
    const found = await mapLimit(pointers, 16, (p) => attempt(`reading action ${p.actionId}`, () => this.read(p.planId, p.actionId, plans.get(p.planId) ?? null)));
    // While a plan change is written the index holds the owners of both versions: the row says which it is.
    const wanted = new Set(roles.map(normaliseRole));
    return found.filter((a): a is Ordered => a !== null && a.action.owners.some((o) => wanted.has(normaliseRole(o)))).sort(byPlanAndOrder).map(strip);
  }

  async listPlanActions(planId: string): Promise<StoredAction[]> {
    return (await this.rowsOf(planId)).map(strip);
  }

  async statuses(planId: string): Promise<({ actionId: string } & ActionSnapshot)[]> {
    // Three properties of each row ($select), not the action's text, owners and notes.
    const read = (plan: PlanRow) => listAll<Record<string, unknown>>(this.client, `${planPartitions(plan.id, plan.revision)} and ${odata`RowKey ne ${TALLY_KEY}`}`, `reading the statuses of ${planId}`, ['actionId', 'status', 'dueDate']);
    return (await this.atRevision(planId, [], read)).map((row) => ({ actionId: String(row.actionId), status: row.status as ActionStatus, dueDate: typeof row.dueDate === 'string' ? row.dueDate : null }));
  }

  /** A plan's action rows at its current revision, with their document order. */
  async rowsOf(planId: string): Promise<Ordered[]> {
    return this.atRevision(planId, [], (plan) => this.rowsAt(plan.id, plan.revision));
  }

  /** A plan's action rows of one revision; with null, of every revision (an import tidies the ones not current). */
  async rowsAt(planId: string, revision: string | null): Promise<Ordered[]> {
    const rows = await listAll<Record<string, unknown>>(this.client, `${planPartitions(planId, revision)} and ${odata`RowKey ne ${TALLY_KEY}`}`, `listing actions of ${planId}`);
    return rows.map(storedAction).sort(byPlanAndOrder);
  }

  async planPage(planId: string, count: number, where: PageWhere = {}): Promise<StoredAction[]> {
    return (await this.atRevision(planId, [], (plan) => pageOf(this.client, planId, plan.revision, count, where, plan.actions))).map(strip);
  }

  async *pages(planId: string, size: number, stop?: AbortSignal): AsyncIterable<{ stored: StoredAction; history: ActionChange[] }[]> {
    const plan = await this.current(planId);
    if (!plan) return;
    for await (const page of pagesOf(this.client, planId, plan.revision, size, plan.actions)) {
      // The row is at hand, so each history is one query. (A row without a latest change may still have
      // history: rows written before rows carried it, or an action put back by undoing an import.)
      const histories = await mapLimit(page, 16, (row) => { stop?.throwIfAborted(); return this.changes.of(planId, row.action.id, row.lastChange === null ? null : JSON.parse(row.lastChange) as KeyedChange); });
      // A re-import tidies the revision being read: the export stops rather than mix two versions.
      if ((await this.current(planId))?.revision !== plan.revision) throw new Error(`Plan ${plan.code || planId} was imported again while it was being exported; please try again`);
      yield page.map((row, i) => ({ stored: strip(row), history: histories[i] ?? [] }));
    }
  }

  // The plan's own tally row when it can be trusted (planTallies.ts); else counted from the partitions' rows and kept.
  async tally(planId: string, owner?: string): Promise<TallyEntry[] | null> {
    return this.atRevision(planId, null, async (plan) => {
      const kept = await this.planTallies.read(plan.id, plan.revision, owner);
      if (kept.entries) return kept.entries;
      const counted = await partitionTallies(this.client, plan.id, plan.revision, plan.buckets);
      if (!counted) return null;
      await this.planTallies.rebuild(plan.id, plan.revision, kept.head, counted.entries, counted.owners).catch(() => undefined);
      return owner === undefined ? counted.entries : counted.owners && tallyOfOwner(counted.owners, owner);
    });
  }

  /** A partition's tally row (counts per owner null when not kept) and its ETag; null for a plan stored before tallies were kept. */
  private async tallyAt(partitionKey: string): Promise<{ entries: TallyEntry[]; owners: OwnerCount[] | null; etag: string } | null> {
    const row = await rowOrNull<Record<string, unknown>>(this.client, partitionKey, TALLY_KEY);
    return row && { entries: tallyEntries(row), owners: ownerCounts(row), etag: row.etag };
  }

  private async where(filter: string, what: string): Promise<StoredAction[]> {
    return (await this.whereRows(filter, what)).map(strip);
  }

  private async whereRows(filter: string, what: string): Promise<Ordered[]> {
    const rows = await listAll<Record<string, unknown>>(this.client, filter, what);
    return (await this.ofCurrentRevisions(rows.map(storedAction))).sort(byPlanAndOrder);
  }

  async update(current: StoredAction, progress: ActionProgress, change: ActionChange): Promise<UpdateResult> {
    const { planId, action } = current;
    const plan = await this.current(planId);
    if (!plan) return { ok: false, reason: 'missing' };
    const buckets = plan.buckets;
    const existing = await attempt(`reading action ${action.id}`, () => this.readAt(plan, action.id));
    if (!existing) return { ok: false, reason: 'missing' };
    if (existing.etag !== current.etag) return { ok: false, reason: 'conflict' };
    // New pointer first, then the row, then the old pointer goes: a crash leaves at worst a stale
    // pointer (dropped by dueBy), never a waiting action that dueBy cannot see.
    const shown = { grid: action.grid, owners: action.owners };
    const before: DueEntry | null = isWaiting(current.progress) ? { planId, actionId: action.id, dueDate: current.progress.dueDate ?? '', buckets, ...shown } : null;
    const after: DueEntry | null = isWaiting(progress) ? { planId, actionId: action.id, dueDate: progress.dueDate ?? '', buckets, ...shown } : null;
    if (after && after.dueDate !== before?.dueDate) await this.due.add([after]);
    // Blocked: pointed at before the row is written. Unblocked: the pointer's ETag now, so it goes after only if not rewritten.
    const pointer = { planId, actionId: action.id };
    if (progress.status === 'blocked') await attempt('adding to the blocked index', () => this.blockedIndex.add([pointer]));
    const unblocked = current.progress.status === 'blocked' && progress.status !== 'blocked' ? await attempt('reading the blocked index', () => this.blockedIndex.etagOf(pointer)) : null;
    // The change rides on the action row, so the row and its history entry are one write; the
    // partition's tally changes in the same transaction.
    const keyed = this.changes.keyed(change);
    const row = actionRow(planId, action, progress, existing.order, buckets, JSON.stringify(keyed), plan.revision);
    const first = await this.writeWithTally(row, current, progress, plan.revision);
    // A version replaced since it was read: the caller reads the action again.
    if (!first.ok) return first.reason === 'missing' && (await this.current(planId))?.revision !== plan.revision ? { ok: false, reason: 'conflict' } : first;
    const written = await this.followRevision(plan, current, progress, keyed, first.etag, change.at);
    if (!written.ok) return written;
    const etag = written.etag;
    // The change is saved: a history row or an old pointer that fails to go is repaired on the next read.
    await this.changes.append(planId, action.id, keyed).catch(() => undefined);
    if (before && before.dueDate !== after?.dueDate) await this.due.remove([before]).catch(() => undefined);
    if (unblocked) await this.blockedIndex.remove([{ ...pointer, etag: unblocked }]).catch(() => undefined);
    return { ok: true, action: { planId, action, progress, etag } };
  }

  /**
   * An answer written while the plan changes must land in the version that ends up current. After the
   * write the plan row is read again: an import still being written is told (its commit then fails and it
   * reads the answers again), and a revision committed since the answer was read gets the answer too.
   */
  private async followRevision(plan: PlanRow, current: StoredAction, progress: ActionProgress, keyed: KeyedChange, etag: string, at: string): Promise<{ ok: true; etag: string } | { ok: false; reason: 'conflict' | 'missing' }> {
    let now = await this.current(plan.id);
    if (now?.revision === plan.revision && now.pending) {
      await this.plans.touch(plan.id, at);
      now = await this.current(plan.id);
    }
    if (!now || now.revision === plan.revision) return { ok: true, etag };
    const moved = await attempt(`reading action ${current.action.id}`, () => this.readAt(now, current.action.id));
    // The new version left the action out: the answer stays in its history.
    if (!moved) return { ok: true, etag };
    if (JSON.stringify(moved.progress) === JSON.stringify(progress)) return { ok: true, etag: moved.etag };
    // Answered again on the new version since: that answer stands.
    if (moved.progress.updatedAt !== current.progress.updatedAt) return { ok: false, reason: 'conflict' };
    const row = actionRow(plan.id, moved.action, progress, moved.order, now.buckets, JSON.stringify(keyed), now.revision);
    return this.writeWithTally(row, strip(moved), progress, now.revision);
  }

  /** Writes the row with its partition's tally, and moves the plan's tally row after (its token marks the write in flight). */
  private async writeWithTally(row: TableEntity, current: StoredAction, progress: ActionProgress, revision: string): Promise<{ ok: true; etag: string } | { ok: false; reason: 'conflict' | 'missing' }> {
    const token = await this.planTallies.begin(current.planId, revision);
    let written: { ok: true; etag: string } | { ok: false; reason: 'conflict' | 'missing' } | null = null;
    try {
      written = await this.writeInPartition(row, current, progress);
      return written;
    } finally {
      const grid = current.action.grid;
      const move = written?.ok ? { owners: current.action.owners, from: { grid, status: current.progress.status, dueDate: current.progress.dueDate }, to: { grid, status: progress.status, dueDate: progress.dueDate } } : null;
      // The answer stands whatever happens here: a token left behind makes readers count afresh.
      await this.planTallies.finish(current.planId, revision, token, move).catch(() => undefined);
    }
  }

  /** Writes the row if still at `current.etag`, moving the action in its partition's tally; a tally changed meanwhile is re-read. */
  private async writeInPartition(row: TableEntity, current: StoredAction, progress: ActionProgress): Promise<{ ok: true; etag: string } | { ok: false; reason: 'conflict' | 'missing' }> {
    const grid = current.action.grid;
    for (let attemptNo = 1; ; attemptNo++) {
      const tally = await attempt('reading a tally', () => this.tallyAt(row.partitionKey));
      const writes: TransactionAction[] = [['update', row, 'Replace', { etag: current.etag }]];
      if (tally) {
        const from = { grid, status: current.progress.status, dueDate: current.progress.dueDate };
        const to = { grid, status: progress.status, dueDate: progress.dueDate };
        const owners = tally.owners && moveOwners(tally.owners, current.action.owners, from, to);
        writes.push(['update', tallyRow(row.partitionKey, current.planId, moveIn(tally.entries, from, to), owners), 'Replace', { etag: tally.etag }]);
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

  changedSince(since: string): Promise<{ planId: string; actionId: string; change: ActionChange }[]> {
    return this.changes.since(since);
  }

  async history(planId: string, actionId: string): Promise<ActionChange[]> {
    const row = await attempt(`reading action ${actionId}`, () => this.read(planId, actionId));
    const latest = row?.lastChange ? (JSON.parse(row.lastChange) as KeyedChange) : null;
    return this.changes.of(planId, actionId, latest);
  }
}
