// Plans on Azure Table storage. A first import writes every action in transactions; a revised import
// keeps each matched action's id, progress and history, and reports every addition and removal.
//
// All or nothing: Azure commits a transaction per partition only, so a revised plan is written as a new
// revision in partitions of its own (plan|revision|bucket) while readers go on reading the current one.
// The plan row is claimed first (pending: the new revision), and one ETag-guarded write of the plan row
// makes the new revision current. A failure before that leaves the old version as it was (the claim is
// released, the half-written revision is never read and the next import tidies it); after it, only
// tidying is left (old rows, pointers and role rows no reader trusts). An answer given meanwhile changes
// the plan row's ETag (TableActionStore.update), so the commit fails, the answers are read again and
// carried into the new revision before it commits.
import { randomBytes } from 'node:crypto';
import type { TransactionAction } from '@azure/data-tables';
import { assignCodes, planCodeFor } from '../domain/codes.ts';
import type { Plan, PlanAction } from '../domain/plan.ts';
import type { ActionChange, ActionProgress } from '../domain/progress.ts';
import { revisedProgress } from '../domain/progressStart.ts';
import type { Standing } from '../domain/tally.ts';
import { NewerImportError, type ImportReport, type PlanStore, type PlanSummary, type SaveOptions } from '../domain/ports.ts';
import { actionRow, bucketsFor, isWaiting, revisionOfPartition, storedAction, type RowExtras } from './actionRows.ts';
import { planPartitions } from './actionQueries.ts';
import { TALLY_KEY, tallyRowsOf } from './actionTally.ts';
import type { DueEntry } from './dueIndex.ts';
import type { BlockedPointer } from './blockedIndex.ts';
import type { PlanRow, PlanRows } from './planRows.ts';
import { changedFields, reviseActions } from './planRevision.ts';
import { ACTIONS_TABLE, type TableActionStore } from './tableActionStore.ts';
import { mapLimit } from '../mapLimit.ts';
import { listAll, submitAll, type Tables } from './tables.ts';
import type { KeyedChange } from './actionHistory.ts';
import type { StoredAction } from '../domain/ports.ts';

type Ordered = StoredAction & RowExtras;

/** Times the commit is tried again when answers keep arriving while a plan change is written. */
const COMMIT_TRIES = 5;

/** A new revision id: 'r' (never a hex digit, see actionQueries.ts), then time and chance, key-safe. */
function newRevision(): string {
  return `r${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

function dueEntry(planId: string, action: PlanAction, progress: ActionProgress, buckets: number): DueEntry[] {
  return isWaiting(progress) ? [{ planId, actionId: action.id, dueDate: progress.dueDate ?? '', buckets, grid: action.grid, owners: action.owners }] : [];
}

const standingOf = (action: PlanAction, progress: ActionProgress): Standing => ({ grid: action.grid, status: progress.status, dueDate: progress.dueDate });

/** The history entry of a move made by a revised plan. */
function moveChange(from: ActionProgress, to: ActionProgress, at: string): ActionChange {
  return {
    at, by: { id: 'import', name: 'plan revision' }, via: 'import', from: from.status, to: to.status, occurrence: to.occurrence,
    dueBefore: from.dueDate, dueAfter: to.dueDate, reason: null,
    summary: `"By when" changed in the revised plan: now due ${to.dueDate ?? 'with no date'} (was ${from.dueDate ?? 'no date'})`,
  };
}

/** An id for an added action that no kept action already uses. */
function freeId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}~${n}`;
  taken.add(candidate);
  return candidate;
}

/** The actions with their codes set. */
function withCodes(actions: PlanAction[], codes: Map<string, string>): PlanAction[] {
  return actions.map((a) => ({ ...a, code: codes.get(a.id) ?? a.code }));
}

/** A revision written but not yet current: what commits it and what is tidied after. */
interface Written {
  report: Omit<ImportReport, 'revision'>;
  actions: number;
  /** Pointers and history that become stale or due once the revision is current. */
  stalePointers: DueEntry[];
  moves: { id: string; change: KeyedChange }[];
  ownersBefore: PlanAction[];
  ownersAfter: PlanAction[];
  /** Blocked actions the revision removes: their pointers go once it is current. */
  unblocked: BlockedPointer[];
}

/** Pointers for the actions written blocked (blockedIndex.ts). */
const blockedOf = (planId: string, written: { id: string; standing: Standing }[]): BlockedPointer[] =>
  written.filter((w) => w.standing.status === 'blocked').map((w) => ({ planId, actionId: w.id }));

/** The PlanStore on Azure Table storage. */
export class TablePlanStore implements PlanStore {
  constructor(private readonly tables: Tables, private readonly rows: PlanRows, private readonly actions: TableActionStore) {}

