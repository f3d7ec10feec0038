// A fileConsent/invoke is applied once per activity id: Teams retries an invoke it thinks was lost with the
// same id, and the report must not be uploaded (or its file card posted) twice. Over real HTTP, through the
// bot itself, with an upload server counting the PUTs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CONSENT_INVOKE, FILE_INFO_CARD } from '../../src/bot/reportFile.ts';
import { startBotHarness, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { message, type TeamsPerson } from '../support/teamsActivity.ts';
import { testshirePlan } from '../localChat/fixture.ts';

const jane: TeamsPerson = { aadObjectId: 'd5000000-0000-4000-8000-000000000001', name: 'Jane Smith' };

let bot: BotHarness;
let uploads: Server;
let puts = 0;

beforeAll(async () => {
  bot = await startBotHarness('consentOnce', '2025-07-10T09:00:00Z');
  await bot.importPlan(testshirePlan());
  await meet(bot, jane, 'Commissioner');
  uploads = createServer((req, res) => {
    req.resume();
    req.on('end', () => { puts += 1; res.writeHead(201); res.end('{}'); });
  });
  await new Promise<void>((resolve) => uploads.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await bot?.close();
  await new Promise((resolve) => uploads?.close(resolve));
});

function accepted(session: string): Partial<Activity> {
  const base = { ...message(bot.origin, jane, ''), text: undefined };
  const uploadUrl = `http://127.0.0.1:${(uploads.address() as AddressInfo).port}/upload/${session}`;
  return {
    ...base, type: 'invoke', name: FILE_CONSENT_INVOKE,
    value: {
      type: 'fileUpload', action: 'accept',
      context: { planId: 'testshire-2025', quarter: '2025-Q1', format: 'docx', asOf: '2025-07-10' },
      uploadInfo: { name: 'board-report.docx', uploadUrl, contentUrl: 'https://contoso-my.sharepoint.com/personal/jane/report.docx', uniqueId: session, fileType: 'docx' },
    },
  };
}

const fileCards = (activityId: string | undefined) => bot.connector.calls.filter((c) => c.replyToId === activityId && JSON.stringify(c.body).includes(FILE_INFO_CARD));

describe('fileConsent/invoke delivered twice with the same activity id', () => {
  it('uploads the report once and posts one file card, one after the other', async () => {
    const invoke = accepted('session-1');
    const before = puts;
    expect((await bot.post(invoke)).status).toBe(200);
    expect((await bot.post(invoke)).status).toBe(200);
    expect(puts - before).toBe(1);
    expect(fileCards(invoke.id)).toHaveLength(1);
  });

  it('uploads once when both arrive at the same moment', async () => {
    const invoke = accepted('session-2');
    const before = puts;
    const answers = await Promise.all([bot.post(invoke), bot.post(invoke)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await bot.connector.waitFor(() => fileCards(invoke.id).length > 0);
    expect(puts - before).toBe(1);
    expect(fileCards(invoke.id)).toHaveLength(1);
  });

  it('a new accept (another activity id) uploads again', async () => {
    const before = puts;
    expect((await bot.post(accepted('session-3'))).status).toBe(200);
    expect(puts - before).toBe(1);
  });
});
