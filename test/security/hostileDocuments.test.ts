// Hostile and oversized documents sent to the real bot over HTTP, as Teams file attachments served by a
// local file server and as a pasted table: each ends in one clear line naming the limit, nothing is
// stored, and the bot stays up. While one is being read (in its worker thread), /healthz answers and
// another person's message gets its reply.
import { createServer, type Server } from 'node:http';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/fileDownload.ts';
import { readPlanInWorker } from '../../src/import/worker/readInWorker.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import * as hostile from '../support/hostileFiles.ts';
import { message, type TeamsPerson } from '../support/teamsActivity.ts';

const jane: TeamsPerson = { aadObjectId: 'f1700000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam: TeamsPerson = { aadObjectId: 'f1700000-0000-4000-8000-000000000002', name: 'Sam Patel' };

let bot: BotHarness;
let files: Server;
let base = '';
const documents = new Map<string, Uint8Array>();
/** File names the server has finished sending: the bot then holds the whole file and is reading it. */
const served: string[] = [];

beforeAll(async () => {
  documents.set('span.docx', hostile.spanBombDocx());
  documents.set('rows.csv', hostile.repeatedCsv(16_000));
  documents.set('samerows.csv', hostile.repeatedCsv(900));
  documents.set('huge.xlsx', hostile.hugeSheetXlsx(400_000));
  documents.set('wide.xlsx', await hostile.sheetXlsx(10, 16_000));
  documents.set('bomb.docx', hostile.zipBombDocx(100));
  documents.set('lying.docx', hostile.lyingZipBombDocx(100));
  documents.set('shapes.pdf', await hostile.shapesPdf(8, 12_000));
  documents.set('nested.html', hostile.nestedHtml(100_000));
  documents.set('minutes.docx', hostile.paragraphsDocx(100_000));
  files = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    const bytes = documents.get(name);
    if (bytes === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.end(bytes, () => served.push(name));
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const address = files.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  bot = await startBotHarness('hostiledocs', '2012-06-15T09:00:00Z');
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
}, 120_000);
afterAll(async () => {
  await bot?.close();
  files?.close();
});

function withFile(person: TeamsPerson, name: string): Partial<Activity> {
  return { ...message(bot.origin, person, ''), attachments: [{ contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl: `${base}/${name}`, uniqueId: name, fileType: name.split('.').at(-1) } }] };
}

async function send(activity: Partial<Activity>): Promise<string> {
  const res = await bot.post(activity);
  expect(res.status).toBeLessThan(300);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}

async function healthz(): Promise<number> {
  return (await fetch(`${bot.runtime.server.url}/healthz`)).status;
}

const refusals: [string, string][] = [
  ['span.docx', 'a table cell spans 300000000 columns; the most a plan may have is 64'],
  ['rows.csv', 'the document has more than 5,000 table rows; the most a plan may have is 5,000 rows'],
  ['huge.xlsx', 'the document has more than 5,000 table rows; the most a plan may have is 5,000 rows'],
  ['wide.xlsx', 'a table row is 16000 columns wide; the most a plan may have is 64 columns'],
  ['bomb.docx', 'its part word/document.xml unzips to more than 32 MB; the most a plan may have is 32 MB per part'],
  ['lying.docx', 'its part word/document.xml unzips to more than 32 MB; the most a plan may have is 32 MB per part'],
  ['shapes.pdf', 'drawing operations; the most a plan may have is 10,000 per page'],
  ['nested.html', 'its HTML has elements nested more than 256 deep; the most a plan may have is 256 levels'],
];

describe('a hostile document sent to the bot', () => {
  it.each(refusals)('%s gets one line naming the limit; nothing is stored and the bot stays up', async (name, reason) => {
    const reply = await send(withFile(jane, name));
    expect(reply).toMatch(new RegExp(`^I could not read a plan in ${name.replace('.', '\\.')}: .*${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Nothing was imported\\.$`));
    expect(reply.split('\n')).toHaveLength(1);
    expect(await bot.store.plans.listPlans()).toEqual([]);
    expect(await healthz()).toBe(200);
  }, 60_000);

  it('a pasted table nested 15,000 elements deep (inside the 256 KB request cap) gets the same kind of line', async () => {
    const html = new TextDecoder().decode(hostile.nestedHtml(15_000));
    const reply = await send(message(bot.origin, jane, html));
    expect(reply).toBe('I could not read a plan in the pasted table: its HTML has elements nested more than 256 deep; the most a plan may have is 256 levels. Nothing was imported.');
    expect(await bot.store.plans.listPlans()).toEqual([]);
  }, 60_000);

  it('900 copies of one row (the old quadratic case) import as 900 actions', async () => {
    const reply = await send(withFile(jane, 'samerows.csv'));
    expect(reply).toContain('900 actions in 1 grid');
  }, 60_000);

  it('while a file is read, /healthz keeps answering and another person gets their reply first', async () => {
    // 100,000 paragraphs: inside every cap, and a second or more of parsing wherever it runs. Read on the
    // event loop, /healthz could not answer at all until it was done; in the reading thread it answers throughout.
    let importDone = false;
    const importing = send(withFile(jane, 'minutes.docx')).then((reply) => {
      importDone = true;
      return reply;
    });
    // The whole file has left the file server: from here the bot is reading it.
    await bot.connector.waitFor(() => served.includes('minutes.docx') || (undefined as unknown as false), 30_000);
    const help = await bot.say(sam, 'help');
    const samFirst = !importDone;
    let answered = 0;
    while (!importDone) {
      expect(await healthz()).toBe(200);
      if (!importDone) answered += 1;
    }
    expect(help.map(textOf).join('\n')).not.toBe('');
    expect(samFirst).toBe(true);
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(await importing).toBe('I could not read a plan in minutes.docx: no plan found: no tables. Nothing was imported.');
  }, 60_000);
});

describe('the reading thread', () => {
  it('is stopped past its time limit, and the file refused in one line', async () => {
    await expect(readPlanInWorker(hostile.repeatedCsv(10), 'plan.csv', { heapMb: 256, timeMs: 5 })).rejects.toThrow('it took longer than 5 ms to read; the most a plan may have is 5 ms of reading');
  });

  it('is stopped when it runs out of its heap, and the file refused in one line', async () => {
    await expect(readPlanInWorker(documents.get('shapes.pdf') as Uint8Array, 'plan.pdf', { heapMb: 8, timeMs: 60_000 })).rejects.toThrow('it needed more than 8 MB of memory to read; the most a plan may have is 8 MB');
  }, 60_000);
});
