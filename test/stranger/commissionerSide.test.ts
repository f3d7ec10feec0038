// Tried as a stranger would, over real HTTP: the commissioner's escalation digest and its four buttons,
// read receipts, and people the bot cannot reach, with two tenants whose plans name the same roles.
// Each test asserts what a person would expect; they were written against the bot as landed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { pauseReminders } from '../../src/app/reminderSettings.ts';
import { READ_RECEIPT } from '../../src/bot/readReceipt.ts';
import { runBriefing } from '../../src/scheduler/briefing.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsAbout, cardsTo, meet } from '../support/cardPress.ts';
import { executes, pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { botAdded, cardAction, cardSubmit, installationUpdate, message, personalConversationId, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const otherTenant = '0b000000-0000-4000-8000-0000000000bb';
const jane: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const ruth: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000004', name: 'Ruth Owen' };
const dan: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000005', name: 'Dan Price' };
const kim: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000007', name: 'Kim Lee' };
// Commissions only the second plan of the same tenant (its lead role is JCM).
const wendy: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-000000000006', name: 'Wendy Morgan' };
// Of the other tenant: holds SMLO and Housing Officer there, roles the first tenant's plan names too.
const bob: TeamsPerson = { aadObjectId: 'c5000000-0000-4000-8000-0000000000b1', name: 'Bob Other' };

// All due Fri 16 Sep 2011: fourteen days late on Fri 30 Sep.
const plan = handMadePlan('cside', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.2', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.3', text: 'Train the outreach volunteers', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.4', text: 'Publish the harm reduction leaflet', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.5', text: 'Review the pharmacy contracts', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '2.1', text: 'Sign the shared care protocol', owners: ['SMO'], due: '2011-09-16' },
  { ref: '3.1', text: 'Commission the housing support service', owners: ['Housing Officer'], due: '2011-09-16' },
  { ref: '4.1', text: 'Refresh the DIP referral pathway', owners: ['DIP Lead'], due: '2011-09-16' },
  { ref: '5.1', text: 'Agree the treatment budget with the PCT', owners: ['Commissioner', 'SMLO'], due: '2011-09-16' },
]);
const second = handMadePlan('wside', 'Westshire SMAT', planYear2011, [
  { ref: '1.1', text: 'Agree the shared prescribing budget', owners: ['SMO'], due: '2011-09-16' },
  { ref: '1.2', text: 'Chair the joint commissioning group', owners: ['JCM'], due: '2012-03-31' },
]);
const theirs = handMadePlan('oside', 'Otherton DAAT', planYear2011, [
  { ref: '1.1', text: 'Their own action', owners: ['SMLO', 'Housing Officer'], due: '2011-12-16' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangercs', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await storePlan(bot.runtime.services, second, testTenantId, 'JCM');
  await storePlan(bot.runtime.services, theirs, otherTenant);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await meet(bot, ruth);
  await meet(bot, dan, 'DIP Lead');
  await meet(bot, wendy, 'JCM');
  await meet(bot, kim);
  const res = await bot.post(installationUpdate({ ...bot.origin, tenantId: otherTenant }, bob, 'add'));
  expect(res.status).toBeLessThan(300);
  for (const role of ['SMLO', 'Housing Officer']) await bot.store.roles.assign(testTenantId, role, bob.aadObjectId, { id: 'test', name: 'test setup' }, '2011-09-01T08:00:00Z');
  // Dan removed the bot without telling anyone: Teams refuses every message to him (403).
  bot.connector.fail({ status: 403, code: 'MessageWritesBlocked', times: 1000, when: (c) => c.conversationId === personalConversationId(dan) });
  for (const day of ['2011-09-16', '2011-09-19', '2011-09-23', '2011-09-30']) await bot.sweep(`${day}T08:00:00Z`);
  bot.clock.set('2011-09-30T09:30:00Z');
}, 180_000);
afterAll(async () => bot?.close());

const escalation = async () => {
  const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2011-09-30`);
  if (!record) throw new Error('no escalation digest on Fri 30 Sep');
  const card = cardsTo(bot, jane).find((c) => c.activityId === record.activityId);
  return { record, card: cardOf(card) };
};
async function lineOf(actionId: string): Promise<number> {
  // The escalation line (with "why"), not the commissioner's own reminder of an action she owns too.
  const i = (await escalation()).record.lines.findIndex((l) => l.actionId === actionId && l.why !== undefined);
  if (i < 0) throw new Error(`${actionId} is not on the escalation digest`);
  return i;
}
async function pressLine(verb: string, actionId: string, inputs: (i: number) => Record<string, string> = () => ({})): Promise<string> {
  const i = await lineOf(actionId);
  const answer = await pressDigest(bot, jane, (await escalation()).card, verb, i, inputs(i));
  return typeof answer.value === 'string' ? answer.value : answerText(answer);
}
const history = async (id: string) => bot.store.actions.history('cside', id);

describe('Chase', () => {
  it('reaches only the owners in the plan\'s tenant, not a holder of the same role in another tenant', async () => {
    // Housing Officer is held only in the other tenant: nobody here holds it, so nobody "has not opened" it.
    const sentId = (await escalation()).record.activityId;
    expect(textOf(cardsTo(bot, jane).find((c) => c.activityId === sentId))).not.toMatch(/holds Housing Officer · owners: not opened/);
    const before = cardsTo(bot, bob).length;
    const answer = await pressLine('escalation.chase', 'cside-1.1');
    expect(answer).toContain('Chased by Jane Smith: 1 of 1 reminded');
    expect(cardsTo(bot, bob).slice(before).map(textOf).join('\n')).not.toContain('Agree the needle exchange audit');
  });

  it('skips an owner on leave and says until when, instead of chasing them', async () => {
    await pauseReminders(bot.runtime.services, alex.aadObjectId, '2011-10-03', '2011-09-30', true);
    const before = cardsTo(bot, alex).length;
    const answer = await pressLine('escalation.chase', 'cside-2.1');
    expect(cardsTo(bot, alex).slice(before)).toHaveLength(0);
    expect(answer).toContain('Alex Jones is on leave until Mon 3 Oct 2011');
    expect((await history('cside-2.1')).at(-1)?.summary ?? '').not.toContain('chased');
  });

  it('that Teams refuses (403) marks the owner unreachable and the history does not claim they were reminded', async () => {
    bot.connector.fail({ status: 403, code: 'MessageWritesBlocked', when: (c) => c.conversationId === personalConversationId(sam) });
    const answer = await pressLine('escalation.chase', 'cside-1.5');
    expect(answer).toContain('0 of 1 reminded');
    expect(answer).toContain('Teams refused messages to Sam Patel');
    expect((await history('cside-1.5')).at(-1)?.summary).not.toContain('Sam Patel reminded');
    expect((await bot.store.people.get(sam.aadObjectId))?.reachable).toBe(false);
    // He opens the chat again: reachable once more.
    await bot.say(sam, 'my actions');
    expect((await bot.store.people.get(sam.aadObjectId))?.reachable).toBe(true);
  });
});

describe('escalation buttons pressed by someone else', () => {
  it('an owner, the commissioner of another plan, a person of another tenant and a person with no role are all refused, and nothing changes', async () => {
    const i = await lineOf('cside-1.4');
    const { card, record } = await escalation();
    const close = executes(card).find((a) => a.verb === 'escalation.close' && Number(a.data?.i) === i);
    const entries = (await history('cside-1.4')).length;
    for (const [who, tenantId] of [[sam], [wendy], [bob, otherTenant], [kim]] as [TeamsPerson, string?][]) {
      const res = await bot.post(cardAction({ ...bot.origin, ...(tenantId ? { tenantId } : {}) }, who, 'escalation.close', { ...close?.data }, record.activityId ?? undefined));
      expect(JSON.stringify(res.body), who.name).toContain('not yours');
    }
    expect((await bot.store.actions.get('cside', 'cside-1.4'))?.progress.status).toBe('open');
    expect(await history('cside-1.4')).toHaveLength(entries);
  });
});

describe('Chase, pressed again', () => {
  it('twice the same day (a double click, a second device) nudges the owners once, even at the same instant', async () => {
    const before = cardsTo(bot, sam).length;
    const both = await Promise.all([pressLine('escalation.chase', 'cside-1.3'), pressLine('escalation.chase', 'cside-1.3')]);
    expect(both.filter((a) => a.includes('Chased by Jane Smith'))).toHaveLength(1);
    expect(both.filter((a) => a.includes('already chased'))).toHaveLength(1);
    const again = await pressLine('escalation.chase', 'cside-1.3');
    expect(again).toContain('already chased');
    expect(cardsTo(bot, sam).slice(before).filter((c) => textOf(c).includes('Train the outreach volunteers'))).toHaveLength(1);
  });

  it('is not offered on an action whose only holder cannot be reached (Reassign is); a press from an older card says so and sends nothing', async () => {
    const i = await lineOf('cside-4.1');
    const { card } = await escalation();
    const verbs = executes(card).filter((a) => Number(a.data?.i) === i).map((a) => a.verb);
    expect(verbs).toContain('escalation.reassign');
    expect(verbs).not.toContain('escalation.chase');
    const res = await bot.post(cardAction(bot.origin, jane, 'escalation.chase', { d: `escalation|${jane.aadObjectId}|2011-09-30`, i }));
    expect(JSON.stringify(res.body)).toContain('nobody who can be reached holds DIP Lead');
  });
});

describe('the notes of the escalation digest', () => {
  it('tell a commissioner only of the people of the plans she commissions', async () => {
    const record = await bot.store.digests.get(`escalation|${wendy.aadObjectId}|2011-09-30`);
    expect(record?.lines.map((l) => l.actionId)).toEqual(['wside-1.1']);
    const notes = record?.notes.join('\n') ?? '';
    // Alex owns her plan's action; Sam and Dan own none of it.
    expect(notes).toContain('Alex Jones has not opened');
    expect(notes).not.toContain('Sam Patel');
    const all = (await Promise.all(['2011-09-16', '2011-09-19', '2011-09-23', '2011-09-30'].map((d) => bot.store.digests.get(`escalation|${wendy.aadObjectId}|${d}`)))).flatMap((r) => r?.notes ?? []);
    expect(all.join('\n')).not.toContain('Dan Price');
    const janes = (await Promise.all(['2011-09-16', '2011-09-19', '2011-09-23', '2011-09-30'].map((d) => bot.store.digests.get(`escalation|${jane.aadObjectId}|${d}`)))).flatMap((r) => r?.notes ?? []);
    expect(janes.join('\n')).toContain('Teams refused messages to Dan Price');
  });
});

describe('Reassign', () => {
  it('to a person of another tenant is refused and gives them nothing', async () => {
    const answer = await pressLine('escalation.reassign', 'cside-1.4', (i) => ({ [`person${i}`]: 'Bob Other' }));
    expect(answer).toContain('I do not know anyone called "Bob Other"');
    const partial = await pressLine('escalation.reassign', 'cside-1.4', (i) => ({ [`person${i}`]: 'Bob' }));
    expect(partial).not.toContain('Bob Other');
    expect((await history('cside-1.4')).map((h) => h.summary).join('\n')).not.toContain('Bob');
  });

  it('to someone who already holds its roles says so and writes no history', async () => {
    const entries = (await history('cside-1.2')).length;
    const answer = await pressLine('escalation.reassign', 'cside-1.2', (i) => ({ [`person${i}`]: 'Sam Patel' }));
    expect(answer).toContain('Sam Patel already holds SMLO');
    expect(await history('cside-1.2')).toHaveLength(entries);
  });

  it('to a role\'s name says it takes a person, and who holds that role', async () => {
    const answer = await pressLine('escalation.reassign', 'cside-1.2', (i) => ({ [`person${i}`]: 'SMO' }));
    expect(answer).toContain('SMO is a role');
    expect(answer).toContain('Alex Jones');
  });

  it('to a person the bot cannot reach is refused: they would never be reminded', async () => {
    const entries = (await history('cside-1.2')).length;
    const answer = await pressLine('escalation.reassign', 'cside-1.2', (i) => ({ [`person${i}`]: 'Dan Price' }));
    expect(answer).toContain('Dan Price cannot be reached');
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).not.toContain(dan.aadObjectId);
    expect(await history('cside-1.2')).toHaveLength(entries);
  });

  it('of an action the lead role shares does not make the person a commissioner', async () => {
    // Jane owns it too (Commissioner): her one message shows it once, as the escalation.
    expect((await escalation()).record.lines.filter((l) => l.actionId === 'cside-5.1')).toHaveLength(1);
    const answer = await pressLine('escalation.reassign', 'cside-5.1', (i) => ({ [`person${i}`]: 'Kim Lee' }));
    expect(answer).toContain('Reassigned to Kim Lee by Jane Smith');
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).toContain(kim.aadObjectId);
    expect(await bot.store.roles.holders(testTenantId, 'Commissioner')).not.toContain(kim.aadObjectId);
  });

  it('leaves the line open: the commissioner can still chase, accept or close it after', async () => {
    const done = await pressLine('escalation.reassign', 'cside-1.2', (i) => ({ [`person${i}`]: 'Ruth Owen' }));
    expect(done).toContain('Reassigned to Ruth Owen by Jane Smith');
    const i = await lineOf('cside-1.2');
    expect(executes((await escalation()).card).filter((a) => Number(a.data?.i) === i).map((a) => a.verb)).toContain('escalation.close');
    const chased = await pressLine('escalation.chase', 'cside-1.2');
    expect(chased).toContain('Chased by Jane Smith');
    expect(chased).toContain('Ruth Owen');
  });
});

describe('Accept the delay', () => {
  it('to a past date or today is refused with the date in words', async () => {
    for (const date of ['2011-09-29', '2011-09-30']) {
      const answer = await pressLine('escalation.accept', 'cside-1.3', (i) => ({ [`accept${i}`]: date }));
      expect(answer).toContain('Not saved');
      expect(answer).toContain('Fri 30 Sep 2011');
      expect(answer).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect((await bot.store.actions.get('cside', 'cside-1.3'))?.progress.status).toBe('open');
  });

  it('to a bank holiday is saved and noted, as an owner\'s own delay is', async () => {
    const answer = await pressLine('escalation.accept', 'cside-1.3', (i) => ({ [`accept${i}`]: '2011-12-26' }));
    expect(answer).toContain('Delay accepted to Mon 26 Dec 2011');
    expect(answer).toContain('bank holiday');
  });

  it('beyond the end of the plan is saved and noted', async () => {
    const answer = await pressLine('escalation.accept', 'cside-1.4', (i) => ({ [`accept${i}`]: '2012-05-01' }));
    expect(answer).toContain('Delay accepted to Tue 1 May 2012');
    expect(answer).toContain('after the plan ends');
  });

  it('from a client without Universal Actions replies with no ISO date', async () => {
    // A fresh digest (the next Friday's) whose lines are still open.
    await bot.sweep('2011-10-07T08:00:00Z');
    const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2011-10-07`);
    const i = record?.lines.findIndex((l) => l.actionId === 'cside-4.1') ?? -1;
    expect(i).toBeGreaterThanOrEqual(0);
    const card = cardsTo(bot, jane).find((c) => c.activityId === record?.activityId);
    const fallback = executes(cardOf(card)).find((a) => a.verb === 'escalation.accept' && Number(a.data?.i) === i) as { fallback?: { data?: Record<string, unknown> } } | undefined;
    const before = bot.connector.calls.length;
    const res = await bot.post(cardSubmit(bot.origin, jane, { ...fallback?.fallback?.data, [`accept${i}`]: '2011-11-30' }, card?.activityId ?? undefined));
    expect(res.status).toBeLessThan(300);
    const replies = bot.connector.calls.slice(before).filter((c) => c.conversationId === personalConversationId(jane) && c.kind !== 'update').map((c) => String(c.body.text ?? ''));
    expect(replies.join('\n')).toContain('Wed 30 Nov 2011');
    expect(replies.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('after the owner answered, or the plan was imported again', () => {
  it('Close of an action its owner already finished changes nothing and says who did it', async () => {
    bot.clock.set('2011-09-30T10:00:00Z');
    await bot.say(alex, 'done WES-1.1');
    await bot.say(sam, 'done TES-1.1');
    bot.clock.set('2011-09-30T10:05:00Z');
    const answer = await pressLine('escalation.close', 'cside-1.1');
    expect(answer).toMatch(/Done by Sam Patel|already done .*by Sam Patel/);
    expect(answer).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await history('cside-1.1')).filter((h) => h.to === 'done')).toHaveLength(1);
  });

  it('a press on an action the new version of the plan dropped says so and changes nothing', async () => {
    await bot.importPlan({ ...plan, actions: plan.actions.filter((a) => a.ref !== '2.1') });
    const answer = await pressLine('escalation.close', 'cside-2.1');
    expect(answer).toContain('no longer in any plan');
    expect(await bot.store.actions.get('cside', 'cside-2.1')).toBeNull();
    await bot.importPlan(plan);
  });
});

