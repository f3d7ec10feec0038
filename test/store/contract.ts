// The one contract every Store must pass. `open(name)` opens a store: the same name reaches the same
// data (a second bot instance), a new name an empty store.
import { describe, expect, it } from 'vitest';
import { figuresOf, planFigures, tallyOf } from '../../src/app/planFigures.ts';
import type { Store, StoredAction, TallyEntry } from '../../src/domain/ports.ts';
import type { ActionChange } from '../../src/domain/progress.ts';
import { action, answer, plan, progressOf, startOf, unique } from './fixtures.ts';
import type { Plan } from '../../src/domain/plan.ts';

export type OpenStore = (name: string) => Promise<Store>;

/**
 * What only the adapter can do: write a role row as stores wrote them before roles had tenants (the role
 * and person, no tenant), so the contract can prove such rows are read in their holder's tenant and kept.
 */
export interface LegacyRows {
  writeOldRole(name: string, role: string, personId: string): Promise<void>;
  /** How many rows without a tenant the store still has. */
  oldRoleRows(name: string): Promise<number>;
}

const withTenant = (tenantId: string, p: Plan): Plan => ({ ...p, tenantId });

const TODAY = '2008-11-24';

/** Runs the store contract against stores from `open`. */
export function storeContract(open: OpenStore, legacy?: (name: string) => LegacyRows): void {
  const fresh = (): Promise<Store> => open(`s${unique()}`);

  describe('plans', () => {
    it('keeps a plan as imported: heading facts, actions in document order, starting progress', async () => {
      const store = await fresh();
      const isle = plan('isle-of-wight-dat-2008', [
        action('a1', '1.1.1', 'Needle exchange review/report #1?', ['SMLO'], '2008-09-11', 10),
        action('a2', '1.1.2', 'Publish treatment directory', ['DAT Co-ordinator', 'SMLO'], null, 12),
      ]);
      const report = await store.plans.savePlan(isle, startOf(TODAY), '2008-11-24T09:00:00Z');
      expect(report).toMatchObject({ created: true, kept: 0, removed: [], changed: [] });
      expect(report.added.map((a) => a.id)).toEqual(['a1', 'a2']);
      // The store gives the plan a code from its partnership's words, and each action one from its ref.
      expect(await store.plans.getPlan('isle-of-wight-dat-2008')).toEqual({ ...isle, code: 'IW', actions: isle.actions.map((a) => ({ ...a, code: `IW-${a.ref}` })) });
      expect(await store.plans.listPlans()).toEqual([expect.objectContaining({ id: 'isle-of-wight-dat-2008', actions: 2, partnership: 'Isle of Wight DAT', importedAt: '2008-11-24T09:00:00Z' })]);
      const first = await store.actions.get('isle-of-wight-dat-2008', 'a1');
      expect(first?.progress).toMatchObject({ status: 'open', dueDate: '2008-09-11' });
      expect(await store.actions.get('isle-of-wight-dat-2008', 'nope')).toBeNull();
      expect(await store.plans.getPlan('no-such-plan')).toBeNull();
    });

    it('a revised plan keeps the progress and history of actions still there and reports the rest', async () => {
      const store = await fresh();
      const v1 = plan('wight', [
        action('a1', '1.1', 'Needle exchange review', ['SMLO'], '2008-09-11', 1),
        action('a2', '1.2', 'Publish treatment directory', ['SMO'], '2008-10-01', 2),
        action('a3', '1.3', 'Recruit two outreach workers', ['DAT Co-ordinator'], '2008-12-01', 3),
        action('a4', null, 'Annual needs assessment', ['Commissioner'], '2009-01-31', 4),
      ]);
      await store.plans.savePlan(v1, startOf(TODAY), '2008-11-01T09:00:00Z');
      const a2 = await store.actions.get('wight', 'a2');
      if (!a2) throw new Error('a2 missing');
      const done = await store.actions.update(a2, progressOf('done', null, '2008-11-02T10:00:00Z'), answer('open', 'done', '2008-11-02T10:00:00Z', 'done'));
      expect(done.ok).toBe(true);

      const v2 = withTenant('t1', plan('wight', [
        action('b2', '1.2', 'Publish the treatment directory.', ['SMO', 'SMLO'], '2008-10-01', 1), // same ref, same text bar punctuation
        action('b4', '2.1', 'Annual  needs assessment', ['Commissioner'], '2009-01-31', 2), // text alone
        action('b1', '1.1', 'Needle exchange review and audit', ['SMLO'], '2008-09-30', 3), // ref alone, text changed
        action('b5', '3.1', 'Open a recovery cafe', ['SMO'], '2009-02-01', 4),
      ]));
      const report = await store.plans.savePlan(v2, startOf(TODAY), '2008-11-20T09:00:00Z');
      expect(report.kept).toBe(3);
      expect(report.added.map((a) => a.text)).toEqual(['Open a recovery cafe']);
      expect(report.removed.map((a) => a.id)).toEqual(['a3']);
      expect(report.changed.map((c) => [c.before.id, c.after.id, c.fields])).toEqual([
        ['a2', 'a2', ['text', 'ownersRaw', 'owners']],
        ['a4', 'a4', ['ref', 'text']],
        ['a1', 'a1', ['text', 'byWhenRaw', 'due']],
      ]);
      const kept = await store.actions.get('wight', 'a2');
      expect(kept?.progress.status).toBe('done');
      expect(kept?.action.text).toBe('Publish the treatment directory.');
      expect(await store.actions.history('wight', 'a2')).toHaveLength(1);
      expect(await store.actions.get('wight', 'a3')).toBeNull();
      expect((await store.plans.getPlan('wight'))?.actions.map((a) => a.id)).toEqual(['a2', 'a4', 'a1', 'b5']);
      // The role index follows the new owners: the SMLO now also owns the directory.
      expect((await store.actions.ofRoles('t1', ['smlo'])).map((s) => s.action.id)).toEqual(['a2', 'a1']);
      expect((await store.actions.ofRoles('t1', ['DAT Co-ordinator']))).toEqual([]);
      // A role name is its tenant's: another tenant's SMLO owns nothing of this plan.
      expect(await store.actions.ofRoles('t2', ['smlo'])).toEqual([]);
    });

    it('a revised plan whose "By when" moved: open actions follow the new date, the report and history show the move', async () => {
      const store = await fresh();
      const p = `moved${unique()}`;
      await store.plans.savePlan(plan(p, [
        action('m1', '1.1', 'Needle exchange review', ['SMLO'], '2008-09-11'),
        action('m2', '1.2', 'Publish treatment directory', ['SMLO'], null),
        action('m3', '1.3', 'Recruit outreach workers', ['SMLO'], '2008-10-01'),
      ]), startOf(TODAY), '2008-08-01T09:00:00Z');
      const m3 = await store.actions.get(p, 'm3');
      if (!m3) throw new Error('m3 missing');
      await store.actions.update(m3, progressOf('delayed', '2008-11-15', '2008-10-02T09:00:00Z', 'advert late'), answer('open', 'delayed', '2008-10-02T09:00:00Z', 'delayed to 2008-11-15', '2008-11-15'));

      const report = await store.plans.savePlan(plan(p, [
        action('m1', '1.1', 'Needle exchange review', ['SMLO'], '2008-12-31'),
        action('m2', '1.2', 'Publish treatment directory', ['SMLO'], '2009-01-15'),
        action('m3', '1.3', 'Recruit outreach workers', ['SMLO'], '2008-10-31'),
      ]), startOf(TODAY), '2008-11-24T09:00:00Z');
      expect(report.changed.map((c) => [c.after.id, c.dueMoved])).toEqual([
        ['m1', { from: '2008-09-11', to: '2008-12-31' }],
        ['m2', { from: null, to: '2009-01-15' }],
        ['m3', undefined], // the owner's delay stands
      ]);
      const mine = async (date: string): Promise<string[]> => (await store.actions.dueBy(date)).filter((s) => s.planId === p).map((s) => s.action.id);
      expect(await mine('2008-11-30')).toEqual(['m3']); // no longer reminded for September
      expect(await mine('2008-12-31')).toEqual(['m3', 'm1']);
      expect(await mine('2009-01-31')).toEqual(['m3', 'm1', 'm2']); // "Ongoing" that became a date is reminded
      expect((await store.actions.get(p, 'm1'))?.progress).toMatchObject({ status: 'open', occurrence: '2008-12-31', dueDate: '2008-12-31' });
      expect((await store.actions.history(p, 'm1')).map((c) => [c.via, c.dueBefore, c.dueAfter])).toEqual([['import', '2008-09-11', '2008-12-31']]);
      expect((await store.actions.get(p, 'm3'))?.progress).toMatchObject({ status: 'delayed', dueDate: '2008-11-15' });
    });

    it('keeps a plan\'s lead role across re-imports until one is named, and changes it on its own', async () => {
      const store = await fresh();
      const p = `lead${unique()}`;
      await store.plans.savePlan({ ...plan(p, [action('a1', '1', 'Audit', ['JCM'], '2009-01-01')]), leadRole: 'JCM' }, startOf(TODAY), '2008-11-01T09:00:00Z');
      await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit', ['JCM'], '2009-01-01')]), startOf(TODAY), '2008-11-02T09:00:00Z');
      expect((await store.plans.listPlans()).find((s) => s.id === p)?.leadRole).toBe('JCM');
      expect(await store.plans.setLeadRole(p, 'SPM-CC')).toBe(true);
      expect((await store.plans.getPlan(p))?.leadRole).toBe('SPM-CC');
      expect((await store.actions.get(p, 'a1'))?.action.text).toBe('Audit');
      await store.plans.savePlan({ ...plan(p, [action('a1', '1', 'Audit', ['JCM'], '2009-01-01')]), leadRole: 'Commissioner' }, startOf(TODAY), '2008-11-03T09:00:00Z');
      expect((await store.plans.listPlans()).find((s) => s.id === p)?.leadRole).toBe('Commissioner');
      expect(await store.plans.setLeadRole('no-such-plan', 'JCM')).toBe(false);
    });

    it('a change that expects a revision is refused once another import came after it, and one that restores it may follow', async () => {
      const store = await fresh();
      const p = `expect${unique()}`;
      const first = await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit', ['SMO'], '2009-01-01')]), startOf(TODAY), '2008-11-01T09:00:00Z', { by: 'Cat Commissioner' });
      const mine = await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit the needle exchange', ['SMO'], '2009-01-01')]), startOf(TODAY), '2008-11-02T09:00:00Z', { by: 'Cat Commissioner' });
      const janes = await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit the needle exchange', ['SMO'], '2009-02-01')]), startOf(TODAY), '2008-11-02T14:02:00Z', { by: 'Jane Smith' });
      expect(new Set([first.revision, mine.revision, janes.revision]).size).toBe(3);
      const summary = (await store.plans.listPlans()).find((s) => s.id === p);
      expect([summary?.revision, summary?.importedBy]).toEqual([janes.revision, 'Jane Smith']);
      // Undoing "mine" now would overwrite Jane's: refused, nothing changed.
      const refused = await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit', ['SMO'], '2009-01-01')]), startOf(TODAY), '2008-11-02T15:00:00Z', { expect: mine.revision }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ name: 'NewerImportError', importedAt: '2008-11-02T14:02:00Z', importedBy: 'Jane Smith' });
      expect((await store.actions.get(p, 'a1'))?.progress.dueDate).toBe('2009-02-01');
      // Jane's undo restores "mine"; then undoing "mine" is allowed.
      await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit the needle exchange', ['SMO'], '2009-01-01')]), startOf(TODAY), '2008-11-02T15:01:00Z', { expect: janes.revision, sameAs: mine.revision });
      await store.plans.savePlan(plan(p, [action('a1', '1', 'Audit', ['SMO'], '2009-01-01')]), startOf(TODAY), '2008-11-02T15:02:00Z', { expect: mine.revision });
      expect((await store.actions.get(p, 'a1'))?.action.text).toBe('Audit');
    });

    it('re-importing the same plan changes nothing', async () => {
      const store = await fresh();
      const same = plan('same', [action('a1', '1', 'Audit', ['SMO'], '2009-01-01')]);
      await store.plans.savePlan(same, startOf(TODAY), '2008-11-01T09:00:00Z');
      const report = await store.plans.savePlan(same, startOf(TODAY), '2008-11-02T09:00:00Z');
      expect(report).toMatchObject({ created: false, added: [], removed: [], changed: [], kept: 1 });
    });

    it('stores texts longer than one table property can hold, whole', async () => {
      const store = await fresh();
      const long = 'The partnership will '.repeat(4000);
      await store.plans.savePlan(plan('long', [action('a1', '1', long, ['SMO'], null)]), startOf(TODAY), '2008-11-01T09:00:00Z');
      expect((await store.actions.get('long', 'a1'))?.action.text).toBe(long);
    });
  });

  describe('what is due', () => {
    it('lists open and delayed actions due by a date, oldest first, and nothing else', async () => {
      const store = await fresh();
      const p = `due${unique()}`;
      await store.plans.savePlan(plan(p, [
        action('late', '1', 'Late since September', ['SMLO'], '2008-09-11'),
        action('today', '2', 'Due today', ['SMLO'], '2008-11-24'),
        action('tomorrow', '3', 'Due tomorrow', ['SMLO'], '2008-11-25'),
        action('next-year', '4', 'Due next year', ['SMLO'], '2009-02-01'),
        action('ongoing', '5', 'Ongoing', ['SMLO'], null),
        action('oct', '6', 'Due in October', ['SMLO'], '2008-10-15'),
      ]), startOf(TODAY), '2008-11-01T09:00:00Z');
      const mine = async (date: string): Promise<string[]> => (await store.actions.dueBy(date)).filter((s) => s.planId === p).map((s) => s.action.id);
      expect(await mine('2008-11-24')).toEqual(['late', 'oct', 'today']);

      const oct = await store.actions.get(p, 'oct');
      if (!oct) throw new Error('missing');
      await store.actions.update(oct, progressOf('done', null, '2008-11-24T10:00:00Z'), answer('open', 'done', '2008-11-24T10:00:00Z', 'done'));
      const late = await store.actions.get(p, 'late');
      if (!late) throw new Error('missing');
      await store.actions.update(late, progressOf('delayed', '2008-12-05', '2008-11-24T10:05:00Z', 'provider late'), answer('open', 'delayed', '2008-11-24T10:05:00Z', 'delayed to 2008-12-05', '2008-12-05'));
      expect(await mine('2008-11-24')).toEqual(['today']);
      expect(await mine('2008-12-31')).toEqual(['today', 'tomorrow', 'late']);
      expect(await mine('2009-12-31')).toEqual(['today', 'tomorrow', 'late', 'next-year']);
    });

    it('marks what is due with grid and owners, one per action, following answers and re-imports', async () => {
      const store = await fresh();
      const p = `marks${unique()}`;
      const v1 = [
        action('late', '1.1', 'Late since September', ['SMLO'], '2008-09-11'),
        { ...action('oct', '2.1', 'Due in October', ['SMO', 'SMLO'], '2008-10-15'), grid: 2 },
        action('later', '1.2', 'Due next year', ['SMLO'], '2009-02-01'),
      ];
      await store.plans.savePlan(plan(p, v1), startOf(TODAY), '2008-11-01T09:00:00Z');
      const marks = async (date: string) => (await store.actions.dueMarks(date)).filter((m) => m.planId === p).map(({ actionId, dueDate, grid, owners }) => ({ actionId, dueDate, grid, owners }));
      expect(await marks('2008-11-23')).toEqual([
        { actionId: 'late', dueDate: '2008-09-11', grid: 1, owners: ['SMLO'] },
        { actionId: 'oct', dueDate: '2008-10-15', grid: 2, owners: ['SMO', 'SMLO'] },
      ]);
      const late = await store.actions.get(p, 'late');
      if (!late) throw new Error('missing');
      await store.actions.update(late, progressOf('delayed', '2008-12-05', '2008-11-24T10:05:00Z'), answer('open', 'delayed', '2008-11-24T10:05:00Z', 'delayed', '2008-12-05'));
      expect((await marks('2008-12-31')).map((m) => [m.actionId, m.dueDate])).toEqual([['oct', '2008-10-15'], ['late', '2008-12-05']]);
      // A revision that gives "oct" to another role rewrites its mark, date unchanged.
      await store.plans.savePlan(plan(p, v1.map((a) => (a.id === 'oct' ? { ...a, owners: ['DAT Co-ordinator'], ownersRaw: 'DAT Co-ordinator' } : a))), startOf(TODAY), '2008-11-25T09:00:00Z');
      expect((await marks('2008-11-23')).map((m) => [m.actionId, m.owners])).toEqual([['oct', ['DAT Co-ordinator']]]);
    });

    it('blocked actions leave the due list and show as blocked', async () => {
      const store = await fresh();
      await store.plans.savePlan(plan('blk', [action('a1', '1', 'Commission detox beds', ['SMO'], '2008-10-01')]), startOf(TODAY), '2008-11-01T09:00:00Z');
      const a1 = await store.actions.get('blk', 'a1');
      if (!a1) throw new Error('missing');
      await store.actions.update(a1, progressOf('blocked', '2008-10-01', '2008-11-24T10:00:00Z', 'no budget'), answer('open', 'blocked', '2008-11-24T10:00:00Z', 'blocked: no budget'));
      expect((await store.actions.dueBy('2008-11-24')).map((s) => s.action.id)).toEqual([]);
      expect((await store.actions.blocked()).map((s) => [s.action.id, s.progress.reason])).toEqual([['a1', 'no budget']]);
    });

    it('finds actions by reference', async () => {
      const store = await fresh();
      await store.plans.savePlan(plan('refs', [action('a1', '1.1.1', 'One', ['SMO'], null), action('a2', '1.1.2', 'Two', ['SMO'], null)]), startOf(TODAY), '2008-11-01T09:00:00Z');
      expect((await store.actions.findByRef('1.1.2')).map((s) => s.action.text)).toEqual(['Two']);
    });
  });

  describe('the tally', () => {
    const sorted = (t: TallyEntry[] | null): string[] => (t ?? []).map((e) => `${e.grid}|${e.status}|${e.dueDate ?? ''}|${e.count}`).sort();
    /** The kept tally equals the one counted from the actions, and so do the figures made from each. */
    const agrees = async (store: Store, planId: string): Promise<void> => {
      const actions = await store.actions.listPlanActions(planId);
      const kept = await store.actions.tally(planId);
      expect(sorted(kept)).toEqual(sorted(tallyOf(actions)));
      const summary = (await store.plans.listPlans()).find((p) => p.id === planId);
      if (!summary || !kept) throw new Error('plan or tally missing');
      for (const day of [TODAY, '2009-01-15']) {
        expect({ ...figuresOf(summary, kept, day), actions }).toEqual(planFigures(summary, actions, day));
      }
    };

    it('stays equal to the actions counted one by one, through imports, answers, re-imports and an undo', async () => {
      const store = await fresh();
      const p = `tally${unique()}`;
      // 230 actions: several partitions, two grids, dated, ongoing and overdue.
      const v1 = Array.from({ length: 230 }, (_, i) => ({ ...action(`a${i}`, `${1 + (i % 2)}.${i}`, `Action ${i}`, ['SMLO'], i % 7 === 0 ? null : `2008-${String(1 + (i % 12)).padStart(2, '0')}-15`, i), grid: 1 + (i % 2) }));
      await store.plans.savePlan(plan(p, v1), startOf(TODAY), '2008-11-01T09:00:00Z');
      await agrees(store, p);

      const answerOn = async (id: string, status: 'done' | 'delayed' | 'blocked', due: string | null): Promise<void> => {
        const now = await store.actions.get(p, id);
        if (!now) throw new Error(`${id} missing`);
        const result = await store.actions.update(now, progressOf(status, due, '2008-11-24T10:00:00Z'), answer(now.progress.status, status, '2008-11-24T10:00:00Z', status, due));
        expect(result.ok).toBe(true);
      };
      await Promise.all([answerOn('a1', 'done', null), answerOn('a2', 'delayed', '2008-12-20'), answerOn('a3', 'blocked', '2008-03-15'), answerOn('a5', 'done', null)]);
      await agrees(store, p);

      // Undo: the earlier progress is written back, as "undo" does.
      const undone = await store.actions.get(p, 'a5');
      if (!undone) throw new Error('a5 missing');
      await store.actions.update(undone, startOf(TODAY)(v1[5] as (typeof v1)[number]), answer('done', 'open', '2008-11-24T10:05:00Z', 'undo'));
      await agrees(store, p);

      // A revision: 30 removed, one moved to another grid and date, 12 added.
      const v2 = [
        ...v1.slice(30).map((a) => (a.id === 'a40' ? { ...a, grid: 2, due: { kind: 'date' as const, date: '2009-02-01' }, byWhenRaw: '2009-02-01' } : a)),
        ...Array.from({ length: 12 }, (_, i) => ({ ...action(`n${i}`, `3.${i}`, `New action ${i}`, ['SMO'], '2009-03-01', 300 + i), grid: 2 })),
      ];
      await store.plans.savePlan(plan(p, v2), startOf(TODAY), '2008-11-25T09:00:00Z');
      await agrees(store, p);
      expect((await store.actions.tally(p))?.reduce((n, e) => n + e.count, 0)).toBe(212);
    });
  });

  describe('the tally per owner', () => {
    const sorted = (t: TallyEntry[] | null): string[] => (t ?? []).map((e) => `${e.grid}|${e.status}|${e.dueDate ?? ''}|${e.count}`).sort();
    const roleOf = (o: string): string => o.trim().replace(/\s+/g, ' ').toLowerCase();
    /** For every role named (and one nobody owns): the kept tally equals the one counted from the role's actions, and a page by owner lists them in document order. */
    const agrees = async (store: Store, planId: string, roles: string[], histories = false): Promise<void> => {
      const actions = await store.actions.listPlanActions(planId);
      for (const role of [...roles, 'Nobody Owns This']) {
        const owned = actions.filter((a) => a.action.owners.some((o) => roleOf(o) === roleOf(role)));
        expect(sorted(await store.actions.tally(planId, role)), role).toEqual(sorted(tallyOf(owned)));
        expect((await store.actions.planPage(planId, 40, { owner: role })).map((a) => a.action.id), role).toEqual(owned.slice(0, 40).map((a) => a.action.id));
        expect((await store.actions.planPage(planId, 500, { owner: role, statuses: ['done'] })).map((a) => a.action.id), role).toEqual(owned.filter((a) => a.progress.status === 'done').map((a) => a.action.id));
      }
      // Paged with their histories (the CSV export): every action once, in document order, each history as read alone.
      const paged: { stored: StoredAction; history: ActionChange[] }[] = [];
      for await (const page of store.actions.pages(planId, 64)) paged.push(...page);
      expect(paged.map((a) => a.stored.action.id)).toEqual(actions.map((a) => a.action.id));
      if (!histories) return;
      const alone = await Promise.all(paged.map((a) => store.actions.history(planId, a.stored.action.id)));
      expect(paged.map((a) => a.history)).toEqual(alone);
    };

    it('stays equal to the actions counted role by role, through imports, answers, re-imports and undoing an import', async () => {
      const store = await fresh();
      const p = `owners${unique()}`;
      // 230 actions over several partitions: one owner, two owners, one role spelled twice.
      const ownersOf = (i: number): string[] => (i % 3 === 0 ? ['SMLO', 'DAT Co-ordinator'] : i % 5 === 0 ? ['smlo ', 'SMLO'] : i % 7 === 0 ? ['Public Health Lead'] : ['SMLO']);
      const v1 = Array.from({ length: 230 }, (_, i) => ({ ...action(`a${i}`, `${1 + (i % 2)}.${i}`, `Action ${i}`, ownersOf(i), i % 7 === 0 ? null : `2008-${String(1 + (i % 12)).padStart(2, '0')}-15`, i), grid: 1 + (i % 2) }));
      const roles = ['SMLO', 'dat  co-ordinator', 'Public Health Lead', 'SMO', 'Treatment Lead'];
      const first = await store.plans.savePlan(plan(p, v1), startOf(TODAY), '2008-11-01T09:00:00Z');
      await agrees(store, p, roles);

      const answerOn = async (id: string, status: 'done' | 'delayed' | 'blocked', due: string | null): Promise<void> => {
        const now = await store.actions.get(p, id);
        if (!now) throw new Error(`${id} missing`);
        const result = await store.actions.update(now, progressOf(status, due, '2008-11-24T10:00:00Z'), answer(now.progress.status, status, '2008-11-24T10:00:00Z', status, due));
        expect(result.ok).toBe(true);
      };
      await Promise.all([answerOn('a3', 'done', null), answerOn('a5', 'delayed', '2008-12-20'), answerOn('a7', 'blocked', '2008-03-15'), answerOn('a8', 'done', null), answerOn('a9', 'done', null)]);
      await agrees(store, p, roles, true);

      // An answer undone: the earlier progress written back.
      const undone = await store.actions.get(p, 'a8');
      if (!undone) throw new Error('a8 missing');
      await store.actions.update(undone, startOf(TODAY)(v1[8] as (typeof v1)[number]), answer('done', 'open', '2008-11-24T10:05:00Z', 'undo'));
      await agrees(store, p, roles);

      // A revision: 30 removed, owners changed on two, 12 added for a new role.
      const v2 = [
        ...v1.slice(30).map((a) => (a.id === 'a40' ? { ...a, owners: ['SMO'], ownersRaw: 'SMO' } : a.id === 'a42' ? { ...a, owners: ['Treatment Lead', 'SMLO'], ownersRaw: 'Treatment Lead & SMLO' } : a)),
        ...Array.from({ length: 12 }, (_, i) => ({ ...action(`n${i}`, `3.${i}`, `New action ${i}`, ['Treatment Lead'], '2009-03-01', 300 + i), grid: 2 })),
      ];
      const second = await store.plans.savePlan(plan(p, v2), startOf(TODAY), '2008-11-25T09:00:00Z');
      await agrees(store, p, roles);
      await answerOn('n3', 'done', null);
      await agrees(store, p, roles);

      // Undoing the re-import puts the first version back, its counts per owner with it.
      await store.plans.savePlan(plan(p, v1), startOf(TODAY), '2008-11-25T10:00:00Z', { expect: second.revision, sameAs: first.revision });
      await agrees(store, p, roles, true);
      expect((await store.actions.tally(p, 'Treatment Lead'))?.length ?? 0).toBe(0);
    }, 90_000);
  });

  describe('answers', () => {
    it('an answer given on a stale card is a conflict and writes nothing', async () => {
      const store = await fresh();
      await store.plans.savePlan(plan('etag', [action('a1', '1', 'Audit', ['SMO'], '2008-11-01')]), startOf(TODAY), '2008-11-01T09:00:00Z');
      const seen = await store.actions.get('etag', 'a1');
      if (!seen) throw new Error('missing');
      const first = await store.actions.update(seen, progressOf('done', null, '2008-11-24T10:00:00Z'), answer('open', 'done', '2008-11-24T10:00:00Z', 'done'));
      expect(first.ok).toBe(true);
      const stale = await store.actions.update(seen, progressOf('blocked', '2008-11-01', '2008-11-24T10:01:00Z', 'x'), answer('open', 'blocked', '2008-11-24T10:01:00Z', 'blocked'));
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect((await store.actions.get('etag', 'a1'))?.progress.status).toBe('done');
      expect((await store.actions.history('etag', 'a1')).map((c) => c.summary)).toEqual(['done']);
      const gone = await store.actions.update({ ...seen, action: { ...seen.action, id: 'nope' } }, progressOf('done', null, 'x'), answer('open', 'done', 'x', 'done'));
      expect(gone).toEqual({ ok: false, reason: 'missing' });
    });

    it('of two people answering at once, exactly one wins', async () => {
      const name = `s${unique()}`;
      const [one, two] = [await open(name), await open(name)];
      await one.plans.savePlan(plan('race', [action('a1', '1', 'Audit', ['SMO'], '2008-11-01')]), startOf(TODAY), '2008-11-01T09:00:00Z');
      const [seenOne, seenTwo] = [await one.actions.get('race', 'a1'), await two.actions.get('race', 'a1')];
      if (!seenOne || !seenTwo) throw new Error('missing');
      const results = await Promise.all([
        one.actions.update(seenOne, progressOf('done', null, '2008-11-24T10:00:00Z'), answer('open', 'done', '2008-11-24T10:00:00Z', 'done')),
        two.actions.update(seenTwo, progressOf('delayed', '2008-12-01', '2008-11-24T10:00:00Z'), answer('open', 'delayed', '2008-11-24T10:00:00Z', 'delayed', '2008-12-01')),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
      expect(await one.actions.history('race', 'a1')).toHaveLength(1);
    });

    it('keeps each action\'s history in the order it happened', async () => {
      const store = await fresh();
      await store.plans.savePlan(plan('hist', [action('a1', '1', 'Quarterly review', ['SMO'], '2008-09-30')]), startOf(TODAY), '2008-11-01T09:00:00Z');
      const steps: [string, 'delayed' | 'blocked' | 'done', string | null][] = [
        ['2008-11-24T09:00:00.000Z', 'delayed', '2008-12-15'], ['2008-11-24T09:00:00.000Z', 'blocked', '2008-12-15'], ['2008-12-16T11:30:00.000Z', 'done', null],
      ];
      let current = await store.actions.get('hist', 'a1');
      for (const [at, to, due] of steps) {
        if (!current) throw new Error('missing');
        const result = await store.actions.update(current, progressOf(to, due, at), answer(current.progress.status, to, at, `${to} at ${at}`, due));
        current = result.ok ? result.action : null;
      }
      expect((await store.actions.history('hist', 'a1')).map((c) => [c.from, c.to])).toEqual([['open', 'delayed'], ['delayed', 'blocked'], ['blocked', 'done']]);
    });
  });

  describe('people and roles', () => {
    it('remembers people and how to reach them', async () => {
      const store = await fresh();
      await store.people.save({ id: 'aad-sam', tenantId: 't1', name: 'Sam Patel', reachable: true }, { conversation: { id: 'a:1', conversationType: 'personal' }, serviceUrl: 'https://smba.example/' });
      await store.people.save({ id: 'aad-jo', tenantId: 't1', name: 'Jo Brown', reachable: true }, { conversation: { id: 'a:2', conversationType: 'personal' } });
      expect(await store.people.conversationOf('aad-sam')).toEqual({ conversation: { id: 'a:1', conversationType: 'personal' }, serviceUrl: 'https://smba.example/' });
      expect((await store.people.findByName('PATEL')).map((p) => p.id)).toEqual(['aad-sam']);
      await store.people.setReachable('aad-jo', false);
      expect(await store.people.get('aad-jo')).toEqual({ id: 'aad-jo', tenantId: 't1', name: 'Jo Brown', reachable: false });
      expect((await store.people.list()).map((p) => p.name)).toEqual(['Jo Brown', 'Sam Patel']);
      expect(await store.people.get('aad-nobody')).toBeNull();
    });

    it('keeps only a personal chat as where to reach someone: a group chat or channel is refused, none is allowed', async () => {
      const store = await fresh();
      const sam = { id: 'aad-sam', tenantId: 't1', name: 'Sam Patel', reachable: true };
      await store.people.save(sam, { conversation: { id: 'a:1', conversationType: 'personal' } });
      await expect(store.people.save(sam, { conversation: { id: '19:g@thread.v2', conversationType: 'groupChat' } })).rejects.toThrow(/personal chat/);
      await expect(store.people.save(sam, { conversation: { id: '19:c@thread.tacv2', conversationType: 'channel' } })).rejects.toThrow(/personal chat/);
      expect(await store.people.conversationOf('aad-sam')).toEqual({ conversation: { id: 'a:1', conversationType: 'personal' } });
      await store.people.save({ ...sam, name: 'Sam Patel-Jones' }, null);
      expect(await store.people.conversationOf('aad-sam')).toBeNull();
      expect((await store.people.get('aad-sam'))?.name).toBe('Sam Patel-Jones');
    });

    it('several people can hold a role and one person several roles, in one tenant', async () => {
      const store = await fresh();
      const lead = { id: 'aad-lead', name: 'Commissioner' };
      await store.roles.assign('t1', 'SMLO', 'aad-sam', lead, '2008-11-24T09:00:00Z');
      await store.roles.assign('t1', 'smlo', 'aad-jo', lead, '2008-11-24T09:00:00Z');
      await store.roles.assign('t1', 'DAT Co-ordinator', 'aad-sam', lead, '2008-11-24T09:00:00Z');
      expect(await store.roles.holders('t1', 'Smlo ')).toEqual(['aad-jo', 'aad-sam']);
      expect(await store.roles.rolesOf('t1', 'aad-sam')).toEqual(['DAT Co-ordinator', 'SMLO']);
      expect(await store.roles.unassign('t1', 'SMLO', 'aad-jo', lead, '2008-11-25T09:00:00Z')).toBe(true);
      expect(await store.roles.unassign('t1', 'SMLO', 'aad-jo', lead, '2008-11-25T09:00:00Z')).toBe(false);
      expect(await store.roles.list()).toEqual([{ tenantId: 't1', role: 'DAT Co-ordinator', personIds: ['aad-sam'] }, { tenantId: 't1', role: 'SMLO', personIds: ['aad-sam'] }]);
    });

    it('a role belongs to a tenant: another tenant\'s holders of the same name hold nothing here', async () => {
      const store = await fresh();
      const by = { id: 'aad-admin', name: 'Admin' };
      await store.roles.assign('tenant-a', 'SMLO', 'aad-sam', by, '2008-11-24T09:00:00Z');
      await store.roles.assign('tenant-b', 'SMLO', 'aad-eve', by, '2008-11-24T09:00:00Z');
      await store.roles.assign('tenant-b', 'JCM', 'aad-eve', by, '2008-11-24T09:00:00Z');
      expect(await store.roles.holders('tenant-a', 'SMLO')).toEqual(['aad-sam']);
      expect(await store.roles.holders('tenant-b', 'smlo')).toEqual(['aad-eve']);
      expect(await store.roles.holders('tenant-a', 'JCM')).toEqual([]);
      expect(await store.roles.holders('', 'SMLO')).toEqual([]);
      expect(await store.roles.rolesOf('tenant-a', 'aad-eve')).toEqual([]);
      expect(await store.roles.rolesOf('tenant-b', 'aad-eve')).toEqual(['JCM', 'SMLO']);
      expect(await store.roles.list('tenant-a')).toEqual([{ tenantId: 'tenant-a', role: 'SMLO', personIds: ['aad-sam'] }]);
      // Tenant A cannot take tenant B's assignment away by naming the role and person.
      expect(await store.roles.unassign('tenant-a', 'SMLO', 'aad-eve', by, '2008-11-25T09:00:00Z')).toBe(false);
      expect(await store.roles.holders('tenant-b', 'SMLO')).toEqual(['aad-eve']);
      await expect(store.roles.assign('', 'SMLO', 'aad-x', by, '2008-11-25T09:00:00Z')).rejects.toThrow(/tenant/);
    });
  });

  if (legacy !== undefined) {
    describe('role rows from before roles had tenants', () => {
      it('are read in their holder\'s tenant, moved there when the store opens, and none is lost', async () => {
        const name = `s${unique()}`;
        const store = await open(name);
        const rows = legacy(name);
        const by = { id: 'aad-admin', name: 'Admin' };
        await store.people.save({ id: 'aad-sam', tenantId: 'tenant-a', name: 'Sam Patel', reachable: true }, null);
        await store.people.save({ id: 'aad-eve', tenantId: 'tenant-b', name: 'Eve Hart', reachable: true }, null);
        for (const [role, person] of [['SMLO', 'aad-sam'], ['SMLO', 'aad-eve'], ['JCM', 'aad-eve'], ['SMLO', 'aad-new'], ['DAT Co-ordinator', 'aad-eve']]) await rows.writeOldRole(name, role as string, person as string);

        // Read as they are: each in its holder's tenant; a person not known yet holds nothing anywhere.
        expect(await store.roles.holders('tenant-a', 'smlo')).toEqual(['aad-sam']);
        expect(await store.roles.holders('tenant-b', 'SMLO')).toEqual(['aad-eve']);
        expect(await store.roles.rolesOf('tenant-b', 'aad-eve')).toEqual(['DAT Co-ordinator', 'JCM', 'SMLO']);
        expect(await store.roles.rolesOf('tenant-a', 'aad-eve')).toEqual([]);
        expect(await store.roles.list('tenant-a')).toEqual([{ tenantId: 'tenant-a', role: 'SMLO', personIds: ['aad-sam'] }]);
        // Another tenant cannot take an old assignment away; its own tenant can.
        expect(await store.roles.unassign('tenant-a', 'DAT Co-ordinator', 'aad-eve', by, '2008-11-25T09:00:00Z')).toBe(false);
        expect(await store.roles.unassign('tenant-b', 'DAT Co-ordinator', 'aad-eve', by, '2008-11-25T09:00:00Z')).toBe(true);
        expect(await store.roles.rolesOf('tenant-b', 'aad-eve')).toEqual(['JCM', 'SMLO']);

        // Opened again (a new bot version starting): the rows move to their tenants, the same assignments read back.
        const reopened = await open(name);
        expect(await rows.oldRoleRows(name)).toBe(1);
        expect(await reopened.roles.list()).toEqual([
          { tenantId: 'tenant-a', role: 'SMLO', personIds: ['aad-sam'] },
          { tenantId: 'tenant-b', role: 'JCM', personIds: ['aad-eve'] },
          { tenantId: 'tenant-b', role: 'SMLO', personIds: ['aad-eve'] },
        ]);
        // The person nobody knew installs the bot: their old assignment is theirs, in their tenant, and moves too.
        await reopened.people.save({ id: 'aad-new', tenantId: 'tenant-a', name: 'Nia Owen', reachable: true }, null);
        expect(await reopened.roles.holders('tenant-a', 'SMLO')).toEqual(['aad-new', 'aad-sam']);
        const third = await open(name);
        expect(await rows.oldRoleRows(name)).toBe(0);
        expect(await third.roles.holders('tenant-a', 'SMLO')).toEqual(['aad-new', 'aad-sam']);
        expect(await third.roles.holders('tenant-b', 'SMLO')).toEqual(['aad-eve']);
        expect(await third.roles.unassign('tenant-b', 'JCM', 'aad-eve', by, '2008-11-26T09:00:00Z')).toBe(true);
        expect(await third.roles.rolesOf('tenant-b', 'aad-eve')).toEqual(['SMLO']);
      });
    });
  }

  describe('the reminder ledger', () => {
    const info = { planId: 'wight', actionId: 'a1', audience: 'owner', personId: 'aad-sam' };
    const HOUR = 3_600_000;

    it('sends a reminder once: a second claim loses, and a sent reminder is never claimed again', async () => {
      const ledger = (await fresh()).reminders;
      const key = 'wight|a1|2008-09-11|-7|aad-sam';
      expect(await ledger.claim(key, info, '2008-09-04T08:00:00Z', HOUR)).toBe(true);
      expect(await ledger.claim(key, info, '2008-09-04T08:00:01Z', HOUR)).toBe(false);
      await ledger.markSent(key, { at: '2008-09-04T08:00:02Z', activityId: 'act-1', conversationId: 'a:1' });
      expect(await ledger.claim(key, info, '2008-09-05T08:00:00Z', HOUR)).toBe(false);
      expect(await ledger.sentFor('wight', 'a1')).toEqual([{ key, personId: 'aad-sam', activityId: 'act-1', conversationId: 'a:1' }]);
      expect(await ledger.stats()).toEqual({ sent: 1, failed: 0, claimed: 0 });
    });

    it('of two bot instances claiming at once, exactly one sends', async () => {
      const name = `s${unique()}`;
      const [one, two] = [(await open(name)).reminders, (await open(name)).reminders];
      for (const n of [1, 2, 3, 4, 5]) {
        const key = `race|${n}|aad-sam`;
        const wins = await Promise.all([one.claim(key, info, '2008-09-04T08:00:00Z', HOUR), two.claim(key, info, '2008-09-04T08:00:00Z', HOUR)]);
        expect(wins.filter(Boolean)).toHaveLength(1);
      }
    });

    it('a claim whose sender died is claimed again after the lease, by one instance only', async () => {
      const name = `s${unique()}`;
      const [one, two] = [(await open(name)).reminders, (await open(name)).reminders];
      const key = 'died|aad-sam';
      expect(await one.claim(key, info, '2008-09-04T08:00:00Z', HOUR)).toBe(true);
      expect(await two.claim(key, info, '2008-09-04T08:59:59Z', HOUR)).toBe(false);
      const retakes = await Promise.all([one.claim(key, info, '2008-09-04T09:00:00Z', HOUR), two.claim(key, info, '2008-09-04T09:00:00Z', HOUR)]);
      expect(retakes.filter(Boolean)).toHaveLength(1);
    });

    it('a failed reminder can be claimed again', async () => {
      const ledger = (await fresh()).reminders;
      const key = 'failed|aad-sam';
      expect(await ledger.claim(key, info, '2008-09-04T08:00:00Z', HOUR)).toBe(true);
      await ledger.markFailed(key, '403 MessageWritesBlocked', '2008-09-04T08:00:01Z');
      expect(await ledger.stats()).toEqual({ sent: 0, failed: 1, claimed: 0 });
      expect(await ledger.claim(key, info, '2008-09-04T08:05:00Z', HOUR)).toBe(true);
      expect(await ledger.stats()).toEqual({ sent: 0, failed: 0, claimed: 1 });
    });
  });

  describe('sweep leases', () => {
    const MIN = 60_000;

    it('of two instances starting the 09:00 sweep together, one runs it; a finished sweep is never run again', async () => {
      const name = `s${unique()}`;
      const [one, two] = [(await open(name)).leases, (await open(name)).leases];
      const wins = await Promise.all([one.take('2008-09-04T09:00', 'a', '2008-09-04T08:00:00Z', 10 * MIN), two.take('2008-09-04T09:00', 'b', '2008-09-04T08:00:00Z', 10 * MIN)]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = wins[0] ? one : two;
      await winner.finish('2008-09-04T09:00', wins[0] ? 'a' : 'b', '2008-09-04T08:30:00Z');
      expect(await one.take('2008-09-04T09:00', 'a', '2008-09-04T10:00:00Z', 10 * MIN)).toBe(false);
      expect(await one.take('2008-09-05T09:00', 'a', '2008-09-05T08:00:00Z', 10 * MIN)).toBe(true);
    });

    it('a lease whose holder died is taken over after it lapses, by one instance only', async () => {
      const name = `s${unique()}`;
      const [one, two] = [(await open(name)).leases, (await open(name)).leases];
      expect(await one.take('slot', 'a', '2008-09-04T08:00:00Z', 10 * MIN)).toBe(true);
      expect(await two.take('slot', 'b', '2008-09-04T08:09:59Z', 10 * MIN)).toBe(false);
      const retakes = await Promise.all([one.take('slot', 'a', '2008-09-04T08:10:00Z', 10 * MIN), two.take('slot', 'b', '2008-09-04T08:10:00Z', 10 * MIN)]);
      expect(retakes.filter(Boolean)).toHaveLength(1);
    });
  });
}