  async savePlan(given: Plan, progressFor: (a: PlanAction) => ActionProgress, at: string, options: SaveOptions = {}): Promise<ImportReport> {
    const ids = new Set<string>();
    for (const a of given.actions) {
      if (ids.has(a.id)) throw new Error(`Plan ${given.id} has two actions with id ${a.id}; ids must be unique`);
      ids.add(a.id);
    }
    const existing = await this.rows.get(given.id);
    if (existing?.tenantId && given.tenantId && existing.tenantId !== given.tenantId) {
      throw new Error(`Plan ${given.id} belongs to another tenant; it was not changed`);
    }
    if (options.expect !== undefined && (!existing || (existing.revision !== options.expect && existing.sameAs !== options.expect))) {
      throw new NewerImportError(existing?.code ?? given.id, existing?.importedAt ?? '', existing?.importedBy ?? null);
    }
    // A plan keeps its code and tenant; a new one gets a code no other plan has.
    const taken = new Set((await this.rows.list()).filter((r) => r.id !== given.id).map((r) => r.code));
    const code = existing?.code || planCodeFor(given.partnership, taken);
    const plan: Plan = { ...given, code, ...(existing?.tenantId ?? given.tenantId ? { tenantId: existing?.tenantId ?? given.tenantId } : {}) };
    // A lead role named with this import replaces the stored one; otherwise the stored one stays.
    const leadRole = given.leadRole ?? existing?.leadRole ?? undefined;
    if (leadRole) plan.leadRole = leadRole;
    if (!existing) return this.create(plan, progressFor, at, options);
    return this.revise(plan, given.leadRole !== undefined, progressFor, at, existing, options);
  }

  /** Every row of a plan in every revision, tallies included (an import reads them all: the current ones and leftovers). */
  private async everyRow(planId: string): Promise<{ stored: Ordered[]; keys: { partitionKey: string; rowKey: string; revision: string }[] }> {
    const client = await this.tables.ensure(ACTIONS_TABLE);
    const rows = await listAll<Record<string, unknown>>(client, planPartitions(planId, null), `reading plan ${planId}`);
    return {
      stored: rows.filter((r) => r.rowKey !== TALLY_KEY).map(storedAction),
      keys: rows.map((r) => ({ partitionKey: r.partitionKey, rowKey: r.rowKey, revision: revisionOfPartition(r.partitionKey) })),
    };
  }

  /** Deletes rows no reader trusts (revisions replaced or abandoned); a failure leaves them for the next import. */
  private async tidy(keys: { partitionKey: string; rowKey: string }[], planId: string): Promise<void> {
    if (keys.length === 0) return;
    const client = await this.tables.ensure(ACTIONS_TABLE);
    await submitAll(client, keys.map((k): TransactionAction => ['delete', k]), `tidying old versions of plan ${planId}`).catch(() => undefined);
  }

  private async create(plan: Plan, progressFor: (a: PlanAction) => ActionProgress, at: string, options: SaveOptions): Promise<ImportReport> {
    const client = await this.tables.ensure(ACTIONS_TABLE);
    // Rows left by a first import that failed are not shown (there is no plan row) but would be once there is.
    await this.tidy((await this.everyRow(plan.id)).keys, plan.id);
    plan.actions = withCodes(plan.actions, assignCodes(plan.code ?? '', plan.actions, new Map()));
    const buckets = bucketsFor(plan.actions.length);
    const progress = plan.actions.map((a) => progressFor(a));
    const writes: TransactionAction[] = plan.actions.map((a, i) => ['upsert', actionRow(plan.id, a, progress[i] as ActionProgress, i, buckets), 'Replace']);
    const standings = plan.actions.map((a, i) => ({ id: a.id, owners: a.owners, standing: standingOf(a, progress[i] as ActionProgress) }));
    writes.push(...tallyRowsOf(plan.id, buckets, standings).map((row): TransactionAction => ['upsert', row, 'Replace']));
    await this.actions.blockedIndex.add(blockedOf(plan.id, standings));
    await submitAll(client, writes, `importing plan ${plan.id}`);
    await this.actions.planTallies.put(plan.id, '', standings);
    await this.actions.due.add(plan.actions.flatMap((a, i) => dueEntry(plan.id, a, progress[i] as ActionProgress, buckets)));
    await this.actions.roles.replacePlan(plan.id, [], plan.actions, buckets);
    // The plan row goes last: until it exists no reader shows the plan's rows, and a re-run starts afresh.
    await this.rows.put(plan, plan.actions.length, buckets, at, { revision: '', importedBy: options.by ?? null, sameAs: options.sameAs ?? null });
    return { planId: plan.id, created: true, added: plan.actions, removed: [], changed: [], kept: 0, revision: '' };
  }

