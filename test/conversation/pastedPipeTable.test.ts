// A Markdown or pipe table pasted or typed as plain text is offered as a plan, as an HTML paste is: the
// commissioner gets the import preview and Import stores what the table says; an owner is told who
// imports; a pipe table that is not a plan, and a message with a pipe or two, are read as chat.
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { cardAction, message, type TeamsPerson } from '../support/teamsActivity.ts';

const jane: TeamsPerson = { aadObjectId: 'f2000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam: TeamsPerson = { aadObjectId: 'f2000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness('convpipetable', '2012-06-15T09:00:00Z');
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
}, 60_000);
afterAll(async () => bot?.close());

const markdown = [
  'Somerset DAAT adult drug treatment plan 2012/13, grid 2 as agreed at the board:',
  '',
  '| Ref | Action | Lead | Target date |',
  '|---|---|:---:|---|',
  '| Planning grid 2: Access and engagement |',
  '| 2.1.1 | Open a women-only clinic at the Taunton hub | Women\'s Service Lead | Sept 12 |',
  '| 2.1.2 | Agree referral routes with GP practices & the refuge | SMLO | Dec 12 |',
  '| 2.1.3 | Publish the new opening hours | Communications Officer | Ongoing |',
].join('\n');

async function send(person: TeamsPerson, text: string) {
  const activity: Partial<Activity> = message(bot.origin, person, text);
  const res = await bot.post(activity);
  expect(res.status).toBeLessThan(300);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300);
}

describe('a pipe table pasted as plain text', () => {
  it('gives the commissioner the import preview, and Import stores the rows', async () => {
    const replies = await send(jane, markdown);
    expect(textOf(replies[0])).toContain('Import the pasted table?');
    expect(textOf(replies[0])).toContain('Somerset DAAT');
    expect(textOf(replies[0])).toContain('3 actions in 1 grid');
    const token = (cardOf(replies[0]) as { actions: { data: { token: string } }[] }).actions[0]?.data.token;
    const press = await bot.post(cardAction(bot.origin, jane, 'importPlan', { token: token as string }));
    expect(JSON.stringify(press.body)).toMatch(/Imported somerset-daat-2012: new plan, 3 actions/);
    const plan = (await bot.store.plans.listPlans()).find((p) => p.partnership === 'Somerset DAAT');
    const stored = await bot.store.plans.getPlan(plan?.id ?? '');
    expect(stored?.actions.map((a) => [a.ref, a.text, a.due, a.owners])).toEqual([
      ['2.1.1', 'Open a women-only clinic at the Taunton hub', { kind: 'date', date: '2012-09-30' }, ["Women's Service Lead"]],
      ['2.1.2', 'Agree referral routes with GP practices & the refuge', { kind: 'date', date: '2012-12-31' }, ['SMLO']],
      ['2.1.3', 'Publish the new opening hours', { kind: 'ongoing' }, ['Communications Officer']],
    ]);
  });

  it('reads the table when Teams sends the typed lines as HTML paragraphs', async () => {
    const html = markdown.split('\n').map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</p>`).join('');
    expect(textOf((await send(jane, html))[0])).toContain('Import the pasted table?');
  });

  it('tells an owner who pastes one who imports plans', async () => {
    expect(textOf((await send(sam, markdown))[0])).toContain("Only a plan's commissioner");
  });

  it('leaves a pipe table that is not a plan, and a line with pipes, to be read as chat', async () => {
    const budget = await send(jane, '| Budget line | 2012/13 |\n|---|---|\n| Staff | 120,000 |');
    expect(textOf(budget[0])).not.toContain('Import the pasted table');
    const chat = await send(jane, "what's overdue? | thanks");
    expect(textOf(chat[0])).not.toContain('Import the pasted table');
  });
});
