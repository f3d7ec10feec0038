// Issue 18 sharp edge: a suggestion only names a real code the person may answer. "snooze" alone and "how
// do I mark something as done?" used to suggest "PB-14", a code that exists nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const sam = { aadObjectId: 'e4200000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const ruth = { aadObjectId: 'e4200000-0000-4000-8000-000000000003', name: 'Ruth Owen' };
const plan = handMadePlan('codes', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-10-14' },
  { ref: '1.2', text: 'Audit the needle exchange', owners: ['SMLO'], due: '2011-09-30' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('realCodes', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, sam, 'SMLO');
  await meet(bot, ruth);
});
afterAll(async () => bot?.close());

const say = async (person: typeof sam, text: string): Promise<string> => (await bot.say(person, text)).map(textOf).join('\n');

describe('suggestions', () => {
  it.each(['snooze', 'how do I mark something as done?'])('to "%s" name only a real code of the person\'s own actions', async (text) => {
    const reply = await say(sam, text);
    expect(reply).not.toContain('PB-14');
    // Sam's most pressing open action is 1.2 (due 30 Sep).
    if (/[A-Z]{2,}-\d/.test(reply)) expect(reply).toMatch(/TES-1\.2|TES-1\.1/);
  });

  it('to someone with no actions name no code at all', async () => {
    const reply = await say(ruth, 'how do I mark something as done?');
    expect(reply).not.toContain('PB-14');
  });
});
