// A note for the commissioner ("Sam Patel has not opened the reminders of …") is not a reason to message
// her on a Sunday: like every reminder, it waits for the next working day, and is said then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsTo, meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const jane = { aadObjectId: 'e3100000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e3100000-0000-4000-8000-000000000002', name: 'Sam Patel' };

const plan = handMadePlan('weekendnotes', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-29' },
  { ref: '1.2', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-10-20' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('weekendNotes', '2011-09-20T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
});
afterAll(async () => bot?.close());

describe("the commissioner's notes at a weekend", () => {
  it('an unopened digest is not told on a Sunday, and is told on the Monday', async () => {
    // Thu 29 Sep 2011: Sam's reminder (due today), which he never opens.
    await bot.sweep('2011-09-29T08:00:00Z');
    expect(cardsTo(bot, sam).length).toBeGreaterThan(0);
    const before = cardsTo(bot, jane).length;
    await bot.sweep('2011-10-02T08:00:00Z'); // Sunday
    expect(cardsTo(bot, jane)).toHaveLength(before);
    await bot.sweep('2011-10-03T08:00:00Z'); // Monday
    const told = cardsTo(bot, jane).slice(before).map(textOf);
    expect(told.some((t) => t.includes('Sam Patel has not opened the reminders of Thu 29 Sep 2011'))).toBe(true);
  });
});
