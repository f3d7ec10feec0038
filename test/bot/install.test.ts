import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { botAdded, installationUpdate, personalConversationId, testTenantId } from '../support/teamsActivity.ts';

const commissioner = { aadObjectId: 'a1000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'a1000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'a1000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const priya = { aadObjectId: 'a1000000-0000-4000-8000-000000000004', name: 'Priya Shah' };
const tom = { aadObjectId: 'a1000000-0000-4000-8000-000000000005', name: 'Tom Hughes' };

const plan = handMadePlan('install-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-30' },
  { ref: '1.1.2', text: 'Report the treatment waiting times', owners: ['SMO'], due: '2011-10-31' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botinstall', '2011-09-01T09:00:00Z');
  await bot.importPlan(plan);
});
afterAll(async () => bot?.close());

// The greeting is the bot's answer to the install activity, so it arrives as a reply in the chat.
const greetingsTo = (person: typeof sam) => bot.connector.sentTo(personalConversationId(person)).filter((c) => textOf(c).includes(`Hello ${person.name}`));

describe('installing the bot in Teams', () => {
  it('saves the person with their AAD id, tenant, name and where to reach them, and greets them once with the help card', async () => {
    await bot.install(sam);
    const saved = await bot.store.people.get(sam.aadObjectId);
    expect(saved).toEqual({ id: sam.aadObjectId, tenantId: testTenantId, name: 'Sam Patel', reachable: true, teamsId: `29:${sam.aadObjectId}` });
    const reference = (await bot.store.people.conversationOf(sam.aadObjectId)) as { conversation: { id: string; tenantId: string }; serviceUrl: string; channelId: string; user: { aadObjectId: string } };
    expect(reference.conversation.id).toBe(personalConversationId(sam));
    expect(reference.conversation.tenantId).toBe(testTenantId);
    expect(reference.serviceUrl).toBe(bot.connector.url);
    expect(reference.channelId).toBe('msteams');
    expect(reference.user.aadObjectId).toBe(sam.aadObjectId);

    const greetings = greetingsTo(sam);
    expect(greetings).toHaveLength(1);
    // The help card lists what people can type, generated from the commands.
    expect(textOf(greetings[0])).toContain("what's overdue?");
    expect(textOf(greetings[0])).toContain('done 1.2.3');
  });

  it('greets once when Teams sends conversationUpdate (bot in membersAdded) and installationUpdate together', async () => {
    const [a, b] = await Promise.all([bot.post(botAdded(bot.origin, alex)), bot.post(installationUpdate(bot.origin, alex, 'add'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await bot.connector.waitFor(() => greetingsTo(alex).length > 0);
    expect(greetingsTo(alex)).toHaveLength(1);
    expect((await bot.store.people.get(alex.aadObjectId))?.name).toBe('Alex Jones');
  });

  it('saves and greets a person on conversationUpdate alone', async () => {
    const res = await bot.post(botAdded(bot.origin, priya));
    expect(res.status).toBe(200);
    expect(await bot.store.people.get(priya.aadObjectId)).toMatchObject({ id: priya.aadObjectId, tenantId: testTenantId, reachable: true });
    expect(greetingsTo(priya)).toHaveLength(1);
  });

  it("keeps a known name when an activity carries none (Microsoft's Teams emulator's installationUpdate has no from.name)", async () => {
    await bot.install(tom);
    const nameless = { ...installationUpdate(bot.origin, tom, 'add'), from: { id: `29:${tom.aadObjectId}`, aadObjectId: tom.aadObjectId, name: '' } };
    const res = await bot.post(nameless);
    expect(res.status).toBeLessThan(300);
    expect((await bot.store.people.get(tom.aadObjectId))?.name).toBe('Tom Hughes');
  });

  it('does not greet again when someone already installed installs again', async () => {
    await bot.post(installationUpdate(bot.origin, sam, 'add'));
    await bot.say(sam, 'roles');
    expect(greetingsTo(sam)).toHaveLength(1);
  });
});

describe('uninstalling the bot', () => {
  it('marks the person unreachable, and the sweep skips their reminders', async () => {
    await meet(bot, commissioner, 'Commissioner');
    await bot.store.roles.assign(testTenantId, 'SMLO', sam.aadObjectId, { id: 'test', name: 'test' }, '2011-09-01T09:00:00Z');
    const res = await bot.post(installationUpdate(bot.origin, sam, 'remove'));
    expect(res.status).toBe(200);
    expect((await bot.store.people.get(sam.aadObjectId))?.reachable).toBe(false);

    // 1.1.1 is due Fri 30 Sep: its seven-day reminder is on Fri 23 Sep.
    const callsBefore = bot.connector.calls.length;
    const report = await bot.sweep('2011-09-23T08:00:00Z');
    expect(report.due).toBeGreaterThan(0);
    expect(report.sent).toBe(0);
    expect(bot.connector.calls.slice(callsBefore).filter((c) => c.conversationId === personalConversationId(sam))).toEqual([]);
    expect((await bot.store.people.get(sam.aadObjectId))?.reachable).toBe(false);
  });

  it('greets them again and sends reminders again when they reinstall', async () => {
    await bot.install(sam);
    expect(greetingsTo(sam)).toHaveLength(2);
    expect((await bot.store.people.get(sam.aadObjectId))?.reachable).toBe(true);
    // Thu 29 Sep: the day-before reminder of 1.1.1.
    await bot.sweep('2011-09-29T08:00:00Z');
    expect(cardsAbout(bot, sam, 'Agree the needle exchange audit')).toHaveLength(1);
  });

  it('tells the commissioner when Teams answers 403 for someone who blocked the bot, and stops sending to them', async () => {
    await meet(bot, tom, 'SMO');
    // 1.1.2 is due Mon 31 Oct: its fourteen-day reminder is on Mon 17 Oct.
    bot.connector.fail({ status: 403, code: 'MessageWritesBlocked', when: (c) => c.conversationId === personalConversationId(tom) });
    const report = await bot.sweep('2011-10-17T08:00:00Z');
    expect(report.unreachable).toEqual(['Tom Hughes']);
    expect((await bot.store.people.get(tom.aadObjectId))?.reachable).toBe(false);
    // Told in the commissioner's escalation digest of the same sweep.
    const notices = cardsAbout(bot, commissioner, 'Teams refused messages to Tom Hughes');
    expect(notices).toHaveLength(1);
    expect(textOf(notices[0])).toContain('Needs your attention');

    // The next sweep (the seven-day reminder, Mon 24 Oct) does not try Tom at all.
    const callsBefore = bot.connector.calls.length;
    await bot.sweep('2011-10-24T08:00:00Z');
    expect(bot.connector.calls.slice(callsBefore).filter((c) => c.conversationId === personalConversationId(tom))).toEqual([]);
  });
});
