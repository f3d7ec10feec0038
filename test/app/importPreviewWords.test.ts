// The import preview in the commissioner's words: rows and tables of a Word or Excel file, no setting
// names or commands, and a warning for a plan whose year is over or whose name another plan has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Caller } from '../../src/app/caller.ts';
import { confirmImport, previewImport, type ImportPreview } from '../../src/app/importPreview.ts';
import type { Services } from '../../src/app/services.ts';
import { previewCard } from '../../src/bot/fileUpload.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';
import { openTableStore } from '../../src/store/tableStore.ts';

const connectionString = inject('tablesConnectionString');
const layouts = join(import.meta.dirname, '../fixtures/layouts');
const csv = readFileSync(join(layouts, 'somerset-daat-plan-2012-13.csv'));
const settings = { LEAD_ROLE: 'Commissioner', ADMINS: [] } as unknown as Services['settings'];
const commissioner: Caller = { id: 'aad-cat', name: 'Cat Commissioner', tenantId: 'tenant-1', roles: ['Commissioner'], leads: [], isLead: true, isAdmin: true };

async function world(name: string, today: string) {
  const store = await openTableStore(connectionString, name);
  return { store, clock: { now: () => new Date(`${today}T10:00:00Z`) }, settings };
}

async function preview(services: Awaited<ReturnType<typeof world>>, name: string, bytes: Uint8Array): Promise<ImportPreview> {
  const answer = await previewImport(services, commissioner, { name, bytes }, readPlanBytes);
  if (!('preview' in answer)) throw new Error(answer.message);
  return answer.preview;
}

describe('the import preview in plain words', () => {
  it('names a Word warning by its row and table, and says nothing of settings or the command line', async () => {
    const services = await world('pwwordrows', '2008-05-10');
    const shown = await preview(services, 'worcestershire.docx', readFileSync(join(layouts, 'worcestershire-2009-10.layout.docx')));
    const card = previewCard(shown);
    expect(card.warnings[0]?.label).toBe('row 3 of table 1: 1.1: 2009-03-31 is before the plan starts (2009-04-01): a typo for Mar 10?');
    expect(card.moreLabel).toMatch(/^Not shown: .*\d+ more warnings\.$/);
    expect(card.periodLabel).toBe('1 Apr 2009 to 31 Mar 2010');
    const words = JSON.stringify(card);
    expect(words).not.toMatch(/LEAD_ROLE|setting|`|actionbot import/);
    expect(card.notices).toEqual([]);
    // Chosen because the setting names it, or because the plan names no commissioner: still no setting's name.
    for (const lead of ['Commissioning Manager', 'Nobody In This Plan']) {
      const shownWith = await preview({ ...services, settings: { ...settings, LEAD_ROLE: lead } }, 'somerset-daat-plan-2012-13.csv', csv);
      expect(previewCard(shownWith).leadRoleLabel).not.toMatch(/LEAD_ROLE|setting/);
    }
  });

  it('an Excel warning names the sheet row the author sees', async () => {
    const services = await world('pwxlsxrows', '2008-05-10');
    const shown = await preview(services, 'bedfordshire.xlsx', readFileSync(join(layouts, 'bedfordshire-2008-09.flat.xlsx')));
    expect(previewCard(shown).warnings[0]?.label).toBe('row 10 of table 1: no owner');
  });

  it('says when the plan\'s year ended long ago, and what to do in the chat', async () => {
    const services = await world('pwpastyear', '2026-12-05');
    const card = previewCard(await preview(services, 'somerset-daat-plan-2012-13.csv', csv));
    expect(card.byWhenLabel).toBe('8 with a date, 2 repeating, 1 ongoing, 1 as required');
    expect(card.notices).toEqual([{ label: expect.stringMatching(/^This plan's year ended on 31 Mar 2013: its dates are long past.*press Cancel and send this year's plan instead\.$/) as unknown as string }]);
  });

  it('says when another plan of the organisation has the same name', async () => {
    const services = await world('pwsamename', '2012-05-10');
    await confirmImport(services, commissioner, (await preview(services, 'somerset-daat-plan-2012-13.csv', csv)).token);
    const next = await preview(services, 'somerset-daat-plan-2013-14.csv', csv);
    expect(next.notices).toHaveLength(1);
    expect(next.notices[0]).toMatch(/^You already have a plan called Somerset Daat \([A-Z]+, 2012\/13\)\. This one \(2013\/14\) would be kept beside it under the same name/);
    // The same plan again is a new version of it, not a clash.
    expect((await preview(services, 'somerset-daat-plan-2012-13.csv', csv)).notices).toEqual([]);
  });
});
