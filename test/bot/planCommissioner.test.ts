// The commissioner is per plan: whoever holds that plan's lead role (in its tenant). Worcestershire's
// lead is JCM, the Isle of Wight's Commissioner: each sees and reopens their own plan's actions, hears its
// escalations, and nothing of the other's beyond what their roles show. Over HTTP, Teams-shaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const wendy = { aadObjectId: 'c7000000-0000-4000-8000-000000000001', name: 'Wendy Morgan' }; // JCM: Worcestershire's lead
const cat = { aadObjectId: 'c7000000-0000-4000-8000-000000000002', name: 'Cat Walker' }; // Commissioner: the Isle of Wight's lead
const sam = { aadObjectId: 'c7000000-0000-4000-8000-000000000003', name: 'Sam Patel' }; // SMLO in both
const nia = { aadObjectId: 'c7000000-0000-4000-8000-000000000004', name: 'Nia Owen' }; // no role

// Worcestershire names "Commissioner" too (one action): Cat sees that plan, but does not run it.
const wor = handMadePlan('wor-2011', 'Worcestershire SMAT', planYear2011, [
  { ref: '1.1', text: 'Complete the clinical governance self assessment', owners: ['SMLO'], due: '2011-06-30' },
  { ref: '1.2', text: 'Finalise the review documentation', owners: ['JCM'], due: '2011-07-31' },
  { ref: '1.3', text: 'Report the review to the JCG', owners: ['Commissioner'], due: '2011-12-31' },
  { ref: '1.4', text: 'Agree the housing pathway', owners: ['SMLO'], due: '2011-08-01' },
]);
const iw = handMadePlan('iw-2011', 'Isle of Wight DAT', planYear2011, [
  { ref: '2.1', text: 'Publish the treatment directory', owners: ['SMLO'], due: '2011-06-30' },
  { ref: '2.2', text: 'Commission the recovery cafe', owners: ['Commissioner'], due: '2011-12-31' },
  { ref: '2.3', text: 'Train the pharmacists', owners: ['SMLO'], due: '2011-08-01' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botplanlead', '2011-05-01T09:00:00Z');
  // Worcestershire names the LEAD_ROLE setting, so its lead role is named at import (--lead-role JCM).
  await storePlan(bot.runtime.services, wor, testTenantId, 'JCM');
  await bot.importPlan(iw);
  await meet(bot, wendy, 'JCM');
  await meet(bot, cat, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, nia);
  bot.clock.set('2011-07-20T09:00:00Z');
}, 30_000);
afterAll(async () => bot?.close());

async function say(who: TeamsPerson, text: string): Promise<string> {
  const activity = message(bot.origin, who, text);
  await bot.post(activity);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}

describe('the commissioner of each plan', () => {
  it('is recorded with the plan: Worcestershire JCM (named at import), the Isle of Wight Commissioner (the setting)', async () => {
    const plans = await bot.store.plans.listPlans();
    expect(plans.map((p) => [p.partnership, p.leadRole])).toEqual([['Isle of Wight DAT', 'Commissioner'], ['Worcestershire SMAT', 'JCM']]);
    expect(await say(sam, 'who commissions WOR?')).toBe('WOR (Worcestershire SMAT) is commissioned by whoever holds JCM: Wendy Morgan.');
  });

  it("a Worcestershire lead sees Worcestershire's overdue list, and none of the Isle of Wight's", async () => {
    const overdue = await say(wendy, "what's overdue?");
    expect(overdue).toContain('WOR-1.1');
    expect(overdue).not.toContain('IW-');
    expect(await say(wendy, "what's overdue in Isle of Wight?")).not.toContain('Publish the treatment directory');
    expect(await say(wendy, 'status IW-2.1')).toContain('I can\'t find');
  });

  it('a Worcestershire lead may reopen a Worcestershire action; the Isle of Wight commissioner may not', async () => {
    expect(await say(sam, 'done WOR-1.1')).toContain('done');
    expect((await bot.store.actions.get('wor-2011', 'wor-2011-1.1'))?.progress.status).toBe('done');
    // Cat sees Worcestershire (it names her role) but does not run it.
    expect(await say(cat, 'status WOR-1.1')).toContain('Complete the clinical governance self assessment');
    expect(await say(cat, 'reopen WOR-1.1')).toContain('only the commissioner of this plan or an admin can reopen');
    expect((await bot.store.actions.get('wor-2011', 'wor-2011-1.1'))?.progress.status).toBe('done');
    expect(await say(wendy, 'reopen WOR-1.1')).toMatch(/reopened|open again/i);
    expect((await bot.store.actions.get('wor-2011', 'wor-2011-1.1'))?.progress.status).toBe('open');
  });

  it('an Isle of Wight commissioner cannot reopen a Worcestershire action it cannot see, and Wendy none of the Isle of Wight', async () => {
    expect(await say(sam, 'done IW-2.1')).toContain('done');
    expect(await say(wendy, 'reopen IW-2.1')).toContain('I can\'t find');
    expect((await bot.store.actions.get('iw-2011', 'iw-2011-2.1'))?.progress.status).toBe('done');
    expect(await say(cat, 'reopen IW-2.1')).toMatch(/reopened|open again/i);
  });

  it('a person with no role is told to ask the commissioners of the tenant\'s plans', async () => {
    const text = await say(nia, "what's overdue?");
    expect(text).toContain('Wendy Morgan');
    expect(text).toContain('Cat Walker');
  });

  it('escalations of each plan go to its own commissioner', async () => {
    // 2011-08-15: Sam's two actions due 1 August are 14 days late.
    await bot.sweep('2011-08-15T09:00:00Z');
    const attention = (who: TeamsPerson): string => cardsAbout(bot, who, 'Needs your attention').map(textOf).join('\n');
    expect(attention(wendy)).toContain('Agree the housing pathway');
    expect(attention(wendy)).not.toContain('Train the pharmacists');
    expect(attention(cat)).toContain('Train the pharmacists');
    expect(attention(cat)).not.toContain('Agree the housing pathway');
  }, 30_000);

  it('"lead roles" lists who commissions each plan; a person named where a role is wanted is told how', async () => {
    expect(await say(cat, 'who are the commissioners?')).toBe([
      'Who commissions your plans (whoever holds the plan\'s lead role):',
      '- IW (Isle of Wight DAT): whoever holds Commissioner: Cat Walker',
      '- WOR (Worcestershire SMAT): whoever holds JCM: Wendy Morgan',
    ].join('\n'));
    expect(await say(wendy, 'lead role for WOR is Cat Walker please')).toBe('Cat Walker is a person, not a role: WOR is commissioned by whoever holds its lead role (JCM). To make Cat Walker its commissioner: "assign JCM to Cat Walker". Nothing was changed.');
  });

  it('the lead role is changed in chat by the plan\'s commissioner, not by another plan\'s', async () => {
    expect(await say(cat, 'lead role for WOR is Commissioner')).toBe("Only Worcestershire SMAT's commissioner (JCM: Wendy Morgan) or an admin can change the lead role of WOR. Nothing was changed.");
    expect(await say(wendy, 'lead role for WOR is SLMO')).toContain('Did you mean SMLO?');
    expect(await say(wendy, 'lead role for WOR is SMLO')).toBe('WOR (Worcestershire SMAT) is now commissioned by whoever holds SMLO: Sam Patel. Its lead role was JCM.');
    expect((await bot.store.plans.listPlans()).find((p) => p.id === 'wor-2011')?.leadRole).toBe('SMLO');
    // Wendy handed it on: she no longer reopens Worcestershire's actions; Sam does.
    expect(await say(sam, 'done WOR-1.1')).toContain('done');
    expect(await say(wendy, 'reopen WOR-1.1')).toContain('only the commissioner of this plan or an admin can reopen');
    expect(await say(sam, 'reopen WOR-1.1')).toMatch(/reopened|open again/i);
  });

  it('"what was done this month?" counts from the 1st, not from today (a stranger\'s finding)', async () => {
    bot.clock.set('2011-08-16T09:00:00Z');
    expect(await say(sam, 'done WOR-1.4')).toContain('Saved');
    bot.clock.set('2011-08-25T09:00:00Z');
    const text = await say(sam, 'what was done this month?');
    expect(text).toContain('Agree the housing pathway');
    expect(text).toMatch(/Done this month: \d+ actions?/i);
  });
});
