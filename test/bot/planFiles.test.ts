// Plan files and board reports through the real bot over HTTP: a commissioner sends a plan file (Teams'
// download-info attachment, served by a local file server), sees the preview, presses Import and asks
// what is overdue; an owner who sends a file is told who imports; a file with no plan gets the reason;
// "board report for Q1 as PDF" gets Teams' file consent card; "roles merge" keeps to the caller's plans;
// a plan table pasted into the chat gets the same preview, and ordinary messages are left alone.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/fileDownload.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, meet, press, submit } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { cardAction, message, type TeamsPerson } from '../support/teamsActivity.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const jane: TeamsPerson = { aadObjectId: 'f1000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam: TeamsPerson = { aadObjectId: 'f1000000-0000-4000-8000-000000000002', name: 'Sam Patel' };

let bot: BotHarness;
let files: Server;
let base = '';

beforeAll(async () => {
  files = createServer((req, res) => {
    if (req.url === '/worcestershire.pdf') res.end(readFileSync(join(fixtures, 'office/002_435ae65e161c75e5.merged.pdf')));
    else if (req.url === '/minutes.docx') res.end('Minutes of the board, 3 March. Apologies: none.');
    else { res.statusCode = 404; res.end(); }
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const address = files.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  bot = await startBotHarness('botplanfiles', '2009-06-15T09:00:00Z');
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
});
afterAll(async () => {
  await bot?.close();
  files?.close();
});

function withFile(person: TeamsPerson, name: string) {
  return { ...message(bot.origin, person, ''), attachments: [{ contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl: `${base}/${name}`, uniqueId: name, fileType: name.split('.').at(-1) } }] };
}

async function send(activity: Partial<Activity>) {
  const res = await bot.post(activity);
  expect(res.status).toBeLessThan(300);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300);
}

const ask = async (person: TeamsPerson, text: string): Promise<string> => (await bot.say(person, text)).map(textOf).join('\n');

