// Personal stays personal: reminders, digests and escalations name colleagues and who has not opened
// their reminders, so they go only to each person's personal (1:1) chat with the bot. Adding the app to a
// group chat or a team, or @mentioning it there, never moves them; someone met only in a group gets a
// personal chat created (or is reported unreachable); and a question asked in a group is answered in the
// personal chat, the group hearing only that it was.
import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsTo, meet } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { addedTo, groupChat, mentionIn, pressIn, removedFrom, teamChannel, type GroupPlace } from '../support/groupActivity.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { personalConversationId, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';
import { textToKey } from '../../src/store/keys.ts';
import { putJson } from '../../src/store/textFields.ts';

const PREFIX = 'personalChats';
const jane = { aadObjectId: 'f7000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'f7000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const eve = { aadObjectId: 'f7000000-0000-4000-8000-000000000003', name: 'Eve Adams' };
const kim = { aadObjectId: 'f7000000-0000-4000-8000-000000000004', name: 'Kim Lowe' };
const lee = { aadObjectId: 'f7000000-0000-4000-8000-000000000005', name: 'Lee Brook' };

const DROP_IN = 'Open the Saturday drop-in';
const AUDIT = 'Agree the needle exchange audit';
const HOUSING = 'Commission the housing support service';
const CUSTODY = 'Train the custody nurses';
const plan = handMadePlan('priv', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: DROP_IN, owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.2', text: AUDIT, owners: ['DAT Co-ordinator'], due: '2011-09-16' },
  { ref: '1.3', text: HOUSING, owners: ['Housing Officer'], due: '2011-09-16' },
  { ref: '1.4', text: CUSTODY, owners: ['Custody Nurse Lead'], due: '2011-09-16' },
  { ref: '1.5', text: 'Agree the commissioning intentions', owners: ['Commissioner'], due: '2012-03-01' },
]);

const family = groupChat('partnership-leads');
const team = teamChannel('testshire-dat');
const evesChat = groupChat('treatment-huddle');
const kimsChat = groupChat('housing-huddle');
const leesChat = groupChat('custody-huddle');

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness(PREFIX, '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
});
afterAll(async () => bot?.close());

/** Calls to a group chat or channel (a channel's threads included). */
const callsTo = (place: GroupPlace, from = 0): ConnectorCall[] => bot.connector.calls.slice(from).filter((c) => c.conversationId === place.id || c.conversationId.startsWith(`${place.id};`));

async function postAll(activities: ReturnType<typeof addedTo>): Promise<void> {
  for (const activity of activities) {
    const res = await bot.post(activity);
    expect(res.status).toBeLessThan(300);
  }
}

/** Asks the bot there (an @mention); returns what went to the group and what went to the person's personal chat. */
async function askIn(place: GroupPlace, person: TeamsPerson, words: string): Promise<{ group: ConnectorCall[]; personal: ConnectorCall[] }> {
  const before = bot.connector.calls.length;
  const res = await bot.post(mentionIn(bot.origin, person, place, words));
  expect(res.status).toBeLessThan(300);
  const after = bot.connector.calls.slice(before).filter((c) => c.status < 300);
  return { group: after.filter((c) => callsTo(place).includes(c)), personal: after.filter((c) => c.conversationId === personalConversationId(person)) };
}

const SENT_PRIVATELY = "I'll send that to you in our personal chat.";

describe('a group chat install, a team install and an @mention in the team', () => {
  it('leave the personal chat as where Sam is reached: the sweep posts his digest there, nothing in the group or the channel', async () => {
    await postAll(addedTo(bot.origin, sam, family));
    await postAll(addedTo(bot.origin, sam, team));
    await askIn(team, sam, "what's overdue?");

    const before = bot.connector.calls.length;
    const report = await bot.sweep('2011-09-16T08:00:00Z');
    expect(callsTo(family, before)).toEqual([]);
    expect(callsTo(team, before)).toEqual([]);
    expect(report.unreachable).not.toContain(sam.name);
    const digest = cardsTo(bot, sam).filter((c) => bot.connector.calls.indexOf(c) >= before);
    expect(digest.map(textOf).join(' ')).toContain(DROP_IN);
    const reference = (await bot.store.people.conversationOf(sam.aadObjectId)) as { conversation: { id: string; conversationType: string } };
    expect(reference.conversation).toMatchObject({ id: personalConversationId(sam), conversationType: 'personal' });
  });

  it('removing the app from a group chat leaves Sam reachable in his personal chat', async () => {
    expect((await bot.post(removedFrom(bot.origin, sam, family))).status).toBeLessThan(300);
    expect((await bot.store.people.get(sam.aadObjectId))?.reachable).toBe(true);
  });
});

