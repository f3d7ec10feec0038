// A plan file attached to a Teams message, served by a local file server: the preview card, Import, and
// the answers for someone who may not import and for a file that holds no plan.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Caller } from '../../src/app/caller.ts';
import type { Services } from '../../src/app/services.ts';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/fileDownload.ts';
import { importPress, repliesToFiles } from '../../src/bot/fileUpload.ts';
import { hasPlanTable } from '../../src/import/pastedTable.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { cardProblems } from '../cards/cardCheck.ts';

const connectionString = inject('tablesConnectionString');
const fixtures = join(import.meta.dirname, '../fixtures');
const commissioner: Caller = { id: 'aad-cat', name: 'Cat', tenantId: 'tenant-1', roles: ['Commissioner'], leads: ['their-plan'], isLead: true, isAdmin: false };
const owner: Caller = { id: 'aad-sam', name: 'Sam', tenantId: 'tenant-1', roles: ['SMLO'], leads: [], isLead: false, isAdmin: false };
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const files: Record<string, string> = { '/plan.pdf': 'office/002_435ae65e161c75e5.merged.pdf', '/minutes.docx': 'layouts/somerset-2012-13.docx' };
    const path = files[req.url ?? ''];
    if (path === undefined) {
      res.statusCode = 404;
      res.end();
    } else if (req.url === '/minutes.docx') res.end('Minutes of the board, 3 March. Apologies: none.');
    else res.end(readFileSync(join(fixtures, path)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(() => server.close());

async function world(name: string) {
  const store = await openTableStore(connectionString, name);
  const services = { store, clock: { now: () => new Date('2009-05-10T10:00:00Z') }, settings: { LEAD_ROLE: 'Commissioner', ADMINS: [] }, logger: console } as unknown as Services;
  return { services, deps: { read: readPlanBytes, isPlanTable: hasPlanTable, localMode: true, fileHosts: [] } };
}

const attachment = (name: string, path: string) => ({ contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl: `${base}${path}`, uniqueId: 'u1', fileType: name.split('.').at(-1) } });

describe('a plan file sent to the bot', () => {
  it('answers the commissioner with a preview card under 25 KB, and Import stores the plan', async () => {
    const { services, deps } = await world('uploadok');
    const replies = await repliesToFiles(services, commissioner, [attachment('worcestershire.pdf', '/plan.pdf')], deps);
    const card = replies?.[0];
    if (card === undefined || !('card' in card)) throw new Error(`expected a card, got ${JSON.stringify(replies)}`);
    expect(cardProblems(card.card)).toEqual([]);
    const json = JSON.stringify(card.card);
    expect(Buffer.byteLength(json)).toBeLessThan(25 * 1024);
    expect(json).toContain('Worcestershire SMAT');
    expect(json).toContain('112 actions in 5 grids');
    expect(json).toContain('a typo for June 09?');
    const token = (card.card as { actions: { data: { token: string } }[] }).actions[0]?.data.token;
    expect(await services.store.plans.listPlans()).toEqual([]);
    const pressed = await importPress(services, commissioner, 'importPlan', { verb: 'importPlan', token });
    expect(pressed?.message).toMatch(/^Imported worcestershire-smat-2009: new plan, 112 actions/);
    expect(JSON.stringify(pressed?.card)).toContain('Plan imported');
    expect((await services.store.plans.listPlans()).map((p) => p.actions)).toEqual([112]);
  });

  it('tells an owner who sends a plan who can import it', async () => {
    const { services, deps } = await world('uploadowner');
    expect(await repliesToFiles(services, owner, [attachment('plan.pdf', '/plan.pdf')], deps)).toEqual([
      { text: "Only a plan's commissioner (whoever holds its lead role) or an admin can import a plan. Please send the file to them." },
    ]);
  });

  it('gives the reason for a file that cannot be read or fetched, and leaves other messages alone', async () => {
    const { services, deps } = await world('uploadbad');
    const replies = await repliesToFiles(services, commissioner, [attachment('minutes.docx', '/minutes.docx'), attachment('gone.xlsx', '/gone')], deps);
    expect(replies).toEqual([
      { text: 'I could not read a plan in minutes.docx: no planning grid or delivery-plan table found. Nothing was imported.' },
      { text: 'I could not use gone.xlsx: it could not be fetched from Teams; please send it again. Nothing was imported.' },
    ]);
    expect(await repliesToFiles(services, commissioner, [{ contentType: 'text/html', content: '<p>hi</p>' }], deps)).toBeNull();
  });
});
