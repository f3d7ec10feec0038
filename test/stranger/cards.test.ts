// Tried as a stranger would, over real HTTP on the five seed plans: "Show more" data that did not come
// from the bot.
// Each test asserts what a person would expect; they were written against the bot as landed, where they fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { cardAction } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerc', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await bot.sweep('2008-11-24T10:00:00Z');
}, 120_000);
afterAll(async () => bot?.close());

describe('"Show more" data that did not come from the bot', () => {
  it('a press whose list query is not JSON gets "could not be continued", not "something went wrong on my side"', async () => {
    const res = await bot.post(cardAction(bot.origin, jane, 'more', { query: '{"list":', offset: 20 }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('something went wrong');
    expect(JSON.stringify(res.body)).toContain('could not be continued');
  });
});
