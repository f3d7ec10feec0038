// Each person sees their plans: a plan belongs to its importer's tenant; a person sees the plans of their
// tenant that name a role they hold; a person with no role is told who to ask; another tenant sees and
// changes nothing, even with ALLOWED_TENANTS empty.
import { executes } from '../support/digestPress.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { cardAction, message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const OTHER_TENANT = '0a0a0a0a-0000-4000-8000-0000000000ff';
const jane = { aadObjectId: 'f6000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'f6000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const priya = { aadObjectId: 'f6000000-0000-4000-8000-000000000003', name: 'Priya Shah' };
const mallory = { aadObjectId: 'f6000000-0000-4000-8000-000000000004', name: 'Mallory Other' };

const ours = handMadePlan('ours-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-01' },
  { ref: '1.2', text: 'Report the waiting times', owners: ['SMO'], due: '2011-09-02' },
]);
const theirs = handMadePlan('theirs-2011', 'Otherborough DAAT', planYear2011, [
  { ref: '9.1', text: 'Open the other clinic', owners: ['SMLO'], due: '2011-09-01' },
]);

let bot: BotHarness;
beforeAll(async () => {
  // ALLOWED_TENANTS is empty: other tenants reach the bot, and must still see nothing of ours.
  bot = await startBotHarness('botaccess', '2011-08-01T09:00:00Z');
  await bot.importPlan(ours);
  await storePlan(bot.runtime.services, theirs, OTHER_TENANT);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, priya);
  await bot.post({ ...message({ ...bot.origin, tenantId: OTHER_TENANT }, mallory, 'hello') });
  // Mallory holds SMLO and the lead role in her own tenant.
  for (const role of ['SMLO', 'Commissioner']) await bot.store.roles.assign(OTHER_TENANT, role, mallory.aadObjectId, { id: 'test', name: 'test' }, '2011-08-01T09:00:00Z');
  bot.clock.set('2011-09-10T09:00:00Z');
});
afterAll(async () => bot?.close());

async function say(who: TeamsPerson, text: string, tenantId?: string): Promise<string> {
  const activity = message(tenantId ? { ...bot.origin, tenantId } : bot.origin, who, text);
  await bot.post(activity);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}

describe('who sees what', () => {
  it('an owner sees the plans of their tenant that name their role, and no other', async () => {
    const text = await say(sam, "what's overdue?");
    expect(text).toContain('TES-1.1');
    expect(text).not.toContain('Otherborough');
    expect(text).not.toContain('9.1');
  });

  it('a person with no role sees no action and is told who to ask', async () => {
    for (const words of ["what's overdue?", 'summary', 'roles', 'who is SMLO?', 'done 1.1', 'status 1.1']) {
      expect(await say(priya, words)).toBe('You hold no role in any plan here yet, so there is nothing to show you. Ask Jane Smith to give you one (e.g. "assign SMLO to Priya Shah").');
    }
  });

  it('another tenant sees none of our plans, people or roles, and changes nothing', async () => {
    const overdue = await say(mallory, "what's overdue?", OTHER_TENANT);
    expect(overdue).toContain('Otherborough');
    expect(overdue).not.toContain('Testshire');
    expect(await say(mallory, 'who is SMLO?', OTHER_TENANT)).toBe('SMLO: Mallory Other');
    expect(await say(mallory, 'done TES-1.1', OTHER_TENANT)).toContain('I can\'t find an action "TES-1.1"');
    expect(await say(mallory, 'assign SMLO to Sam Patel', OTHER_TENANT)).toContain('I don\'t know anyone called "Sam Patel"');
    expect((await bot.store.actions.get('ours-2011', 'ours-2011-1.1'))?.progress.status).toBe('open');
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).toEqual([sam.aadObjectId]);
    expect(await bot.store.roles.holders(OTHER_TENANT, 'SMLO')).toEqual([mallory.aadObjectId]);
  });

  it("another tenant's press on one of our cards is refused and changes nothing", async () => {
    // The day before it is due, Sam is reminded.
    await bot.sweep('2011-08-31T09:00:00Z');
    const [card] = cardsAbout(bot, sam, 'Agree the needle exchange audit').filter((c) => textOf(c).includes('Done'));
    // Sam's reminder is his single-action card or a line of his digest: either button, pressed by Mallory.
    const done = executes(cardOf(card)).find((a) => a.verb === 'done' || a.verb === 'digest.done')!;
    const res = await bot.post(cardAction({ ...bot.origin, tenantId: OTHER_TENANT }, mallory, done.verb ?? '', done.data ?? {}, card!.activityId ?? undefined));
    expect(JSON.stringify(res.body)).toMatch(/Not saved|Nothing was changed/);
    expect((await bot.store.actions.get('ours-2011', 'ours-2011-1.1'))?.progress.status).toBe('open');
  });
});