describe('read receipts', () => {
  const receipt = (who: TeamsPerson, value: unknown, tenantId?: string) => ({ ...message({ ...bot.origin, ...(tenantId ? { tenantId } : {}) }, who, ''), type: 'event', name: READ_RECEIPT, value, text: undefined });

  it('from another tenant naming a person of this one marks nothing', async () => {
    const record = await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-16`);
    expect(record?.seenAt).toBeNull();
    const res = await bot.post(receipt(alex, { lastReadMessageId: record?.activityId }, otherTenant));
    expect(res.status).toBeLessThan(300);
    expect((await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-16`))?.seenAt).toBeNull();
  });

  it('for an old digest after a newer one marks only the old; the same receipt twice changes nothing', async () => {
    const older = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-16`);
    const newer = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-23`);
    expect(older?.activityId && newer?.activityId).toBeTruthy();
    bot.clock.set('2011-09-30T11:00:00Z');
    await bot.post(receipt(sam, { lastReadMessageId: newer?.activityId }));
    const seenAt = (await bot.store.digests.get(newer?.key ?? ''))?.seenAt;
    expect(seenAt).not.toBeNull();
    bot.clock.set('2011-09-30T12:00:00Z');
    await bot.post(receipt(sam, { lastReadMessageId: older?.activityId }));
    await bot.post(receipt(sam, { lastReadMessageId: newer?.activityId }));
    expect((await bot.store.digests.get(newer?.key ?? ''))?.seenAt).toBe(seenAt);
    expect((await bot.store.digests.get(older?.key ?? ''))?.seenAt).not.toBeNull();
  });

  it('malformed ones are ignored without an error, and a real one after them still counts', async () => {
    for (const value of [{}, { lastReadMessageId: 12 }, { lastReadMessageId: 'x'.repeat(5000) }, { lastReadMessageId: '1e400' }, null, 'read', [1, 2]]) {
      const res = await bot.post(receipt(alex, value));
      expect(res.status, JSON.stringify(value)).toBeLessThan(300);
    }
    expect((await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-16`))?.seenAt).toBeNull();
    const record = await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-16`);
    await bot.post(receipt(alex, { lastReadMessageId: record?.activityId ?? '' }));
    expect((await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-16`))?.seenAt).not.toBeNull();
  });
});

describe('people the bot cannot reach', () => {
  it('their actions say nobody can reach them, not "not opened"', async () => {
    const dip = await bot.store.actions.get('cside', 'cside-4.1');
    const status = (await bot.say(jane, `status ${dip?.action.code}`)).map(textOf).join('\n');
    expect(status).not.toContain('not opened');
    const housing = await bot.store.actions.get('cside', 'cside-3.1');
    const other = (await bot.say(jane, `status ${housing?.action.code}`)).map(textOf).join('\n');
    expect(other).not.toContain('not opened');
  });

  it('"roles nobody holds" lists their roles, as the briefing and the escalation digest count them', async () => {
    const reply = (await bot.say(jane, 'roles nobody holds')).map(textOf).join('\n');
    expect(reply).toMatch(/DIP Lead.*Dan Price \(not reachable\)/);
    expect(reply).toContain('Housing Officer');
  });

  it('the briefing counts their roles as unheld (and a holder in another tenant holds nothing here), until they add the bot again', async () => {
    expect(await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2011-10-10T08:00:00Z'))).toBeGreaterThan(0);
    const first = textOf(cardsAbout(bot, jane, 'Weekly briefing').at(-1));
    expect(first).toMatch(/Roles nobody holds.*Housing Officer/);
    expect(first).toMatch(/Roles nobody holds.*DIP Lead/);
    expect(first).toContain('Dan Price');
    expect(first).not.toContain('Bob Other');
    // Dan adds the bot again (Teams sends conversationUpdate): reachable, his role held again.
    bot.connector.clear();
    await bot.post(botAdded(bot.origin, dan));
    expect((await bot.store.people.get(dan.aadObjectId))?.reachable).toBe(true);
    await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2011-10-17T08:00:00Z'));
    const next = textOf(cardsAbout(bot, jane, 'Weekly briefing').at(-1));
    expect(next).not.toMatch(/Roles nobody holds.*DIP Lead/);
    expect(next).not.toContain('Dan Price');
  });
});