  private async revise(plan: Plan, leadNamed: boolean, progressFor: (a: PlanAction) => ActionProgress, at: string, existing: PlanRow, options: SaveOptions): Promise<ImportReport> {
    const revision = newRevision();
    // Claimed from the row just read: an import or undo that came in between makes this one start again.
    let etag = await this.rows.claim(plan.id, revision, existing.etag);
    if (etag === null) throw new Error(`Plan ${existing.code || plan.id} changed while it was being imported; nothing was changed. Please try again.`);
    let leftovers: { partitionKey: string; rowKey: string; revision: string }[];
    let written: Written;
    let committedPlan = plan;
    try {
      const all = await this.everyRow(plan.id);
      leftovers = all.keys;
      written = await this.writeRevision(plan, all.stored.filter((s) => s.revision === existing.revision), progressFor, at, existing.buckets, revision);
      for (let tries = 1; ; tries++) {
        const done = await this.rows.put(committedPlan, written.actions, existing.buckets, at, { revision, importedBy: options.by ?? null, sameAs: options.sameAs ?? null }, etag);
        if (done) break;
        const now = await this.rows.get(plan.id);
        if (!now || now.pending !== revision || now.revision !== existing.revision || tries >= COMMIT_TRIES) {
          throw new Error(`Another change to plan ${existing.code || plan.id} came first; this import was not applied. Please try again.`);
        }
        // Answers (or a lead role) arrived while writing: read the current version again and rewrite ours from it.
        etag = now.etag;
        if (!leadNamed && now.leadRole) committedPlan = { ...plan, leadRole: now.leadRole };
        written = await this.writeRevision(plan, await this.actions.rowsAt(plan.id, existing.revision), progressFor, at, existing.buckets, revision);
      }
    } catch (err) {
      await this.rows.release(plan.id, revision).catch(() => undefined);
      throw err;
    }
    // Committed: what is left is tidying (a failure here leaves only rows and pointers no reader trusts) and history.
    await this.actions.due.remove(written.stalePointers).catch(() => undefined);
    await this.actions.blockedIndex.remove(written.unblocked).catch(() => undefined);
    await mapLimit(written.moves, 8, (m) => this.actions.changes.append(plan.id, m.id, m.change)).catch(() => undefined);
    await this.actions.roles.replacePlan(plan.id, [...written.ownersBefore, ...written.ownersAfter], written.ownersAfter, existing.buckets).catch(() => undefined);
    await this.tidy(leftovers.filter((k) => k.revision !== revision), plan.id);
    return { ...written.report, revision };
  }

