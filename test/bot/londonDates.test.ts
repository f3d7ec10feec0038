// The status card dates each answer by the London day it was given: Sam's "done" at 00:30 on Monday
// 1 August 2011 (BST; 23:30 UTC on the Sunday) shows as Mon 1 Aug 2011.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const sam = { aadObjectId: 'e6000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const plan = handMadePlan('london-2011', 'Testshire DAT', planYear2011, [
  { ref: '7.1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-08-05' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botlondon', '2011-07-01T09:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, sam, 'SMLO');
});
afterAll(async () => bot?.close());

describe('dates people see', () => {
  it("an answer given between midnight and 01:00 BST is shown on that London day", async () => {
    bot.clock.set('2011-07-31T23:30:00Z');
    await bot.say(sam, 'done 7.1.1');
    const [reply] = await bot.say(sam, 'status 7.1.1');
    const text = textOf(reply);
    expect(text).toContain('Mon 1 Aug 2011');
    expect(text).not.toContain('Sun 31 Jul 2011');
  });
});