describe('a plan file sent to the bot in Teams', () => {
  it('previews, imports on the press of Import, and the plan then answers "what\'s overdue?"', async () => {
    const replies = await send(withFile(jane, 'worcestershire.pdf'));
    const card = cardOf(replies[0]);
    expect(textOf(replies[0])).toContain('Worcestershire SMAT');
    expect(textOf(replies[0])).toContain('112 actions in 5 grids');
    // Its lead role is JCM (its commissioning lead title), which nobody holds yet: Jane, the Commissioner, stands in.
    expect(textOf(replies[0])).toContain('whoever holds JCM (the plan\'s commissioning lead title with most actions): nobody yet (until someone does, whoever holds Commissioner stands in)');
    expect(Buffer.byteLength(JSON.stringify(replies[0]?.body))).toBeLessThan(25 * 1024);
    expect(await bot.store.plans.listPlans()).toEqual([]);
    const token = (card as { actions: { data: { token: string } }[] }).actions[0]?.data.token;
    expect(typeof token).toBe('string');
    // Import replaces the preview in place, so its buttons cannot be pressed again by mistake.
    const imported = await press(bot, jane, replies[0] as ConnectorCall, 'importPlan');
    expect(imported.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(answerText(imported)).toMatch(/Plan imported .*Imported worcestershire-smat-2009: new plan, 112 actions.*Jane Smith/);
    expect(JSON.stringify(imported.value)).not.toContain('importPlan');
    expect((await bot.store.plans.listPlans()).map((p) => p.actions)).toEqual([112]);
    // An old copy of the preview pressed again imports nothing more.
    const again = await bot.post(cardAction(bot.origin, jane, 'importPlan', { token: token as string }));
    expect(JSON.stringify(again.body)).toContain('expired or was already used');
    const overdue = await ask(jane, "what's overdue?");
    expect(overdue).toMatch(/Overdue/);
    expect(overdue).toMatch(/WOR-/);
  });

  it('Cancel from a client without Universal Actions (Action.Submit) replaces the preview and stores nothing', async () => {
    const before = await bot.store.plans.listPlans();
    const replies = await send(withFile(jane, 'worcestershire.pdf'));
    const sent = await submit(bot, jane, replies[0] as ConnectorCall, 'cancelImport');
    const update = sent.find((c) => c.kind === 'update');
    expect(update?.activityId).toBe(replies[0]?.activityId);
    expect(textOf(update)).toContain('Import cancelled');
    expect(sent.map(textOf).join('\n')).toContain('Cancelled: nothing was imported.');
    expect(await bot.store.plans.listPlans()).toEqual(before);
  });

  it('"how do I import a plan?" tells the commissioner to send the file, and an owner who to send it to', async () => {
    expect(await ask(jane, 'how do I import a plan?')).toContain('send me its file here (Word, PDF, Excel, CSV or text, up to 10 MB)');
    expect(await ask(sam, 'import')).toMatch(/Only a plan's commissioner .* Please send the file to Jane Smith/);
  });

  it('the same file activity delivered twice (a Teams retry) is answered with the same preview, not a second one', async () => {
    const activity = withFile(jane, 'worcestershire.pdf');
    const first = await send(activity);
    const again = await send(activity);
    const tokenOf = (call: ConnectorCall | undefined) => (cardOf(call) as { actions: { data: { token: string } }[] } | null)?.actions[0]?.data.token;
    expect(again).toHaveLength(2);
    expect(tokenOf(again[1])).toBe(tokenOf(first[0]));
  });

  it('a person who holds no role and sends a plan is told who imports, and nothing is stored', async () => {
    const before = await bot.store.plans.listPlans();
    const stranger: TeamsPerson = { aadObjectId: 'f1000000-0000-4000-8000-000000000009', name: 'Nora None' };
    const replies = await send(withFile(stranger, 'worcestershire.pdf'));
    expect(textOf(replies[0])).toContain("Only a plan's commissioner");
    expect(cardOf(replies[0])).toBeNull();
    expect(await bot.store.plans.listPlans()).toEqual(before);
  });

  it('tells an owner who sends a plan that the commissioner imports it, and stores nothing', async () => {
    const before = (await bot.store.plans.listPlans()).length;
    const replies = await send(withFile(sam, 'worcestershire.pdf'));
    expect(textOf(replies[0])).toContain("Only a plan's commissioner");
    expect((await bot.store.plans.listPlans()).length).toBe(before);
  });

  it('gives the reason for a file with no plan in it', async () => {
    const replies = await send(withFile(jane, 'minutes.docx'));
    expect(textOf(replies[0])).toBe('I could not read a plan in minutes.docx: no planning grid or delivery-plan table found. Nothing was imported.');
  });
});

describe('the board report in chat', () => {
  it('"board report for Q1 as PDF" answers with a file consent card for the PDF', async () => {
    const replies = await bot.say(jane, 'board report for Q1 as PDF');
    const consent = replies.flatMap((c) => (c.body.attachments as { contentType: string; name: string }[] | undefined) ?? [])
      .find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(consent?.name).toMatch(/\.pdf$/);
  });

  it('someone with no plan is told there is no report to send', async () => {
    const nobody: TeamsPerson = { aadObjectId: 'f1000000-0000-4000-8000-000000000009', name: 'Nobody' };
    await bot.install(nobody);
    expect(await ask(nobody, 'board report')).toContain('no role in any plan');
  });
});

describe('roles merge in chat', () => {
  it('the commissioner merges a role spelling into another; an owner may not', async () => {
    expect(await ask(sam, 'roles merge "SMLO" into "SMO"')).toContain('Only the commissioner or an admin');
    expect(await ask(jane, 'roles merge "Nobody Here" into "SMLO"')).toBe('No plan of yours and nobody names "Nobody Here", so there was nothing to merge.');
    const [plan] = await bot.store.plans.listPlans();
    const [into, from] = (plan?.roles ?? []).map((r) => r.name);
    expect(await ask(jane, `roles merge "${from}" into "${into}"`)).toMatch(new RegExp(`^Merged "${from}" into "${into}": Worcestershire`));
    const after = (await bot.store.plans.listPlans())[0]?.roles.map((r) => r.name) ?? [];
    expect(after).toContain(into);
    expect(after).not.toContain(from);
  });
});

// Teams sends a message's HTML as a text/html attachment beside its plain text; a table pasted from
// Word arrives that way (test/fixtures/pasted: expected results below, written by reading it).
const pastedHtml = readFileSync(join(fixtures, 'pasted/somerset-teams-paste.html'), 'utf8');

function withHtml(person: TeamsPerson, text: string, html: string) {
  return { ...message(bot.origin, person, text), attachments: [{ contentType: 'text/html', content: html }] };
}

describe('a plan table pasted into the chat', () => {
  it('gives the commissioner the same preview card as a file, and Import stores what the table says', async () => {
    const replies = await send(withHtml(jane, 'Somerset DAAT adult drug treatment plan 2012/13 …', pastedHtml));
    const card = cardOf(replies[0]);
    expect(textOf(replies[0])).toContain('Import the pasted table?');
    expect(textOf(replies[0])).toContain('Somerset DAAT');
    expect(textOf(replies[0])).toContain('4 actions in 1 grid');
    const token = (card as { actions: { data: { token: string } }[] }).actions[0]?.data.token;
    const press = await bot.post(cardAction(bot.origin, jane, 'importPlan', { token: token as string }));
    expect(JSON.stringify(press.body)).toMatch(/Imported somerset-daat-2012: new plan, 4 actions/);
    const plan = (await bot.store.plans.listPlans()).find((p) => p.partnership === 'Somerset DAAT');
    const stored = await bot.store.plans.getPlan(plan?.id ?? '');
    expect(stored?.actions.map((a) => [a.ref, a.objective, a.due, a.owners])).toEqual([
      ['2.1.1', 'More women in treatment', { kind: 'date', date: '2012-09-30' }, ["Women's Service Lead"]],
      // The lead cell spans two rows: it is the lead of both.
      ['2.1.2', 'More women in treatment', { kind: 'recurring', every: '3 months', from: null, until: null }, ["Women's Service Lead"]],
      ['2.1.3', 'More women in treatment', { kind: 'date', date: '2012-12-31' }, ['SMLO', 'Primary Care Lead']],
      ['2.1.4', 'More women in treatment', { kind: 'ongoing' }, ['Communications Officer', 'SMLO']],
    ]);
    expect(stored?.actions[1]?.text).toBe("Review the clinic's uptake with the refuge & outreach team");
  });

  it('tells an owner who pastes a plan table who imports it', async () => {
    const replies = await send(withHtml(sam, 'here is our plan', pastedHtml));
    expect(textOf(replies[0])).toContain("Only a plan's commissioner");
  });

  it('asks for the partnership and year when the pasted table does not say them', async () => {
    const bare = pastedHtml.replace(/<p>Somerset DAAT[^<]*<\/p>/, '');
    const replies = await send(withHtml(jane, '', bare));
    expect(textOf(replies[0])).toMatch(/^I could not read a plan in the pasted table: it does not say which partnership and plan year it is/);
  });

  it('leaves ordinary messages alone: their HTML, and a table that is not a plan, are read as chat', async () => {
    const plain = await send(withHtml(jane, "what's overdue?", "<div><div>what's overdue?</div></div>"));
    expect(textOf(plain[0])).toMatch(/Overdue|overdue/);
    const budget = '<table><tr><th>Budget line</th><th>2012/13</th></tr><tr><td>Staff</td><td>120,000</td></tr></table>';
    const notPlan = await send(withHtml(jane, 'Budget line 2012/13 Staff 120,000', budget));
    expect(textOf(notPlan[0])).not.toContain('Import');
    expect(cardOf(notPlan[0])?.actions ?? []).not.toEqual(expect.arrayContaining([expect.objectContaining({ verb: 'importPlan' })]));
  });
});