describe('someone met only in a group chat', () => {
  it('gets a personal chat created (1:1, in their tenant), and their digest lands there', async () => {
    await postAll(addedTo(bot.origin, eve, evesChat));
    const create = bot.connector.calls.find((c) => c.kind === 'create' && c.status < 300 && JSON.stringify(c.body.members).includes(`29:${eve.aadObjectId}`));
    expect(create?.body).toMatchObject({ isGroup: false, members: [{ id: `29:${eve.aadObjectId}` }], tenantId: testTenantId, channelData: { tenant: { id: testTenantId } } });
    const reference = (await bot.store.people.conversationOf(eve.aadObjectId)) as { conversation: { id: string; conversationType: string } };
    expect(reference.conversation).toMatchObject({ id: personalConversationId(eve), conversationType: 'personal' });

    await bot.store.roles.assign(testTenantId, 'DAT Co-ordinator', eve.aadObjectId, { id: 'test', name: 'test' }, '2011-09-01T09:00:00Z');
    const before = bot.connector.calls.length;
    await bot.sweep('2011-09-16T08:05:00Z');
    expect(cardsTo(bot, eve).filter((c) => bot.connector.calls.indexOf(c) >= before).map(textOf).join(' ')).toContain(AUDIT);
    expect(callsTo(evesChat, before)).toEqual([]);
  });

  it('is reported unreachable when Teams refuses to open a personal chat, and nothing goes to the group', async () => {
    bot.connector.fail({ status: 403, code: 'BotNotInConversationRoster', times: 50, when: (c) => c.kind === 'create' && c.conversationId === personalConversationId(kim) });
    await postAll(addedTo(bot.origin, kim, kimsChat));
    expect(bot.connector.calls.some((c) => c.kind === 'create' && c.status === 403)).toBe(true);
    expect(await bot.store.people.conversationOf(kim.aadObjectId)).toBeNull();
    // Asked in the group, nothing private is shown there and nothing is done.
    const asked = await askIn(kimsChat, kim, 'done 1.3');
    expect(asked.group.map((c) => c.body.text).join(' ')).toMatch(/only in our personal chat.*Nothing was changed/);
    expect((await bot.store.actions.get('priv', 'priv-1.3'))?.progress.status).not.toBe('done');

    await bot.store.roles.assign(testTenantId, 'Housing Officer', kim.aadObjectId, { id: 'test', name: 'test' }, '2011-09-01T09:00:00Z');
    const before = bot.connector.calls.length;
    const report = await bot.sweep('2011-09-23T08:00:00Z');
    expect(report.unreachable).toContain(kim.name);
    expect((await bot.store.people.get(kim.aadObjectId))?.reachable).toBe(false);
    expect(cardsTo(bot, jane).filter((c) => bot.connector.calls.indexOf(c) >= before).map(textOf).join(' ')).toContain(`Teams refused messages to ${kim.name}`);
    expect(callsTo(kimsChat, before)).toEqual([]);
  });

  it('a group chat stored as someone\'s conversation before this rule is never used: they count as unreachable', async () => {
    // A row as the bot wrote it before: the group chat's reference kept as where to reach Lee.
    const people = TableClient.fromConnectionString(inject('tablesConnectionString'), `${PREFIX}People`, { allowInsecureConnection: true });
    const row: Record<string, unknown> = { partitionKey: 'person', rowKey: textToKey(lee.aadObjectId), personId: lee.aadObjectId, tenantId: testTenantId, name: lee.name, reachable: true };
    putJson(row, 'conversation', { channelId: 'msteams', serviceUrl: bot.connector.url, conversation: { id: leesChat.id, conversationType: 'groupChat', isGroup: true, tenantId: testTenantId }, bot: { id: '28:actionbot', name: 'actionbot' }, user: { id: `29:${lee.aadObjectId}`, name: lee.name, aadObjectId: lee.aadObjectId } });
    await people.upsertEntity(row as { partitionKey: string; rowKey: string }, 'Replace');
    expect(await bot.store.people.conversationOf(lee.aadObjectId)).toBeNull();

    await bot.store.roles.assign(testTenantId, 'Custody Nurse Lead', lee.aadObjectId, { id: 'test', name: 'test' }, '2011-09-01T09:00:00Z');
    const before = bot.connector.calls.length;
    const report = await bot.sweep('2011-09-23T08:05:00Z');
    expect(report.unreachable).toContain(lee.name);
    expect(callsTo(leesChat, before)).toEqual([]);
  });
});

describe('questions asked in a group', () => {
  it('are answered in the personal chat; the group only hears that they were', async () => {
    for (const words of ["what's overdue?", 'my actions', 'my settings', 'who is SMLO', 'summary', 'remind me weekly']) {
      const { group, personal } = await askIn(family, sam, words);
      expect(group.map((c) => [c.body.text, cardOf(c)]), words).toEqual([[SENT_PRIVATELY, null]]);
      expect(personal.length, words).toBeGreaterThan(0);
    }
    // The private answer itself: the overdue list, with the action's words, in the personal chat only.
    const overdue = await askIn(team, sam, "what's overdue?");
    expect(overdue.personal.map(textOf).join(' ')).toContain(DROP_IN);
    expect(overdue.group.map(textOf).join(' ')).not.toContain(DROP_IN);
  });

  it('help is answered in the group (it names no one), and a card button pressed there changes nothing', async () => {
    const { group } = await askIn(family, sam, 'help');
    expect(group).toHaveLength(1);
    expect(cardOf(group[0])).not.toBeNull();
    const res = await bot.post(pressIn(bot.origin, sam, family, 'more', { query: JSON.stringify({ list: 'overdue', filter: {} }), offset: 0 }));
    expect(JSON.stringify(res.body)).toContain('only in our personal chat');
    expect(JSON.stringify(res.body)).not.toContain(DROP_IN);
  });
});
