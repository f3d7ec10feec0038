// Found in Microsoft's Teams emulator: "what's overdue?" listed actions due the same day in text order
// (1.18, 1.19, 1.2, 1.20). People number them 1.2, 1.10, 1.18: the list follows the plan's own order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const jane = { aadObjectId: 'e3300000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const refs = ['1.18', '1.2', '1.10', '1.9', '2.1', '1.1'];
const plan = handMadePlan('order', 'Testshire DAT', planYear2011, refs.map((ref) => ({ ref, text: `Action number ${ref}`, owners: ['SMLO'], due: '2011-09-16' })));

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('overdueOrder', '2011-09-30T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
});
afterAll(async () => bot?.close());

describe("what's overdue, several due the same day", () => {
  it('lists them in the order people number them', async () => {
    const text = (await bot.say(jane, "what's overdue?")).map(textOf).join('\n');
    const order = [...text.matchAll(/Action number (\d+\.\d+)/g)].map((m) => m[1]);
    expect(order).toEqual(['1.1', '1.2', '1.9', '1.10', '1.18', '2.1']);
  });
});
