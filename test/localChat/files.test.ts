// Files both ways through the local chat's server and the real bot: a plan file sent as Teams sends it
// (download-info attachment, fetched back from this server) previews and imports; the board report
// comes as a file consent card, and Allow uploads it here and shows the file card with a download.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatFile } from '../../src/localChat/fileCards.ts';
import type { ChatEntry } from '../../src/localChat/transcript.ts';
import { entryText, jane, pageApi, sam, startChatDemo, type ChatDemo } from './fixture.ts';

const isleOfWightDocx = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/office/000_8d414cf89c93b93b.docx')));

let demo: ChatDemo;
beforeAll(async () => { demo = await startChatDemo('localchatfiles'); });
afterAll(async () => demo?.close());

const chatOf = async (personId: string): Promise<ChatEntry[]> => (await pageApi<ChatEntry[]>(demo.chat, `/api/chat?person=${personId}`)).body;
const lastBot = async (personId: string): Promise<ChatEntry> => (await chatOf(personId)).filter((e) => e.from === 'bot').at(-1)!;

/** Posts a file as the page does. */
async function sendFile(personId: string, name: string, body: Uint8Array<ArrayBuffer>, type = 'application/octet-stream'): Promise<{ status: number; body: { status?: number; error?: string } }> {
  const res = await fetch(`${demo.chat.url}/api/file?person=${encodeURIComponent(personId)}&name=${encodeURIComponent(name)}`, {
    method: 'POST', headers: { 'content-type': type }, body,
  });
  return { status: res.status, body: (await res.json()) as { status?: number; error?: string } };
}

const fileOf = (entry: ChatEntry | undefined, kind: ChatFile['kind']): ChatFile | undefined => entry?.files?.find((f) => f.kind === kind);

