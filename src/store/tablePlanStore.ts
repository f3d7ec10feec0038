// Plans on Azure Table storage. A first import writes every action in transactions; a revised import
// keeps each matched action's id, progress and history, and reports every addition and removal.
import type { TransactionAction } from '@azure/data-tables';
import { assignCodes, planCodeFor } from '../domain/codes.ts';
import type { Plan, PlanAction } from '../domain/plan.ts';
import type { ActionChange, ActionProgress } from '../domain/progress.ts';
import { revisedProgress } from '../domain/progressStart.ts';
import type { Standing } from '../domain/tally.ts';
import type { ImportReport, PlanStore, PlanSummary, StoredAction } from '../domain/ports.ts';
import { actionKeys, actionRow, bucketsFor, isWaiting } from './actionRows.ts';
import { tallyEtags } from './actionQueries.ts';
import { tallyRowsOf } from './actionTally.ts';
import type { DueEntry } from './dueIndex.ts';
import type { PlanRows } from './planRows.ts';
import { changedFields, reviseActions } from './planRevision.ts';
import { ACTIONS_TABLE, type TableActionStore } from './tableActionStore.ts';
import { mapLimit } from '../mapLimit.ts';
import { submitAll, type Tables } from './tables.ts';
import type { KeyedChange } from './actionHistory.ts';

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

/** The PlanStore on Azure Table storage. */
export class TablePlanStore implements PlanStore {
  constructor(private readonly tables: Tables, private readonly rows: PlanRows, private readonly actions: TableActionStore) {}

  async savePlan(given: Plan, progressFor: (a: PlanAction) => ActionProgress, at: string): Promise<ImportReport> {
    const ids = new Set<string>();
    for (const a of given.actions) {
      if (ids.has(a.id)) throw new Error(`Plan ${given.id} has two actions with id ${a.id}; ids must be unique`);
      ids.add(a.id);
    }
    const existing = await this.rows.get(given.id);
    if (existing?.tenantId && given.tenantId && existing.tenantId !== given.tenantId) {
      throw new Error(`Plan ${given.id} belongs to another tenant; it was not changed`);
    }
    // A plan keeps its code and tenant; a new one gets a code no other plan has.
    const taken = new Set((await this.rows.list()).filter((r) => r.id !== given.id).map((r) => r.code));
    const code = existing?.code || planCodeFor(given.partnership, taken);
    const plan: Plan = { ...given, code, ...(existing?.tenantId ?? given.tenantId ? { tenantId: existing?.tenantId ?? given.tenantId } : {}) };
    // A lead role named with this import replaces the stored one; otherwise the stored one stays.
    const leadRole = given.leadRole ?? existing?.leadRole ?? undefined;
    if (leadRole) plan.leadRole = leadRole;
    const client = await this.tables.ensure(ACTIONS_TABLE);
    if (!existing) {
      plan.actions = withCodes(plan.actions, assignCodes(code, plan.actions, new Map()));
      const buckets = bucketsFor(plan.actions.length);
      const progress = plan.actions.map((a) => progressFor(a));
      const writes: TransactionAction[] = plan.actions.map((a, i) => ['upsert', actionRow(plan.id, a, progress[i] as ActionProgress, i, buckets), 'Replace']);
      const standings = plan.actions.map((a, i) => ({ id: a.id, standing: standingOf(a, progress[i] as ActionProgress) }));
      writes.push(...tallyRowsOf(plan.id, buckets, standings).map((row): TransactionAction => ['upsert', row, 'Replace']));
      await submitAll(client, writes, `importing plan ${plan.id}`);
      await this.actions.due.add(plan.actions.flatMap((a, i) => dueEntry(plan.id, a, progress[i] as ActionProgress, buckets)));
      await this.actions.roles.replacePlan(plan.id, [], plan.actions, buckets);
      // The plan row goes last: until it exists the plan is not listed, and a re-run starts afresh.
      await this.rows.put(plan, plan.actions.length, buckets, at);
      return { planId: plan.id, created: true, added: plan.actions, removed: [], changed: [], kept: 0 };
    }
    return this.revise(plan, progressFor, at, existing.buckets);
  }

