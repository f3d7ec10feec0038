// A plan sent in Teams, previewed, imported, revised and undone, against a real Azurite and the real readers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Caller } from '../../src/app/caller.ts';
import { cancelImport, confirmImport, previewImport, undoImport, type ImportPreview } from '../../src/app/importPreview.ts';
import type { Services } from '../../src/app/services.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';
import { openTableStore } from '../../src/store/tableStore.ts';

const connectionString = inject('tablesConnectionString');
const csvName = 'somerset-daat-plan-2012-13.csv';
const csv = readFileSync(join(import.meta.dirname, '../fixtures/layouts', csvName), 'utf8');
const settings = { LEAD_ROLE: 'Commissioner', ADMINS: [] } as unknown as Services['settings'];
const clock = { now: () => new Date('2012-05-10T10:00:00Z') };
const commissioner: Caller = { id: 'aad-cat', name: 'Cat Commissioner', tenantId: 'tenant-1', roles: ['Commissioner'], leads: ['somerset-daat-2012'], isLead: true, isAdmin: false };
const owner: Caller = { id: 'aad-sam', name: 'Sam Smlo', tenantId: 'tenant-1', roles: ['SMLO'], leads: [], isLead: false, isAdmin: false };

async function world(name: string) {
  const store = await openTableStore(connectionString, name);
  return { services: { store, clock, settings } };
}

function file(text: string) {
  return { name: csvName, bytes: new Uint8Array(Buffer.from(text)) };
}

async function preview(services: Awaited<ReturnType<typeof world>>['services'], text: string): Promise<ImportPreview> {
  const answer = await previewImport(services, commissioner, file(text), readPlanBytes);
  if (!('preview' in answer)) throw new Error(answer.message);
  return answer.preview;
}

