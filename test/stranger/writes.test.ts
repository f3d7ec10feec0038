// Tried as a stranger would, over real HTTP on the five seed plans: what changes the record wrongly,
// loses an answer or shows a plan to someone it does not belong to. Each test asserts what a person
// would expect; they were written against the bot as landed, where they fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/domain/ports.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
const tom = person('Tom Hughes'); // an admin
// Holds only the lead role, which Isle of Wight and Bedfordshire name and Worcestershire and Peterborough do not.
const carol: TeamsPerson = { aadObjectId: 'f8000000-0000-4000-8000-00000000000c', name: 'Carol Lead' };

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerw', '2008-11-24T10:00:00Z', { ADMINS: tom.aadObjectId });
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await meet(bot, carol, 'Commissioner');
}, 120_000);
afterAll(async () => bot?.close());

async function say(who: TeamsPerson, text: string): Promise<string> {
  return (await bot.say(who, text)).map(textOf).join('\n');
}
async function byCode(code: string): Promise<StoredAction> {
  for (const plan of await bot.store.plans.listPlans()) {
    const found = (await bot.store.actions.listPlanActions(plan.id)).find((a) => a.action.code === code);
    if (found) return found;
  }
  throw new Error(`no action ${code}`);
}

describe('answers that change the record', () => {
  it('"done A, B and C" (three codes, as help suggests) saves all three, not only the first', async () => {
    const reply = await say(jane, 'done IW-2.1.1, IW-6.1.1 and IW-6.1.2');
    for (const code of ['IW-2.1.1', 'IW-6.1.1', 'IW-6.1.2']) expect((await byCode(code)).progress.status, `${code} after: ${reply}`).toBe('done');
  });

  it('"done A and B" where B does not exist says that B was not found, instead of only "Saved: A"', async () => {
    const reply = await say(jane, 'done IW-1.2.4 and IW-1.2.9');
    expect(reply).toContain('IW-1.2.4');
    expect(reply).toContain('IW-1.2.9');
  });

  it('"delayed … because of the audit" keeps the person\'s words as the reason', async () => {
    await say(jane, 'delayed IW-1.7.1 to 15/01/2009 because of the audit');
    expect((await byCode('IW-1.7.1')).progress.reason).toBe('because of the audit');
  });

  it('"undo" after "done A, B and C" takes back all three, not only the last (the reply offered "undo" for all)', async () => {
    const codes = ['IW-1.3.1', 'IW-1.4.4', 'IW-5.1.1'];
    const saved = await say(jane, `done ${codes[0]}, ${codes[1]} and ${codes[2]}`);
    for (const code of codes) expect((await byCode(code)).progress.status, `${code} after: ${saved}`).toBe('done');
    expect(saved).toContain('Type "undo" to take that back');
    await say(jane, 'undo');
    for (const code of codes) expect((await byCode(code)).progress.status, `${code} after undo`).toBe('open');
  });
});



describe('a recurring action several occurrences behind, answered with another', () => {
  it('"done A and B" where A is behind asks about A and still closes B when confirmed', async () => {
    bot.clock.set('2009-02-16T10:00:00Z');
    const asked = await say(jane, 'done IW-1.1.3 and IW-5.1.2');
    expect(asked).toContain('IW-1.1.3');
    await say(jane, 'yes');
    expect((await byCode('IW-5.1.2')).progress.status, `after: ${asked}`).toBe('done');
  });
});