describe('a plan file sent in the local chat', () => {
  it('reaches the bot as a download-info attachment it fetches from here; the preview imports, and the plan answers "what\'s overdue?"', async () => {
    const sent = await sendFile(jane.id, 'Isle of Wight plan.docx', isleOfWightDocx);
    expect(sent).toEqual({ status: 200, body: { status: 200 } });
    const chat = await chatOf(jane.id);
    const mine = chat.filter((e) => e.from === 'person').at(-1);
    const file = fileOf(mine, 'sent') as Extract<ChatFile, { kind: 'sent' }>;
    expect(file).toMatchObject({ name: 'Isle of Wight plan.docx', size: isleOfWightDocx.length });
    expect(file.url).toMatch(new RegExp(`^${demo.chat.url}/files/[0-9a-f-]{36}/Isle%20of%20Wight%20plan\\.docx$`));
    const served = await fetch(file.url);
    expect(served.headers.get('content-disposition')).toContain("filename*=UTF-8''Isle%20of%20Wight%20plan.docx");
    expect(Buffer.from(await served.arrayBuffer()).equals(isleOfWightDocx)).toBe(true);

    const preview = await lastBot(jane.id);
    expect(preview.replyToId).toBe(mine?.id);
    expect(entryText(preview)).toContain('Isle of Wight DAT');
    expect(await demo.store.plans.listPlans()).toHaveLength(1);
    // Import is an Action.Execute (with an Action.Submit fallback): the answer replaces the preview in place.
    const importButton = (preview.cards[0] as { actions: { type: string; title: string; verb: string; data: object }[] }).actions.find((a) => a.title === 'Import');
    expect(importButton?.type).toBe('Action.Execute');
    const press = await pageApi(demo.chat, '/api/press', { personId: jane.id, activityId: preview.id, verb: importButton?.verb, data: importButton?.data });
    expect(press.status).toBe(200);
    expect((await demo.store.plans.listPlans()).map((p) => p.partnership)).toContain('Isle of Wight DAT');
    const replaced = (await chatOf(jane.id)).find((e) => e.id === preview.id);
    expect(entryText(replaced!)).toMatch(/Plan imported.*Imported /s);

    // The fallback (clients without Universal Actions) posts a message with the button's data: the preview is gone by now.
    const fallback = (importButton as unknown as { fallback: { data: object } }).fallback;
    await pageApi(demo.chat, '/api/submit', { personId: jane.id, activityId: preview.id, data: fallback.data });
    expect((await chatOf(jane.id)).at(-1)?.text).toContain('expired or was already used');
    expect((await demo.store.plans.listPlans()).filter((p) => p.partnership === 'Isle of Wight DAT')).toHaveLength(1);

    await pageApi(demo.chat, '/api/say', { personId: jane.id, text: "what's overdue?" });
    expect(entryText(await lastBot(jane.id))).toMatch(/IW-/);
  });

  it('an owner who sends a plan is told who imports, and nothing is stored', async () => {
    const before = (await demo.store.plans.listPlans()).length;
    expect((await sendFile(sam.id, 'plan.docx', isleOfWightDocx)).status).toBe(200);
    expect(entryText(await lastBot(sam.id))).toContain("Only a plan's commissioner");
    expect((await demo.store.plans.listPlans()).length).toBe(before);
  });

  it('refuses a file over 10 MB, an empty one, a bad name, a form post and an unknown person, and posts nothing to the bot', async () => {
    const before = (await chatOf(jane.id)).length;
    expect(await sendFile(jane.id, 'big.pdf', new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({ status: 413, body: { error: 'files are limited to 10 MB' } });
    expect(await sendFile(jane.id, 'empty.docx', new Uint8Array(0))).toMatchObject({ status: 400, body: { error: 'empty.docx is empty' } });
    expect((await sendFile(jane.id, '', isleOfWightDocx)).status).toBe(400);
    expect((await sendFile(jane.id, 'a\u0000b.docx', isleOfWightDocx)).status).toBe(400);
    expect((await sendFile(jane.id, 'plan.docx', isleOfWightDocx, 'multipart/form-data; boundary=x')).status).toBe(415);
    expect((await sendFile('nobody', 'plan.docx', isleOfWightDocx)).status).toBe(404);
    expect((await chatOf(jane.id)).length).toBe(before);
  });

  it('keeps only the last part of a path as the name', async () => {
    expect((await sendFile(sam.id, '../../etc/passwd', new TextEncoder().encode('not a plan'))).status).toBe(200);
    const file = fileOf((await chatOf(sam.id)).filter((e) => e.from === 'person').at(-1), 'sent');
    expect(file?.name).toBe('passwd');
  });

  it('serves only files it stored, by their id and name', async () => {
    const file = fileOf((await chatOf(jane.id)).find((e) => e.files?.some((f) => f.kind === 'sent')), 'sent') as Extract<ChatFile, { kind: 'sent' }>;
    const id = /\/files\/([^/]+)\//.exec(file.url)?.[1];
    expect((await fetch(`${demo.chat.url}/files/${id}/other.docx`)).status).toBe(404);
    expect((await fetch(`${demo.chat.url}/files/00000000-0000-4000-8000-000000000000/plan.docx`)).status).toBe(404);
    expect((await fetch(`${demo.chat.url}/files/${id}/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${demo.chat.url}/files/not-an-id/plan.docx`)).status).toBe(404);
    expect((await fetch(file.url, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('a file the bot sends: the board report', () => {
  it('shows the file consent card; Allow gives the bot an upload URL here, takes its PUT, and the file card downloads a real .docx', async () => {
    await pageApi(demo.chat, '/api/say', { personId: jane.id, text: 'board report for Testshire as Word' });
    const offer = await lastBot(jane.id);
    const consent = fileOf(offer, 'consent') as Extract<ChatFile, { kind: 'consent' }>;
    expect(consent).toMatchObject({ answer: null });
    expect(consent.name).toMatch(/\.docx$/);
    expect(consent.sizeInBytes).toBeGreaterThan(1000);
    expect(consent.description).toContain('Testshire Partnership');

    const answer = await pageApi<{ status: number }>(demo.chat, '/api/consent', { personId: jane.id, activityId: offer.id, action: 'accept' });
    expect(answer).toEqual({ status: 200, body: { status: 200 } });
    const chat = await chatOf(jane.id);
    expect(fileOf(chat.find((e) => e.id === offer.id), 'consent')).toMatchObject({ answer: 'accept' });
    const card = fileOf(chat.at(-1), 'info') as Extract<ChatFile, { kind: 'info' }>;
    expect(card).toMatchObject({ name: consent.name, fileType: 'docx' });
    const download = await fetch(card.url!);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The report is made again on accept (its timestamps may change its size by a byte): check what it says.
    const documentXml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
    expect(documentXml).toContain('Testshire Partnership');

    const again = await pageApi<{ error: string }>(demo.chat, '/api/consent', { personId: jane.id, activityId: offer.id, action: 'accept' });
    expect(again).toEqual({ status: 409, body: { error: 'that file consent card has been answered already' } });
  });

  it('Decline sends the bot action "decline": it says so, and nothing is uploaded', async () => {
    await pageApi(demo.chat, '/api/say', { personId: jane.id, text: 'board report for Testshire as PDF' });
    const offer = await lastBot(jane.id);
    expect(fileOf(offer, 'consent')?.name).toMatch(/\.pdf$/);
    expect((await pageApi(demo.chat, '/api/consent', { personId: jane.id, activityId: offer.id, action: 'decline' })).status).toBe(200);
    const chat = await chatOf(jane.id);
    expect(fileOf(chat.find((e) => e.id === offer.id), 'consent')).toMatchObject({ answer: 'decline' });
    expect(chat.at(-1)?.text).toBe('All right, I have not sent the report.');
    expect(chat.some((e) => e.files?.some((f) => f.kind === 'info' && f.name.endsWith('.pdf')))).toBe(false);
  });

  it('refuses an answer to a card that is not a consent card, from another person, or with another action', async () => {
    const greeting = (await chatOf(jane.id))[0]!;
    expect((await pageApi(demo.chat, '/api/consent', { personId: jane.id, activityId: greeting.id, action: 'accept' })).status).toBe(404);
    await pageApi(demo.chat, '/api/say', { personId: jane.id, text: 'board report for Testshire' });
    const offer = await lastBot(jane.id);
    expect((await pageApi(demo.chat, '/api/consent', { personId: sam.id, activityId: offer.id, action: 'accept' })).status).toBe(404);
    expect((await pageApi(demo.chat, '/api/consent', { personId: jane.id, activityId: offer.id, action: 'maybe' })).status).toBe(400);
    expect(fileOf(await lastBot(jane.id), 'consent')).toMatchObject({ answer: null });
    // A card press (Action.Submit) too must name a card of the person's own chat.
    expect((await pageApi(demo.chat, '/api/submit', { personId: sam.id, activityId: offer.id, data: { verb: 'importPlan' } })).status).toBe(404);
    expect((await pageApi(demo.chat, '/api/submit', { personId: jane.id, activityId: offer.id, data: 'importPlan' })).status).toBe(400);
  });

  it('takes an upload in Content-Range chunks over HTTP, as OneDrive does, then serves it', async () => {
    const session = demo.chat.files.store.openSession('notes.txt');
    const put = (range: string, body: string) => fetch(`${demo.chat.url}/upload/${session}`, { method: 'PUT', headers: { 'content-range': range }, body });
    const first = await put('bytes 0-5/11', 'hello ');
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ nextExpectedRanges: ['6-'] });
    expect((await put('bytes 0-5/11', 'hello ')).status).toBe(416);
    const last = await put('bytes 6-10/11', 'world');
    expect(last.status).toBe(201);
    expect(await last.json()).toEqual({ id: session, name: 'notes.txt', size: 11 });
    expect(await (await fetch(`${demo.chat.url}/files/${session}/notes.txt`)).text()).toBe('hello world');
    const big = demo.chat.files.store.openSession('big.docx');
    const tooBig = await fetch(`${demo.chat.url}/upload/${big}`, { method: 'PUT', body: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect(tooBig.status).toBe(413);
  });

  it('takes no upload but to a session it opened', async () => {
    const put = (path: string) => fetch(`${demo.chat.url}${path}`, { method: 'PUT', headers: { 'content-range': 'bytes 0-1/2' }, body: 'PK' });
    expect((await put('/upload/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await put('/upload/not-a-session')).status).toBe(404);
    expect((await put('/files/00000000-0000-4000-8000-000000000000/x.docx')).status).toBe(405);
  });
});
