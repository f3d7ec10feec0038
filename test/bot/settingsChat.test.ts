// Reminder settings typed in the chat, through the real bot over HTTP: leave, weekly mode, and
// "my settings" saying back what was saved (the digest reads the same settings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';

const sam: TeamsPerson = { aadObjectId: 'f2000000-0000-4000-8000-000000000001', name: 'Sam Patel' };
const plan = handMadePlan('settings-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-30' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botsettingschat', '2011-09-01T09:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, sam, 'SMLO');
});
afterAll(async () => bot?.close());

const ask = async (person: TeamsPerson, text: string): Promise<string> => (await bot.say(person, text)).map(textOf).join('\n');

describe('reminder settings in chat', () => {
  it('"I\'m on leave until 16 Sept" pauses reminders as leave, and "my settings" says so', async () => {
    const reply = await ask(sam, "I'm on leave until 19 Sept");
    expect(reply).toContain('19 Sep 2011');
    expect(reply).not.toContain("can't do it here yet");
    expect(await ask(sam, 'my settings')).toMatch(/leave/i);
    // The 14-days-before step falls on Fri 16 Sep: nothing goes while Sam is on leave.
    expect((await bot.sweep('2011-09-16T08:00:00Z')).sent).toBe(0);
  });

  it('"remind me weekly on Monday" is saved and said back', async () => {
    const reply = await ask(sam, 'remind me weekly on Monday');
    expect(reply).toMatch(/Monday/);
    expect(await ask(sam, 'my settings')).toMatch(/weekly/i);
  });
});