  /**
   * Writes the revised plan as revision `revision`, from the current version's rows `stored`; nothing a
   * reader sees changes. Pointers to the new dates and role rows for both versions' owners go in first
   * (readers check pointers against the current rows).
   */
  private async writeRevision(plan: Plan, stored: Ordered[], progressFor: (a: PlanAction) => ActionProgress, at: string, buckets: number, revisionId: string): Promise<Written> {
    const client = await this.tables.ensure(ACTIONS_TABLE);
    // In document order: two identical rows match their old selves in turn, not in the order storage lists them.
    const revision = reviseActions([...stored].sort((a, b) => a.order - b.order), plan.actions, (s) => s.action);
    // Kept actions keep their codes; removed ones keep theirs reserved (their history uses them).
    const keptCodes = new Map<string, string>();
    for (const s of stored) if (s.action.code) keptCodes.set(s.action.id, s.action.code);
    // Added actions may not reuse the id of a kept or removed one: their history stays under it.
    const takenIds = new Set(stored.map((s) => s.action.id));
    const order = new Map(plan.actions.map((a, i) => [a, i]));
    const addedIds = revision.added.map((a) => ({ ...a, id: freeId(a.id, takenIds) }));
    const keptActions = revision.matched.map(({ before, after }) => ({ ...after, id: before.action.id }));
    const reserved = [...revision.removed.map((s) => s.action), ...keptActions, ...addedIds];
    const codes = assignCodes(plan.code ?? '', reserved, keptCodes);
    const added = withCodes(addedIds, codes);
    const writes: TransactionAction[] = [];
    const changed: ImportReport['changed'] = [];
    const kept: PlanAction[] = [];
    const standings: { id: string; owners: string[]; standing: Standing }[] = [];
    const moved: { id: string; action: PlanAction; from: ActionProgress; to: ActionProgress; change: KeyedChange }[] = [];
    // Pointers name the action's grid and owners (lists narrow by them), so a kept pointer is rewritten when they change.
    const reshown: DueEntry[] = [];
    // Reported in the new document's order, whichever matching pass found them.
    revision.matched.sort((x, y) => (order.get(x.after) ?? 0) - (order.get(y.after) ?? 0));
    for (const { before, after } of revision.matched) {
      const next: PlanAction = { ...after, id: before.action.id, code: codes.get(before.action.id) };
      kept.push(next);
      const fields = changedFields(before.action, next);
      // A new "By when" moves an open action to its new schedule; the move is reported and kept in its history.
      const progress = fields.includes('due') ? revisedProgress(before.progress, progressFor(next)) : before.progress;
      const dueMoved = progress.dueDate !== before.progress.dueDate ? { from: before.progress.dueDate, to: progress.dueDate } : undefined;
      if (fields.length > 0) changed.push({ before: before.action, after: next, fields, ...(dueMoved ? { dueMoved } : {}) });
      let lastChange = before.lastChange;
      if (dueMoved) {
        const change = this.actions.changes.keyed(moveChange(before.progress, progress, at));
        moved.push({ id: next.id, action: next, from: before.progress, to: progress, change });
        lastChange = JSON.stringify(change);
      } else if (fields.includes('grid') || fields.includes('owners')) {
        reshown.push(...dueEntry(plan.id, next, progress, buckets));
      }
      standings.push({ id: next.id, owners: next.owners, standing: standingOf(next, progress) });
      writes.push(['upsert', actionRow(plan.id, next, progress, order.get(after) ?? 0, buckets, lastChange, revisionId), 'Replace']);
    }
    const addedProgress = added.map((a) => progressFor(a));
    added.forEach((a, i) => writes.push(['upsert', actionRow(plan.id, a, addedProgress[i] as ActionProgress, order.get(revision.added[i] as PlanAction) ?? 0, buckets, null, revisionId), 'Replace']));
    added.forEach((a, i) => standings.push({ id: a.id, owners: a.owners, standing: standingOf(a, addedProgress[i] as ActionProgress) }));
    for (const row of tallyRowsOf(plan.id, buckets, standings, revisionId)) writes.push(['upsert', row, 'Replace']);
    await this.actions.due.add([
      ...added.flatMap((a, i) => dueEntry(plan.id, a, addedProgress[i] as ActionProgress, buckets)),
      ...moved.flatMap((m) => dueEntry(plan.id, m.action, m.to, buckets)),
      ...reshown,
    ]);
    const ownersBefore = [...revision.removed, ...revision.matched.map((m) => m.before)].map((s) => s.action);
    const ownersAfter = [...kept, ...added];
    await this.actions.roles.replacePlan(plan.id, [], [...ownersBefore, ...ownersAfter], buckets);
    await this.actions.blockedIndex.add(blockedOf(plan.id, standings));
    await submitAll(client, writes, `re-importing plan ${plan.id}`);
    await this.actions.planTallies.put(plan.id, revisionId, standings);
    return {
      report: { planId: plan.id, created: false, added, removed: revision.removed.map((s) => s.action), changed, kept: revision.matched.length },
      actions: plan.actions.length,
      stalePointers: [
        ...revision.removed.flatMap((s) => dueEntry(plan.id, s.action, s.progress, buckets)),
        ...moved.flatMap((m) => dueEntry(plan.id, m.action, m.from, buckets)),
      ],
      moves: moved.map((m) => ({ id: m.id, change: m.change })),
      ownersBefore,
      ownersAfter,
      unblocked: revision.removed.filter((s) => s.progress.status === 'blocked').map((s) => ({ planId: plan.id, actionId: s.action.id })),
    };
  }

  async listPlans(): Promise<PlanSummary[]> {
    return (await this.rows.list()).map(({ buckets: _b, warnings: _w, pending: _p, etag: _e, ...summary }) => summary);
  }

  async getPlan(planId: string): Promise<Plan | null> {
    // The row and the actions of one revision: read again if a change committed in between.
    for (let tries = 0; tries < 3; tries++) {
      const row = await this.rows.get(planId);
      if (!row) return null;
      const actions = await this.actions.rowsAt(planId, row.revision);
      if ((await this.rows.get(planId))?.revision !== row.revision) continue;
      return { id: row.id, code: row.code, ...(row.tenantId ? { tenantId: row.tenantId } : {}), ...(row.leadRole ? { leadRole: row.leadRole } : {}), partnership: row.partnership, period: row.period, grids: row.grids, roles: row.roles, warnings: row.warnings, actions: actions.map((s) => s.action) };
    }
    throw new Error(`Plan ${planId} kept changing while it was read; try again`);
  }

  async setLeadRole(planId: string, role: string): Promise<boolean> {
    if (!(await this.rows.get(planId))) return false;
    await this.rows.setLeadRole(planId, role);
    return true;
  }
}
