// The board report sent in the personal chat as Teams expects a bot to send a file, over real HTTP:
// the bot answers with a file consent card; on accept (fileConsent/invoke with an upload session) it
// PUTs the file to the upload URL and posts a file info card; on decline it says so. A small bot in
// the test calls src/bot/reportFile.ts the way ActionBot's "report" intent and invoke handling do.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { callerFrom } from '../../src/app/caller.ts';
import { loadDirectory } from '../../src/app/directory.ts';
import { storePlan } from '../../src/app/importPlans.ts';
import type { Services } from '../../src/app/services.ts';
import { answerFileConsent, FILE_CONSENT_INVOKE, offerReport } from '../../src/bot/reportFile.ts';
import { startServer, type RunningServer } from '../../src/bot/server.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { meetPerson } from '../support/faultWorld.ts';
import { message, postActivity, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';
import { testshirePlan } from '../localChat/fixture.ts';

const jane: TeamsPerson = { aadObjectId: 'd4000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const stranger: TeamsPerson = { aadObjectId: 'd4000000-0000-4000-8000-000000000009', name: 'Nobody' };

class ReportBot extends ActivityHandler {
  constructor(private readonly services: Services) {
    super();
    this.onMessage(async (context, next) => {
      const words = /^board report(?: for)?\s*(q[1-4]|\d{4}-q[1-4])?\s*(word)?$/i.exec(context.activity.text ?? '');
      if (words) await offerReport(context, services, await this.caller(context), { plan: null, quarter: words[1] ?? null, format: words[2] ? 'docx' : 'pdf' });
      await next();
    });
  }

  private async caller(context: TurnContext) {
    const from = context.activity.from;
    return callerFrom(from.aadObjectId ?? '', from.name ?? '', context.activity.conversation.tenantId ?? '', await loadDirectory(this.services.store), this.services.settings);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === FILE_CONSENT_INVOKE) return answerFileConsent(context, this.services, await this.caller(context), { localMode: true, fileHosts: [] });
    return super.onInvokeActivity(context);
  }
}

let services: Services;
let server: RunningServer;
let connector: TestConnector;
let uploads: Server;
const received: { headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];

beforeAll(async () => {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const store = await openTableStore(inject('tablesConnectionString'), 'reportFile');
  services = { store, settings: config, clock: { now: () => new Date('2025-07-10T09:00:00Z') }, logger: createLogger('silent') };
  connector = await startConnector();
  await storePlan(services, testshirePlan(), testTenantId);
  await meetPerson(store, connector, jane, ['Commissioner']);
  await meetPerson(store, connector, stranger, []);
  server = await startServer({ config, bot: new ReportBot(services), logger: services.logger });
  uploads = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => { received.push({ headers: req.headers, body: Buffer.concat(chunks) }); res.writeHead(201); res.end('{}'); });
  });
  await new Promise<void>((resolve) => uploads.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await new Promise((resolve) => uploads?.close(resolve));
});

const origin = () => ({ serviceUrl: connector.url });
const attachmentsOf = (call: { body: Record<string, unknown> } | undefined) => (call?.body.attachments ?? []) as { contentType: string; name: string; contentUrl?: string; content: Record<string, unknown> }[];

function consent(person: TeamsPerson, action: 'accept' | 'decline', context: unknown): Partial<Activity> {
  const base = message(origin(), person, '');
  const uploadUrl = `http://127.0.0.1:${(uploads.address() as AddressInfo).port}/upload/session-1`;
  return {
    ...base, type: 'invoke', name: FILE_CONSENT_INVOKE, text: undefined,
    value: { type: 'fileUpload', action, context, uploadInfo: action === 'accept' ? { name: 'Testshire Partnership Q1 2025-26.docx', uploadUrl, contentUrl: 'https://contoso-my.sharepoint.com/personal/jane/report.docx', uniqueId: 'FILE-1', fileType: 'docx' } : undefined },
  };
}

describe('"board report" in the personal chat', () => {
  it('offers the last quarter’s report with a file consent card naming the file and its size', async () => {
    connector.clear();
    const asked = message(origin(), jane, 'board report word');
    expect((await postActivity(server.url, asked)).status).toBe(200);
    const card = attachmentsOf(connector.calls.find((c) => c.replyToId === asked.id))[0];
    expect(card).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'Testshire Partnership Q1 2025-26.docx' });
    expect(card?.content).toMatchObject({ description: 'Board report: Testshire Partnership, Q1 2025/26 (Apr-Jun 2025)', acceptContext: { planId: 'testshire-2025', quarter: '2025-Q1', format: 'docx', asOf: '2025-07-10' } });
    expect(card?.content.sizeInBytes).toBeGreaterThan(5000);
    expect(JSON.stringify(connector.calls.at(-1)?.body).length).toBeLessThan(25_000);
  });

  it('on accept uploads the Word file to the upload URL in one PUT and posts the file card', async () => {
    connector.clear();
    const accepted = consent(jane, 'accept', { planId: 'testshire-2025', quarter: '2025-Q1', format: 'docx', asOf: '2025-07-10' });
    expect((await postActivity(server.url, accepted)).status).toBe(200);
    const upload = received.at(-1)!;
    expect(upload.headers['content-range']).toBe(`bytes 0-${upload.body.length - 1}/${upload.body.length}`);
    const xml = await (await JSZip.loadAsync(upload.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Testshire Partnership: quarterly progress report');
    const fileCard = attachmentsOf(connector.calls.find((c) => c.replyToId === accepted.id))[0];
    expect(fileCard).toEqual({ contentType: 'application/vnd.microsoft.teams.card.file.info', name: 'Testshire Partnership Q1 2025-26.docx', contentUrl: 'https://contoso-my.sharepoint.com/personal/jane/report.docx', content: { uniqueId: 'FILE-1', fileType: 'docx' } });
  });

  it('on decline uploads nothing and says so; a forged consent for a plan the person cannot see sends nothing', async () => {
    const before = received.length;
    connector.clear();
    const declined = consent(jane, 'decline', { planId: 'testshire-2025', quarter: '2025-Q1', format: 'pdf', asOf: '2025-07-10' });
    await postActivity(server.url, declined);
    expect(JSON.stringify(connector.calls.map((c) => c.body))).toContain('I have not sent the report');
    const forged = consent(stranger, 'accept', { planId: 'testshire-2025', quarter: '2025-Q1', format: 'pdf', asOf: '2025-07-10' });
    await postActivity(server.url, forged);
    expect(JSON.stringify(connector.calls.find((c) => c.replyToId === forged.id)?.body)).toContain('you can no longer see that plan');
    const junk = await postActivity(server.url, consent(jane, 'accept', { planId: 'x' }));
    expect(junk.status).toBe(400);
    expect(received.length).toBe(before);
  });

  it('someone with no role in any plan is told why there is no report', async () => {
    connector.clear();
    const asked = message(origin(), stranger, 'board report for Q1');
    await postActivity(server.url, asked);
    expect(JSON.stringify(connector.calls.find((c) => c.replyToId === asked.id)?.body)).toContain('you hold no role in any plan');
  });
});
