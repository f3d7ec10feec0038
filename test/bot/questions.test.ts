import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';

const commissioner = { aadObjectId: 'e5000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e5000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'e5000000-0000-4000-8000-000000000003', name: 'Alex Jones' };

const plan = handMadePlan('ask-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-07-29' },
  { ref: '1.1.2', text: 'Report the treatment waiting times', owners: ['SMO'], due: '2011-10-03' },
  { ref: '1.1.3', text: 'Publish the harm reduction leaflet', owners: ['SMLO'], due: '2011-08-15' },
  { ref: '1.1.4', text: 'Sign the shared care protocol', owners: ['SMO'], due: '2011-08-01' },
  { ref: '1.2.1', text: 'Review the DIP pathway', owners: ['SMLO'], due: '2011-10-14' },
  { ref: '1.2.2', text: 'Survey the hostels', owners: ['SMLO'], due: '2011-11-15' },
  { ref: '1.3.1', text: 'Set up the carers group', owners: ['SMLO'], due: '2011-12-15' },
  { ref: '2.1.1', text: 'Train the custody nurses', owners: ['DIP Manager'], due: '2011-09-01', grid: 2 },
  { ref: '2.1.2', text: 'Open the custody suite clinic', owners: ['DIP Manager'], due: '2011-10-17', grid: 2 },
  { ref: '2.2.1', text: 'Commission the arrest referral service', owners: ['SMO'], due: '2011-11-30', grid: 2 },
], { 1: 'Treatment', 2: 'Criminal justice' });

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botask', '2011-06-01T09:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, commissioner, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  bot.clock.set('2011-10-10T09:00:00Z');
  await bot.say(sam, 'done 1.1.3');
  await bot.say(alex, 'blocked 1.1.4: waiting for the PCT');
  // Wed 12 Oct 2011.
  bot.clock.set('2011-10-12T09:00:00Z');
});
afterAll(async () => bot?.close());

async function ask(person: TeamsPerson, text: string): Promise<string> {
  const replies = await bot.say(person, text);
  expect(replies).toHaveLength(1);
  return textOf(replies[0]);
}
/** The refs in a list card, in the order shown. */
const refsIn = (text: string): string[] => [...text.matchAll(/\b(\d\.\d\.\d)\s{2}/g)].map((m) => m[1] as string);
const before = (text: string, a: string, b: string): boolean => text.indexOf(a) >= 0 && text.indexOf(a) < text.indexOf(b);

describe('the commissioner asks', () => {
  it("\"what's overdue?\": the late actions, oldest first, grouped by grid", async () => {
    const text = await ask(commissioner, "what's overdue?");
    expect(text).toContain('Overdue: 3 actions');
    // Grid 1 comes first because it holds the oldest (29 Jul); inside each grid, oldest first.
    expect(refsIn(text)).toEqual(['1.1.1', '1.1.2', '2.1.1']);
    expect(before(text, 'Testshire DAT · Grid 1: Treatment', '1.1.1')).toBe(true);
    expect(before(text, '1.1.2', 'Testshire DAT · Grid 2: Criminal justice')).toBe(true);
    expect(text).toContain('Fri 29 Jul 2011');
    expect(text).toContain('75 days late');
    // Done and blocked actions are not overdue.
    expect(text).not.toContain('1.1.3');
    expect(text).not.toContain('1.1.4');
  });

  it("\"what's overdue by owner\": grouped under each owner role", async () => {
    const text = await ask(commissioner, "what's overdue by owner");
    expect(refsIn(text)).toEqual(['1.1.1', '2.1.1', '1.1.2']);
    expect(before(text, 'SMLO', '1.1.1')).toBe(true);
    expect(before(text, 'DIP Manager', '2.1.1')).toBe(true);
    expect(text).toContain('DIP Manager (nobody yet)');
  });

  it("\"what's due this week\": Wednesday to Sunday", async () => {
    const text = await ask(commissioner, "what's due this week?");
    expect(text).toContain('Due this week');
    expect(refsIn(text)).toEqual(['1.2.1']);
  });

  it('"due next month": November', async () => {
    const text = await ask(commissioner, 'what is due next month');
    expect(text).toContain('Due next month');
    expect(refsIn(text)).toEqual(['1.2.2', '2.2.1']);
  });

  it('"blocked": the blocked action and why', async () => {
    const text = await ask(commissioner, "what's blocked?");
    expect(refsIn(text)).toEqual(['1.1.4']);
    expect(text).toContain('blocked: waiting for the PCT');
    // A bare "blocked" is an answer missing its reason: nothing changes, and the list is offered.
    const bare = await ask(commissioner, 'blocked');
    expect(bare).toContain('Nothing was changed');
    expect(bare).toContain(`say "what's blocked?"`);
  });

  it('"status 1.1.3": the action in detail with its history', async () => {
    const text = await ask(commissioner, 'status 1.1.3');
    expect(text).toContain('Publish the harm reduction leaflet');
    expect(text).toContain('Done');
    expect(text).toContain('Sam Patel');
    expect(await ask(commissioner, 'status 9.9.9')).toContain(`I can't find an action "9.9.9"`);
  });

  it('"help" and "hello" get the help card; anything the bot does not understand is said so', async () => {
    for (const words of ['help', 'hello']) {
      const text = await ask(commissioner, words);
      expect(text).toContain('Hello Jane Smith');
      expect(text).toContain("what's overdue?");
      expect(text).toContain('status BED-14');
    }
    expect(await ask(commissioner, 'bananas and custard')).toContain("I didn't understand that, so nothing was changed.");
  });
});

describe('an owner asks', () => {
  it('"my actions": what their roles own and is not done, soonest first', async () => {
    const text = await ask(sam, 'my actions');
    expect(text).toContain('Your open actions: 4 actions');
    expect(refsIn(text)).toEqual(['1.1.1', '1.2.1', '1.2.2', '1.3.1']);
  });

  it('"my actions" with nothing open, or with no role, says so', async () => {
    const text = await ask(commissioner, 'my actions');
    expect(text).toContain('Your open actions: 0 actions');
    expect(text).toContain('None of your actions are open.');
    const newcomer = { aadObjectId: 'e5000000-0000-4000-8000-000000000009', name: 'Priya Shah' };
    await meet(bot, newcomer);
    expect(await ask(newcomer, 'my actions')).toBe('You hold no role in any plan here yet, so there is nothing to show you. Ask Jane Smith to give you one (e.g. "assign SMLO to Priya Shah").');
  });
});