  private async revise(plan: Plan, progressFor: (a: PlanAction) => ActionProgress, at: string, buckets: number): Promise<ImportReport> {
    // Tally ETags before the rows: an answer given after this changes a tally, and the rewrite below fails rather than lose it.
    const client = await this.tables.ensure(ACTIONS_TABLE);
    const tallied = await tallyEtags(client, plan.id);
    const stored = await this.actions.rowsOf(plan.id);
    const revision = reviseActions(stored, plan.actions, (s) => s.action);
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
    const standings: { id: string; standing: Standing }[] = [];
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
      standings.push({ id: next.id, standing: standingOf(next, progress) });
      // ETag-checked: an answer given during the import must not be overwritten with older progress.
      writes.push(['update', actionRow(plan.id, next, progress, order.get(after) ?? 0, buckets, lastChange), 'Replace', { etag: before.etag }]);
    }
    const addedProgress = added.map((a) => progressFor(a));
    added.forEach((a, i) => writes.push(['upsert', actionRow(plan.id, a, addedProgress[i] as ActionProgress, order.get(revision.added[i] as PlanAction) ?? 0, buckets), 'Replace']));
    for (const gone of revision.removed) writes.push(['delete', { ...actionKeys(plan.id, gone.action.id, buckets) }]);
    added.forEach((a, i) => standings.push({ id: a.id, standing: standingOf(a, addedProgress[i] as ActionProgress) }));
    for (const row of tallyRowsOf(plan.id, buckets, standings)) {
      const etag = tallied.get(row.partitionKey);
      writes.push(etag ? ['update', row, 'Replace', { etag }] : ['upsert', row, 'Replace']);
    }
    // Pointers to new dates go in before the rows change, old ones go after (see TableActionStore.update).
    await this.actions.due.add([
      ...added.flatMap((a, i) => dueEntry(plan.id, a, addedProgress[i] as ActionProgress, buckets)),
      ...moved.flatMap((m) => dueEntry(plan.id, m.action, m.to, buckets)),
      ...reshown,
    ]);
    await submitAll(client, writes, `re-importing plan ${plan.id}`);
    await this.actions.due.remove([
      ...revision.removed.flatMap((s) => dueEntry(plan.id, s.action, s.progress, buckets)),
      ...moved.flatMap((m) => dueEntry(plan.id, m.action, m.from, buckets)),
    ]);
    await mapLimit(moved, 8, (m) => this.actions.changes.append(plan.id, m.id, m.change));
    const ownersBefore = [...revision.removed, ...revision.matched.map((m) => m.before)].map((s) => s.action);
    await this.actions.roles.replacePlan(plan.id, ownersBefore, [...kept, ...added], buckets);
    await this.rows.put(plan, plan.actions.length, buckets, at);
    return { planId: plan.id, created: false, added, removed: revision.removed.map((s) => s.action), changed, kept: revision.matched.length };
  }

  async listPlans(): Promise<PlanSummary[]> {
    return (await this.rows.list()).map(({ buckets: _b, warnings: _w, ...summary }) => summary);
  }

  async getPlan(planId: string): Promise<Plan | null> {
    const row = await this.rows.get(planId);
    if (!row) return null;
    const actions = await this.actions.listPlanActions(planId);
    return { id: row.id, code: row.code, ...(row.tenantId ? { tenantId: row.tenantId } : {}), ...(row.leadRole ? { leadRole: row.leadRole } : {}), partnership: row.partnership, period: row.period, grids: row.grids, roles: row.roles, warnings: row.warnings, actions: actions.map((s: StoredAction) => s.action) };
  }

  async setLeadRole(planId: string, role: string): Promise<boolean> {
    if (!(await this.rows.get(planId))) return false;
    await this.rows.setLeadRole(planId, role);
    return true;
  }
}
