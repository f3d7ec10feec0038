// Reminder settings as people use them: pause and leave, snooze from the digest, weekly and
// overdue-only modes, cover for a role, read receipts, and the banner of a step moved past a holiday.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleOnLeave } from '../../src/app/reminderSettings.ts';
import { loadDirectory } from '../../src/app/directory.ts';
import { seenLabel } from '../../src/app/seenLabel.ts';
import { settingsReply } from '../../src/bot/settingsCommands.ts';
import { turnFor } from '../../src/bot/dispatch.ts';
import type { Intent } from '../../src/domain/reading/intent.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet, press } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { personalConversationId, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'e2000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e2000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'e2000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const priya = { aadObjectId: 'e2000000-0000-4000-8000-000000000004', name: 'Priya Shah' };
const omar = { aadObjectId: 'e2000000-0000-4000-8000-000000000005', name: 'Omar Reid' };
const lee = { aadObjectId: 'e2000000-0000-4000-8000-000000000006', name: 'Lee Grant' };

const plan = handMadePlan('settings', 'Testshire DAT', planYear2011, [
  // Sam (SMLO): two due Fri 30 Sep, one Fri 7 Oct.
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-30' },
  { ref: '1.2', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-09-30' },
  { ref: '1.3', text: 'Train the outreach volunteers', owners: ['SMLO'], due: '2011-10-07' },
  // Alex (SMO): two due Fri 30 Sep (for pause).
  { ref: '2.1', text: 'Publish the harm reduction leaflet', owners: ['SMO'], due: '2011-09-30' },
  { ref: '2.2', text: 'Sign the shared care protocol', owners: ['SMO'], due: '2011-09-30' },
  // Priya (DAT Co-ordinator, weekly on Monday): due Wed 28 Sep and Thu 29 Sep.
  { ref: '3.1', text: 'Refresh the needs assessment', owners: ['DAT Co-ordinator'], due: '2011-09-28' },
  { ref: '3.2', text: 'Review the young people pathway', owners: ['DAT Co-ordinator'], due: '2011-09-29' },
  // Omar (Housing Officer, only when overdue).
  { ref: '4.1', text: 'Commission the housing support service', owners: ['Housing Officer'], due: '2011-09-30' },
  // Christmas 2011: due Mon 26 Dec (a bank holiday); the day step goes out Wed 28 Dec, two days late.
  { ref: '5.1', text: 'Report the Christmas outreach figures', owners: ['Custody Nurse Lead'], due: '2011-12-26' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('digestSettings', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await meet(bot, priya, 'DAT Co-ordinator');
  await meet(bot, omar, 'Housing Officer');
  await meet(bot, lee, 'Custody Nurse Lead');
});
afterAll(async () => bot?.close());

/** What the bot answers a settings intent (the reading of the message is the reader's, tested on its own). */
async function say(person: TeamsPerson, intent: Intent, onLeave = false): Promise<string> {
  const turn = await turnFor(bot.runtime.services, bot.runtime.messenger, { id: person.aadObjectId, name: person.name, tenantId: testTenantId, mentions: [] });
  const reply = await settingsReply(turn, { ...intent, ...(onLeave ? { leave: true } : {}) } as Parameters<typeof settingsReply>[1]);
  return JSON.stringify(reply);
}
const digestsOf = (person: TeamsPerson) => cardsTo(bot, person);

describe('settings in chat', () => {
  it('"remind me weekly on Monday" and "only when overdue" say back what they understood', async () => {
    bot.clock.set('2011-09-12T10:00:00Z');
    expect(await say(priya, { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } })).toContain('I will remind you weekly on Monday.');
    expect(await say(omar, { kind: 'remind-me', mode: { kind: 'overdue-only' } })).toContain('only when overdue');
    expect(await say(alex, { kind: 'pause', until: '2011-10-03' }, true)).toContain('No reminders until Mon 3 Oct 2011');
    expect(await say(alex, { kind: 'my-settings' })).toContain('On leave until Mon 3 Oct 2011');
  });

  it('a paused person gets nothing, and the commissioner can see who is on leave', async () => {
    await bot.sweep('2011-09-16T08:00:00Z');
    expect(digestsOf(alex)).toHaveLength(0);
    const directory = await loadDirectory(bot.store);
    expect(await peopleOnLeave(bot.runtime.services, directory, '2011-09-16')).toEqual([{ name: 'Alex Jones', until: '2011-10-03' }]);
  });

  it('Sam snoozes one action for a week from the digest: it leaves his reminders until then and comes back once', async () => {
    const [card] = digestsOf(sam);
    expect(textOf(card)).toContain('2 actions');
    const record = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-16`);
    const line = record?.lines.findIndex((l) => l.actionId === 'settings-1.1') ?? -1;
    bot.clock.set('2011-09-16T09:00:00Z');
    const answer = await pressDigest(bot, sam, cardOf(card), 'digest.snooze', line, {}, '1 week');
    expect(answerText(answer)).toContain('Snoozed until Fri 23 Sep 2011');
    // Fri 23 Sep: the 7-day step of 1.2 and 1.3's 14-day step; 1.1 comes back (its snooze ended).
    await bot.sweep('2011-09-23T08:00:00Z');
    const next = digestsOf(sam).at(-1);
    expect(textOf(next)).toContain('Agree the needle exchange audit');
    // Snoozed again until a date: the next day-before reminder leaves it out.
    const record2 = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-23`);
    const line2 = record2?.lines.findIndex((l) => l.actionId === 'settings-1.1') ?? -1;
    await pressDigest(bot, sam, cardOf(next), 'digest.snooze', line2, { [`snooze${line2}`]: '2011-10-05' }, 'Until the date');
    await bot.sweep('2011-09-29T08:00:00Z');
    expect(textOf(digestsOf(sam).at(-1))).not.toContain('Agree the needle exchange audit');
    expect(textOf(digestsOf(sam).at(-1))).toContain('Open the Saturday drop-in');
  });

  it('the weekly reader hears on Monday only, with the whole week', async () => {
    // Priya's steps fell on Wed 14, Thu 15, Wed 21, Thu 22 Sep and Tue 27, Wed 28: none sent on those days.
    expect(digestsOf(priya)).toHaveLength(0);
    await bot.sweep('2011-09-26T08:00:00Z');
    const cards = digestsOf(priya);
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('Refresh the needs assessment');
    expect(textOf(cards[0])).toContain('Review the young people pathway');
  });

  it('Sam covers SMO while Alex is on leave: he gets its reminders, answers "as cover", and gives it back after', async () => {
    bot.clock.set('2011-09-29T10:00:00Z');
    expect(await say(sam, { kind: 'cover', person: 'Sam Patel', role: 'SMO', until: '2011-10-02' })).toContain("Only Testshire DAT's commissioner (Commissioner: Jane Smith), an admin or someone who holds SMO can arrange cover for SMO.");
    expect(await say(jane, { kind: 'cover', person: 'Sam Patel', role: 'SMO', until: '2011-10-02' })).toContain('Sam Patel covers SMO until Sun 2 Oct 2011');
    await bot.sweep('2011-09-30T08:00:00Z');
    const card = digestsOf(sam).at(-1);
    expect(textOf(card)).toContain('Publish the harm reduction leaflet');
    const record = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-30`);
    const line = record?.lines.findIndex((l) => l.actionId === 'settings-2.1') ?? -1;
    bot.clock.set('2011-09-30T09:00:00Z');
    const done = await pressDigest(bot, sam, cardOf(card), 'digest.done', line);
    expect(answerText(done)).toContain('Done by Sam Patel (as cover for SMO)');
    const history = await bot.store.actions.history('settings', 'settings-2.1');
    expect(history.at(-1)?.by.name).toBe('Sam Patel (as cover for SMO)');
    await bot.sweep('2011-10-03T08:00:00Z');
    expect(await bot.store.roles.holders(testTenantId, 'SMO')).toEqual([alex.aadObjectId]);
  });
});

describe('read receipts', () => {
  it('Teams saying Sam read up to his digest marks it, and its actions, seen', async () => {
    const card = digestsOf(sam).at(-1) as ConnectorCall;
    const record = (await bot.store.digests.ofPerson(sam.aadObjectId, 1))[0];
    expect(record?.activityId).toBe(card.activityId);
    const [first] = record?.lines ?? [];
    expect(await seenLabel(bot.runtime.services, first?.planId ?? '', first?.actionId ?? '')).toBe('not opened');
    bot.clock.set('2011-10-03T08:14:00Z');
    const res = await bot.post({
      type: 'event', name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId: card.activityId },
      id: 'receipt-1', channelId: 'msteams', serviceUrl: bot.origin.serviceUrl, timestamp: new Date(),
      from: { id: `29:${sam.aadObjectId}`, name: sam.name, aadObjectId: sam.aadObjectId }, recipient: { id: '28:actionbot', name: 'actionbot' },
      conversation: { id: personalConversationId(sam), conversationType: 'personal', tenantId: '72f988bf-0000-4000-8000-000000000001', isGroup: false, name: '' },
      channelData: { tenant: { id: '72f988bf-0000-4000-8000-000000000001' } },
    });
    expect(res.status).toBeLessThan(300);
    expect((await bot.store.digests.get(record?.key ?? ''))?.seenAt).toBe('2011-10-03T08:14:00.000Z');
    expect(await seenLabel(bot.runtime.services, first?.planId ?? '', first?.actionId ?? '')).toBe('seen Mon 3 Oct 2011 09:14');
    // Older digests count as read too.
    const older = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-16`);
    expect(older?.seenAt).not.toBeNull();
  });

  it("the commissioner's overdue list and status say whether the owners opened their reminders, and who is on leave", async () => {
    bot.clock.set('2011-10-03T08:20:00Z');
    expect(await say(omar, { kind: 'pause', until: '2011-10-05' }, true)).toContain('No reminders until Wed 5 Oct 2011');
    const [list] = await bot.say(jane, "what's overdue?");
    const text = textOf(list);
    expect(text).toContain('On leave: Omar Reid until Wed 5 Oct 2011');
    // Sam read his digests (1.2 was on them); Priya never opened hers.
    expect(text).toMatch(/Open the Saturday drop-in.*?Reminders: seen Mon 3 Oct 2011 09:14/);
    expect(text).toMatch(/Refresh the needs assessment.*?Reminders: not opened/);
    const [status] = await bot.say(jane, 'status 1.2');
    expect(textOf(status)).toMatch(/Reminders seen Mon 3 Oct 2011 09:14/);
    // Owners asking about their own actions get neither.
    const [own] = await bot.say(sam, "what's overdue?");
    expect(textOf(own)).toContain('Open the Saturday drop-in');
    expect(textOf(own)).not.toContain('Reminders');
    expect(textOf(own)).not.toContain('On leave');
  });
});

describe('a step moved past a bank holiday', () => {
  it('is headed as the action stands on the day sent: overdue, not "Due today"', async () => {
    await bot.sweep('2011-12-28T08:00:00Z');
    const [card] = digestsOf(lee).filter((c) => textOf(c).includes('Christmas outreach'));
    expect(textOf(card)).toContain('Overdue: 2 days late');
    expect(textOf(card)).not.toContain('Due today');
    const answer = await press(bot, lee, card as ConnectorCall, 'done');
    expect(answerText(answer)).toContain('Done');
  });
});

describe('"only when overdue"', () => {
  it('Omar hears nothing before the day, then the overdue nudge', async () => {
    expect(digestsOf(omar)).toHaveLength(0);
    // Fri 6 Jan 2012 is 98 days after Fri 30 Sep: a weekly overdue step.
    await bot.sweep('2012-01-06T08:00:00Z');
    const cards = digestsOf(omar);
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('Overdue: 98 days late');
  });
});