describe('importing a plan sent in Teams', () => {
  it('previews what was read and stores nothing until Import', async () => {
    const { services } = await world('previewnew');
    const shown = await preview(services, csv);
    expect(shown.partnership).toBe('Somerset Daat');
    expect(shown.grids).toEqual([{ number: 1, title: '', actions: 12 }]);
    expect(shown.byWhen).toEqual([{ kind: 'date', actions: 8 }, { kind: 'recurring', actions: 2 }, { kind: 'ongoing', actions: 1 }, { kind: 'as-required', actions: 1 }]);
    expect(shown.roles.every((r) => r.isNew)).toBe(true);
    expect(shown.warnings.map((w) => w.message)).toContain('no plan period above the table; took 2012-13 from the file name');
    expect(shown.revision).toBeNull();
    // The plan does not name the LEAD_ROLE setting ("Commissioner"): its commissioning lead title is its lead role.
    expect(shown.leadRole).toEqual({ role: 'Commissioning Manager', why: "the plan's commissioning lead title with most actions", holders: [], standIn: 'Commissioner' });
    expect(await services.store.plans.listPlans()).toEqual([]);

    const done = await confirmImport(services, commissioner, shown.token);
    expect(done.message).toBe('Imported somerset-daat-2012: new plan, 12 actions. Say "undo import" today to put it back as it was.');
    const plans = await services.store.plans.listPlans();
    expect(plans.map((p) => [p.id, p.tenantId, p.actions, p.leadRole])).toEqual([['somerset-daat-2012', 'tenant-1', 12, 'Commissioning Manager']]);
    // The commissioner of another plan of the tenant may import new plans, not a new version of this one.
    const other: Caller = { ...commissioner, id: 'aad-kim', leads: ['another-plan'] };
    expect(await previewImport(services, other, file(csv), readPlanBytes)).toEqual({ message: 'Only the commissioner of Somerset Daat (whoever holds Commissioning Manager) or an admin can import a new version of it. Nothing was imported.' });
    expect((await confirmImport(services, commissioner, shown.token)).message).toMatch(/expired or was already used/);
  });

  it('shows a revised plan\'s changes, imports them, and undo puts the plan back', async () => {
    const { services } = await world('previewrevise');
    await confirmImport(services, commissioner, (await preview(services, csv)).token);
    const revised = csv.replace('Issue the invitation to tender,October 2012', 'Issue the invitation to tender,November 2012').replace(/^2\.1\.5,.*\r\n/m, '');
    const shown = await preview(services, revised);
    expect(shown.revision).toEqual({
      added: [], removed: ['2.1.5 Survey service users about opening hours'],
      changed: [{ ref: '1.2.2', text: 'Issue the invitation to tender', field: 'by when', before: 'October 2012', after: 'November 2012' }],
    });
    expect(shown.roles.find((r) => r.name === 'DAAT Commissioner')?.isNew).toBe(false);
    await confirmImport(services, commissioner, shown.token);
    expect((await services.store.plans.getPlan('somerset-daat-2012'))?.actions).toHaveLength(11);

    expect((await undoImport(services, commissioner)).message).toMatch(/^Undone: somerset-daat-2012/);
    const back = await services.store.plans.getPlan('somerset-daat-2012');
    expect(back?.actions).toHaveLength(12);
    expect(back?.actions.find((a) => a.ref === '1.2.2')?.byWhenRaw).toBe('October 2012');
    expect((await undoImport(services, owner)).message).toBe('You have no import today to undo.');
  });

  it('tells anyone else who sends a plan who can import it, and stores nothing', async () => {
    const { services } = await world('previewrefused');
    const answer = await previewImport(services, owner, file(csv), readPlanBytes);
    expect(answer).toEqual({ message: "Only a plan's commissioner (whoever holds its lead role) or an admin can import a plan. Please send the file to them." });
    expect(await services.store.plans.listPlans()).toEqual([]);
  });

  it('gives the reason when the file holds no plan', async () => {
    const { services } = await world('previewbad');
    const answer = await previewImport(services, commissioner, { name: 'budget.csv', bytes: new Uint8Array(Buffer.from('Budget line,2010/11\nStaff,"120,000"\n')) }, readPlanBytes);
    expect(answer).toEqual({ message: 'I could not read a plan in budget.csv: no plan found: 1 table but none with an action column and a "By when" or "By whom" column. Nothing was imported.' });
  });

  it('Cancel forgets the preview', async () => {
    const { services } = await world('previewcancel');
    const shown = await preview(services, csv);
    expect((await cancelImport(services, commissioner, shown.token)).message).toBe('Cancelled: nothing was imported.');
    expect((await confirmImport(services, commissioner, shown.token)).message).toMatch(/expired/);
    expect(await services.store.plans.listPlans()).toEqual([]);
  });

  it('a preview shown before a restart still imports after it (the preview is stored, not kept in memory)', async () => {
    const { services } = await world('previewrestart');
    const shown = await preview(services, csv);
    // A new process: a fresh store on the same tables, nothing carried over in memory.
    const restarted = { ...services, store: await openTableStore(connectionString, 'previewrestart') };
    expect((await confirmImport(restarted, commissioner, shown.token)).message).toMatch(/^Imported somerset-daat-2012: new plan, 12 actions/);
    expect((await undoImport({ ...services, store: await openTableStore(connectionString, 'previewrestart') }, commissioner)).message).toMatch(/^Undone: somerset-daat-2012/);
  });

  it('Import pressed twice at once imports once', async () => {
    const { services } = await world('previewtwice');
    const shown = await preview(services, csv);
    const answers = await Promise.all([confirmImport(services, commissioner, shown.token), confirmImport(services, commissioner, shown.token)]);
    expect(answers.map((a) => a.message.split(':')[0]).sort()).toEqual(['Imported somerset-daat-2012', 'That preview has expired or was already used. Send the file again to import it.']);
    expect((await services.store.plans.listPlans()).map((p) => p.actions)).toEqual([12]);
    // One import, so one undo.
    expect((await undoImport(services, commissioner)).message).toMatch(/^Undone/);
    expect((await undoImport(services, commissioner)).message).toBe('You have no import today to undo.');
  });

  it('a preview expires after four hours, and only its sender may press Import', async () => {
    const { services } = await world('previewexpiry');
    const shown = await preview(services, csv);
    const lead: Caller = { ...commissioner, id: 'aad-other-lead' };
    expect((await confirmImport(services, lead, shown.token)).message).toBe('Only the person who sent the file can import it.');
    const later = { ...services, clock: { now: () => new Date(clock.now().getTime() + 4 * 3600_000 + 1000) } };
    expect((await confirmImport(later, commissioner, shown.token)).message).toMatch(/expired/);
    // A newer preview clears the expired ones from storage.
    await previewImport(later, commissioner, file(csv), readPlanBytes);
    expect(await services.store.imports.preview(shown.token)).toBeNull();
  });
});
