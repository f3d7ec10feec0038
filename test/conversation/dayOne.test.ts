// Day one over real HTTP on the seed plans: small talk, questions about the person themself, and an
// action named by its words (offered with its code, changed only after "yes").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/domain/ports.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';
import { testTenantId } from '../support/teamsActivity.ts';

const sam = person('Sam Patel');
const jane = person('Jane Smith');
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness('convday', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
}, 120_000);
afterAll(async () => bot?.close());

const say = async (who: typeof sam, text: string): Promise<string> => (await bot.say(who, text)).map(textOf).join('\n');

describe('day one', () => {
  it('greets, thanks and says goodbye in a line, never "I didn\'t understand"', async () => {
    expect(await say(sam, 'Hello there!')).toContain('Hello Sam');
    expect(await say(sam, 'thanks')).toContain('welcome');
    expect(await say(sam, 'bye')).toContain('Bye for now');
    expect(await say(sam, 'what is this?')).toContain('I am actionbot');
  });

  it('"who am I?" and "what are my roles?" name the person and their roles, never a role "am I"', async () => {
    const who = await say(sam, 'who am I?');
    expect(who).toContain('You are Sam Patel');
    expect(who).toContain('SMLO');
    expect(await say(sam, 'what are my roles?')).toContain('SMLO');
  });

  it('"who is my commissioner?" names each plan\'s lead role and its holder', async () => {
    const reply = await say(sam, 'who is my commissioner?');
    expect(reply).toContain('Bedfordshire');
    expect(reply).toContain('Jane Smith');
  });

  it('"what\'s my next deadline?" gives the earliest of the person\'s open actions from today', async () => {
    const mine = (await bot.store.actions.ofRoles(testTenantId, demo.people.find((p) => p.name === 'Sam Patel')?.roles ?? []))
      .filter((a) => a.progress.status !== 'done' && a.progress.dueDate !== null && a.progress.dueDate >= '2008-11-24')
      .sort((a, b) => (a.progress.dueDate ?? '').localeCompare(b.progress.dueDate ?? ''));
    const reply = await say(sam, "what's my next deadline?");
    expect(reply).toContain('Your next deadline');
    expect(reply).toContain((mine[0] as StoredAction).action.text.slice(0, 30));
  });

  it('an action named by its words is offered with its code and changed only after yes', async () => {
    const bed = (await bot.store.plans.listPlans()).find((p) => p.code === 'BED');
    const target = (await bot.store.actions.listPlanActions(bed?.id ?? '')).find((a) => a.progress.status === 'open' && a.action.text.split(' ').length >= 6) as StoredAction;
    const words = target.action.text.split(/\s+/).slice(0, 6).join(' ');
    const asked = await say(jane, `${words} - done`);
    expect(asked).toContain('I think you mean');
    expect((await bot.store.actions.get(target.planId, target.action.id))?.progress.status).toBe('open');
    await say(jane, 'yes');
    expect((await bot.store.actions.get(target.planId, target.action.id))?.progress.status).toBe('done');
  });
});
