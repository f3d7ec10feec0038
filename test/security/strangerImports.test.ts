// Plan files and installs tried by the wrong people, over real HTTP, Teams-shaped: an import preview's
// Import button pressed by another commissioner or from another tenant, "undo import" by someone else, a
// plan of 1,001 actions and a CSV with a 1 MB cell, and the app added to a channel by a person known in
// another tenant. Files are served as Teams attachments by a file server on this machine (local mode).
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/fileDownload.ts';
import { STRANGER } from '../../src/bot/personRecord.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { addedTo, teamChannel } from '../support/groupActivity.ts';
import { repeatedCsv } from '../support/hostileFiles.ts';
import { cardAction, installationUpdate, message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const TENANT_B = '0e0e0e0e-0000-4000-8000-0000000000ee';
const sue: TeamsPerson = { aadObjectId: 'a9000000-0000-4000-8000-000000000001', name: 'Sue Brown' }; // Commissioner, tenant A
const pat: TeamsPerson = { aadObjectId: 'a9000000-0000-4000-8000-000000000002', name: 'Pat Lee' }; // Commissioner, tenant A
const bob: TeamsPerson = { aadObjectId: 'a9000000-0000-4000-8000-0000000000b1', name: 'Bob Barker' }; // Commissioner, tenant B

const documents = new Map<string, Uint8Array>();
let bot: BotHarness;
let files: Server;
let base = '';
const inB = () => ({ ...bot.origin, tenantId: TENANT_B });

beforeAll(async () => {
  documents.set('somerset.docx', readFileSync(join(import.meta.dirname, '../fixtures/layouts/somerset-2012-13.docx')));
  documents.set('thousand-and-one.csv', repeatedCsv(1_001, true));
  const cell = 'x'.repeat(1024 * 1024);
  const wordy = Array.from({ length: 900 }, (_, i) => `1.${i + 1},Publish the naloxone protocol for area ${i + 1}: ${'and agree it with every pharmacy, hostel and outreach team in the area '.repeat(7)},June 2012,DAAT Commissioner\n`);
  documents.set('wordy.csv', strToU8(`Partnership name: Somerset DAAT, plan 2012/13\nRef,Action,By when,By whom\n${wordy.join('')}`));
  documents.set('big-cell.csv', strToU8(`Partnership name: Somerset DAAT, plan 2012/13\nRef,Action,By when,By whom\n1.1,${cell},June 2012,DAAT Commissioner\n`));
  files = createServer((req, res) => {
    const bytes = documents.get((req.url ?? '').slice(1));
    if (bytes === undefined) res.statusCode = 404;
    res.end(bytes);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const address = files.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  bot = await startBotHarness('secstrangerimports', '2012-06-15T09:00:00Z');
  await meet(bot, sue, 'Commissioner');
  await meet(bot, pat, 'Commissioner');
  expect((await bot.post(installationUpdate(inB(), bob, 'add'))).status).toBeLessThan(300);
  await bot.store.roles.assign(TENANT_B, 'Commissioner', bob.aadObjectId, { id: 'test', name: 'test setup' }, '2012-06-15T09:00:00Z');
}, 60_000);
afterAll(async () => {
  await bot?.close();
  files?.close();
});

function withFile(person: TeamsPerson, name: string, tenantId = testTenantId): Partial<Activity> {
  return { ...message({ ...bot.origin, tenantId }, person, ''), attachments: [{ contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl: `${base}/${name}`, uniqueId: name, fileType: name.split('.').at(-1) } }] };
}
async function replies(activity: Partial<Activity>) {
  expect((await bot.post(activity)).status).toBeLessThan(300);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300);
}
const textTo = async (activity: Partial<Activity>): Promise<string> => (await replies(activity)).map(textOf).join('\n');
async function say(who: TeamsPerson, text: string, tenantId = testTenantId): Promise<string> {
  return textTo(message({ ...bot.origin, tenantId }, who, text));
}
/** Presses a preview's button as `who`; the text Teams shows. */
async function pressPreview(who: TeamsPerson, verb: string, token: string, tenantId = testTenantId): Promise<string> {
  const res = await bot.post(cardAction({ ...bot.origin, tenantId }, who, verb, { token }));
  const value = (res.body as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}
const plans = async () => (await bot.store.plans.listPlans()).map((p) => p.id);

describe("an import preview's buttons and undo import, pressed by the wrong people", () => {
  let token = '';

  it("Sue's preview: another commissioner's or another tenant's Import press imports nothing", async () => {
    const [preview] = await replies(withFile(sue, 'somerset.docx'));
    const card = cardOf(preview);
    expect(JSON.stringify(card)).toContain('Import somerset.docx?');
    token = String((card?.actions as { data: { token: string } }[])[0]?.data.token);
    expect(await pressPreview(pat, 'importPlan', token)).toBe('Only the person who sent the file can import it.');
    expect(await pressPreview(bob, 'importPlan', token, TENANT_B)).toBe('Only the person who sent the file can import it.');
    // Sue herself, writing from tenant B, is a stranger there.
    expect(await pressPreview(sue, 'importPlan', token, TENANT_B)).toBe(STRANGER);
    // A Cancel by someone else leaves her preview for her to settle.
    expect(await pressPreview(pat, 'cancelImport', token)).toBe('Cancelled: nothing was imported.');
    expect(await plans()).toEqual([]);
  });

  it('Sue imports it; "undo import" by Pat, by Bob, or by Sue from tenant B undoes nothing', async () => {
    expect(await pressPreview(sue, 'importPlan', token)).toContain('Imported');
    const [planId] = await plans();
    expect(planId).toBeDefined();
    const actions = async () => (await bot.store.plans.getPlan(planId!))?.actions.length ?? 0;
    const imported = await actions();
    expect(imported).toBeGreaterThan(0);
    expect(await say(pat, 'undo import')).toBe('You have no import today to undo.');
    expect(await say(bob, 'undo import', TENANT_B)).toBe('You have no import today to undo.');
    expect(await say(sue, 'undo import', TENANT_B)).toBe(STRANGER);
    expect(await actions()).toBe(imported);
    // Her own undo, at home, still works.
    expect(await say(sue, 'undo import')).toContain('Undone');
    expect(await actions()).toBe(0);
  });
});

describe('files past the limits: one line naming the limit, nothing stored', () => {
  it('a plan of 1,001 actions', async () => {
    const before = await plans();
    const reply = await textTo(withFile(sue, 'thousand-and-one.csv'));
    expect(reply).toMatch(/^I could not read a plan in thousand-and-one\.csv: .*1,000.*Nothing was imported\.$/);
    expect(await plans()).toEqual(before);
  });

  it('a plan of 900 long actions, past the text a stored plan may hold', async () => {
    const before = await plans();
    expect(await textTo(withFile(sue, 'wordy.csv'))).toMatch(/^I could not read a plan in wordy\.csv: it has [\d,]+ characters of text; the most a plan may have is 400,000 characters\. Nothing was imported\.$/);
    expect(await plans()).toEqual(before);
  });

  it('a CSV with a 1 MB cell', async () => {
    const before = await plans();
    const all = await replies(withFile(sue, 'big-cell.csv'));
    const reply = all.map(textOf).join('\n');
    expect(reply).toMatch(/^I could not read a plan in big-cell\.csv: action 1\.1 has a cell of 1,048,576 characters; the most a plan may have is 4,000 characters in a cell\. Nothing was imported\.$/);
    for (const call of all) expect(Buffer.byteLength(JSON.stringify(call.body), 'utf8')).toBeLessThan(25 * 1024);
    expect(await plans()).toEqual(before);
  });
});

describe('the app added to a channel by a person known in another tenant', () => {
  it('greets nobody there, creates no chat, and leaves their record as it was', async () => {
    const pats = await bot.store.people.get(pat.aadObjectId);
    const patsChat = await bot.store.people.conversationOf(pat.aadObjectId);
    const before = bot.connector.calls.length;
    // Pat (tenant A) adds the app to a team of tenant B; Bob (tenant B) to a team of tenant A.
    const theirs = addedTo(bot.origin, pat, teamChannel('otherborough')).map((a) => ({ ...a, conversation: { ...a.conversation!, tenantId: TENANT_B }, channelData: { ...(a.channelData as object), tenant: { id: TENANT_B } } }));
    for (const activity of [...theirs, ...addedTo(bot.origin, bob, teamChannel('testshire'))]) expect((await bot.post(activity)).status).toBeLessThan(300);
    expect(bot.connector.calls.slice(before)).toEqual([]);
    expect(await bot.store.people.get(pat.aadObjectId)).toEqual(pats);
    expect(await bot.store.people.conversationOf(pat.aadObjectId)).toEqual(patsChat);
    expect(await bot.store.people.get(bob.aadObjectId)).toMatchObject({ tenantId: TENANT_B });
  });
});
