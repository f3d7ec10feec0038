// Server-side requests only where Teams puts files, with production settings over real HTTP: Bot
// Framework tokens signed by the test key server, the bot's own outbound token from a stand-in for
// the managed identity endpoint, FILE_HOSTS naming one https file server (a self-signed certificate
// for 127.0.0.1, trusted by this test process only). A second, plain-http server plays an internal
// address; both record every request, so "never fetched" is observed, not assumed.
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/fileDownload.ts';
import { FILE_CONSENT_INVOKE } from '../../src/bot/reportFile.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { startKeyServer, type KeyServer } from '../support/keyServer.ts';
import { message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';
import { testshirePlan } from '../localChat/fixture.ts';

const appId = '00000000-0000-4000-8000-0000000055f0';
const otherAllowedTenant = '72f988bf-0000-4000-8000-0000000000b2';
const foreignTenant = '99999999-0000-4000-8000-0000000000c3';
const jane: TeamsPerson = { aadObjectId: 'e5000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const nora: TeamsPerson = { aadObjectId: 'e5000000-0000-4000-8000-000000000002', name: 'Nora None' };
const eve: TeamsPerson = { aadObjectId: 'e5000000-0000-4000-8000-000000000003', name: 'Eve Elsewhere' };
const docx = readFileSync(join(import.meta.dirname, '../fixtures/layouts/somerset-2012-13.docx'));
const MB = 1024 * 1024;

interface Recorder { server: Server; hits: { method: string; path: string }[]; url: string }

let keys: KeyServer;
let bot: FaultBot;
let files: Recorder;
let internal: Recorder;
let identity: Server;
/** What the huge file's response wrote before the bot hung up, and whether it did hang up. */
const huge = { written: 0, closedEarly: false };
const tarpitted: ServerResponse[] = [];

async function listen(server: Server, scheme: 'http' | 'https', hits: Recorder['hits']): Promise<Recorder> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, hits, url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function fileRoutes(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  if (path === '/plan.docx') res.end(docx);
  else if (path === '/redirect' || path === '/upload-redirect') {
    res.writeHead(302, { location: `${internal.url}/latest/meta-data` });
    res.end();
  } else if (path === '/tarpit') tarpitted.push(res);
  else if (path === '/huge') {
    // No length declared, and no end: only the bot's cap stops it.
    res.on('close', () => { huge.closedEarly = !res.writableFinished; });
    const chunk = Buffer.alloc(64 * 1024, 65);
    const pump = (): void => {
      while (!res.destroyed && huge.written < 200 * MB) {
        huge.written += chunk.length;
        if (!res.write(chunk)) { res.once('drain', pump); return; }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  } else if (path === '/upload') {
    req.resume();
    req.on('end', () => { res.writeHead(201); res.end('{}'); });
  } else {
    res.writeHead(500, { 'x-internal-host': 'db01.corp.internal' });
    res.end('secret internal error page');
  }
}

beforeAll(async () => {
  // The file server's certificate is self-signed; only this test process is told to accept it.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const tls = { key: readFileSync(join(import.meta.dirname, '../fixtures/tls/key.pem')), cert: readFileSync(join(import.meta.dirname, '../fixtures/tls/cert.pem')) };
  const fileHits: Recorder['hits'] = [];
  files = await listen(createHttpsServer(tls, (req, res) => { fileHits.push({ method: req.method ?? '', path: req.url ?? '' }); fileRoutes(req, res); }), 'https', fileHits);
  const internalHits: Recorder['hits'] = [];
  internal = await listen(createServer((req, res) => { internalHits.push({ method: req.method ?? '', path: req.url ?? '' }); res.end('instance metadata'); }), 'http', internalHits);
  // The managed identity endpoint (App Service's form) hands the bot its token for the Bot Connector.
  identity = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'test-bot-token', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://api.botframework.com', token_type: 'Bearer' }));
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_HEADER = 'test-identity-header';

  keys = await startKeyServer({ kid: 'test-key', use: 'sig', endorsements: ['msteams'] }, 'https://api.botframework.com');
  const store = await openTableStore(inject('tablesConnectionString'), 'securityOutbound');
  bot = await startFaultBot(store, '2025-07-10T09:00:00Z', {
    MicrosoftAppId: appId, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: testTenantId,
    ALLOWED_TENANTS: `${testTenantId},${otherAllowedTenant}`, ADMINS: jane.aadObjectId,
    AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'), BotOpenIdMetadata: keys.openIdUrl,
    TAB_APP_ID_URI: `api://actionbot.example.org/botid-${appId}`,
    FILE_HOSTS: new URL(files.url).host, FILE_TIMEOUT_SECONDS: '1',
  });
  await storePlan(bot.runtime.services, testshirePlan(), testTenantId);
  await bot.meet(jane, 'Commissioner');
  await bot.meet(nora);
}, 60_000);

afterAll(async () => {
  for (const res of tarpitted) res.destroy();
  await bot?.close();
  await keys?.close();
  for (const server of [files?.server, internal?.server, identity]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
});

/** Posts an activity as the Bot Connector would, with its signed token; returns the status and body. */
async function post(activity: Partial<Activity>): Promise<{ status: number; body: string }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ serviceurl: bot.origin.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
    .setIssuer('https://api.botframework.com').setAudience(appId)
    .setIssuedAt(now).setNotBefore(now).setExpirationTime('10m')
    .sign(keys.signing);
  const res = await fetch(`${bot.runtime.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

/** Sends a file attachment from `person` (in `tenantId`) and returns the text the bot replied with. */
async function sendFile(person: TeamsPerson, downloadUrl: string, tenantId = testTenantId): Promise<string> {
  const activity = { ...message({ serviceUrl: bot.origin.serviceUrl, tenantId }, person, ''), attachments: [{ contentType: FILE_DOWNLOAD_INFO, name: 'plan.docx', content: { downloadUrl, uniqueId: 'u1', fileType: 'docx' } }] };
  const res = await post(activity);
  expect(res.status).toBe(200);
  return repliesTo(activity);
}

/** What the person saw in reply: texts and card contents only (the envelope names the connector's own address). */
function repliesTo(activity: Partial<Activity>): string {
  return JSON.stringify(bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map((c) => [c.body.text ?? '', c.body.attachments ?? []]));
}

const neutral = 'I could not use plan.docx: it could not be fetched from Teams; please send it again. Nothing was imported.';

describe('a file attachment is fetched only for someone who may import it', () => {
  it('the commissioner’s file from the allowed host is fetched and previewed (the path works)', async () => {
    const reply = await sendFile(jane, `${files.url}/plan.docx`);
    expect(reply).toContain('Import plan.docx?');
    expect(files.hits.filter((h) => h.path === '/plan.docx')).toHaveLength(1);
  });

  it('a person with no role gets who to ask, and their link is never fetched', async () => {
    const before = files.hits.length;
    const reply = await sendFile(nora, `${files.url}/plan.docx?nora`);
    expect(reply).toContain("Only a plan's commissioner (whoever holds its lead role) or an admin can import a plan");
    expect(files.hits.length).toBe(before);
  });

  it('a person of another allowed tenant with no role there: never fetched', async () => {
    const before = files.hits.length;
    const reply = await sendFile(eve, `${files.url}/plan.docx?other-tenant`, otherAllowedTenant);
    expect(reply).toContain('Only a plan');
    expect(files.hits.length).toBe(before);
  });

  it('a commissioner (and admin) of tenant A writing from allowed tenant B: her attachment is never fetched', async () => {
    const before = files.hits.length;
    const reply = await sendFile(jane, `${files.url}/plan.docx?from-b`, otherAllowedTenant);
    expect(reply).not.toContain('Import plan.docx?');
    expect(files.hits.length).toBe(before);
    // She is still tenant A's, where her file is fetched as before.
    expect(await bot.store.people.get(jane.aadObjectId)).toMatchObject({ tenantId: testTenantId });
    expect(await sendFile(jane, `${files.url}/plan.docx`)).toContain('Import plan.docx?');
  });

  it('someone from a tenant outside ALLOWED_TENANTS gets nothing, and nothing is fetched', async () => {
    const before = files.hits.length;
    expect(await sendFile(eve, `${files.url}/plan.docx?foreign`, foreignTenant)).toBe('[]');
    expect(files.hits.length).toBe(before);
    expect(bot.logs.find('tenant that is not allowed').some((e) => JSON.stringify(e).includes(foreignTenant))).toBe(true);
  });
});

describe('even for the commissioner, only the file hosts, over https, with no redirect, timeout or size left open', () => {
  it.each([
    ['an internal address over http', () => `${internal.url}/latest/meta-data`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['another https host', () => 'https://evil.example.org/plan.docx'],
    ['the file host over plain http', () => files.url.replace('https:', 'http:') + '/plan.docx'],
    ['the file host with credentials in the link', () => files.url.replace('https://', 'https://user:pw@') + '/plan.docx'],
    ['a name that resolves to this machine', () => files.url.replace('127.0.0.1', 'localhost') + '/plan.docx'],
    ['the file host as an IPv4-mapped IPv6 address', () => files.url.replace('127.0.0.1', '[::ffff:127.0.0.1]') + '/plan.docx'],
    ['a look-alike host ending in the allowed one', () => files.url.replace('127.0.0.1', '127.0.0.1.evil.example.org') + '/plan.docx'],
  ])('%s is refused before any connection, in words that reveal nothing', async (_story, url) => {
    const before = [files.hits.length, internal.hits.length];
    const reply = await sendFile(jane, url());
    expect(reply).toContain(neutral);
    expect(reply).not.toMatch(/169\.254|evil|127\.0\.0\.1|localhost|ffff|user:pw|meta-data/);
    expect([files.hits.length, internal.hits.length]).toEqual(before);
  });

  it('a redirect from the file host is not followed: the internal address is never reached', async () => {
    const reply = await sendFile(jane, `${files.url}/redirect`);
    expect(reply).toContain(neutral);
    expect(reply).not.toMatch(/302|redirect|meta-data|127\.0\.0\.1/);
    expect(files.hits.some((h) => h.path === '/redirect')).toBe(true);
    expect(internal.hits).toEqual([]);
  });

  it('a host that never answers is given up after FILE_TIMEOUT_SECONDS', async () => {
    const started = Date.now();
    const reply = await sendFile(jane, `${files.url}/tarpit`);
    expect(reply).toContain(neutral);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('an error page says nothing of what the host answered', async () => {
    const reply = await sendFile(jane, `${files.url}/error-page`);
    expect(reply).toContain(neutral);
    expect(reply).not.toMatch(/500|secret|db01|internal/);
  });

  it('an endless file is cut at the 10 MB cap: the bot hangs up and says the limit', async () => {
    const reply = await sendFile(jane, `${files.url}/huge`);
    expect(reply).toContain('I could not use plan.docx: it is larger than 10 MB. Nothing was imported.');
    await bot.connector.waitFor(() => huge.closedEarly, 5_000);
    expect(huge.written).toBeLessThan(200 * MB);
  });
});

describe('the board report upload goes only to the file hosts', () => {
  const asked = { planId: 'testshire-2025', quarter: '2025-Q1', format: 'docx', asOf: '2025-07-10' };
  const consent = (uploadUrl: string): Partial<Activity> => ({
    ...message({ serviceUrl: bot.origin.serviceUrl }, jane, ''), type: 'invoke', name: FILE_CONSENT_INVOKE, text: undefined,
    value: { type: 'fileUpload', action: 'accept', context: asked, uploadInfo: { name: 'report.docx', uploadUrl, contentUrl: 'https://contoso-my.sharepoint.com/personal/jane/report.docx', uniqueId: 'F1', fileType: 'docx' } },
  });

  it('to the file host it is PUT once (the path works)', async () => {
    expect((await post(consent(`${files.url}/upload`))).status).toBe(200);
    expect(files.hits.filter((h) => h.method === 'PUT' && h.path === '/upload')).toHaveLength(1);
  });

  it('an upload URL elsewhere is refused without a connection', async () => {
    const before = internal.hits.length;
    expect((await post(consent(`${internal.url}/upload`))).status).toBe(400);
    expect((await post(consent('https://evil.example.org/upload'))).status).toBe(400);
    expect(internal.hits.length).toBe(before);
  });

  it('a redirect from the upload session is not followed, and the person is told plainly', async () => {
    const activity = consent(`${files.url}/upload-redirect`);
    expect((await post(activity)).status).toBe(200);
    expect(internal.hits).toEqual([]);
    const reply = repliesTo(activity);
    expect(reply).toContain('OneDrive did not take the file just now');
    expect(reply).not.toMatch(/302|meta-data/);
  });
});
