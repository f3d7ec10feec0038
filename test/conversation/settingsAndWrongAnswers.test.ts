// Settings in common words and answers that were wrong, over real HTTP on the seed plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const sam = person('Sam Patel');
const jane = person('Jane Smith');
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness('convset', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
}, 120_000);
afterAll(async () => bot?.close());

const say = async (who: typeof sam, text: string): Promise<string> => (await bot.say(who, text)).map(textOf).join('\n');

describe('settings in common words', () => {
  it('"Could you just send me my reminders once a week, on Fridays?" sets weekly on Friday', async () => {
    await say(sam, 'Could you just send me my reminders once a week, on Fridays?');
    expect((await bot.store.settings.get(sam.aadObjectId)).mode).toEqual({ kind: 'weekly', weekday: 5 });
    await say(sam, 'please switch my reminders back to every working day');
    expect((await bot.store.settings.get(sam.aadObjectId)).mode).toEqual({ kind: 'daily' });
  });

  it('"Alex Jones is covering SMLO for me until …" covers SMLO (not a role "SMLO for me")', async () => {
    const reply = await say(sam, 'Alex Jones is covering SMLO for me until Friday 19 December');
    expect(reply).not.toContain('SMLO for me');
    expect((await bot.store.settings.covers()).some((c) => c.role === 'SMLO')).toBe(true);
  });

  it('"my settings" names each snoozed action by its code', async () => {
    const bed = (await bot.store.plans.listPlans()).find((p) => p.code === 'BED');
    const action = (await bot.store.actions.listPlanActions(bed?.id ?? '')).find((a) => a.progress.status === 'open' && a.action.code) as { action: { code: string; text: string } };
    await say(jane, `snooze ${action.action.code} until 5 December`);
    const reply = await say(jane, 'my settings');
    expect(reply).toContain(`Snoozed: ${action.action.code}`);
  });
});

describe('wrong answers fixed', () => {
  it('"overdue in grid 9" says no plan has a grid 9 and names the grids there are', async () => {
    const reply = await say(jane, 'overdue in grid 9');
    expect(reply).toContain('No plan you can see has a grid 9');
    expect(reply).toMatch(/BED 1, 2/);
  });

  it('"done this week" reads naturally (no "Done done")', async () => {
    const reply = await say(jane, 'what was done this week?');
    expect(reply).not.toMatch(/Done done/);
  });
});
