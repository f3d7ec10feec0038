// The commissioner's one escalation message per sweep: actions late past ESCALATE_AFTER_DAYS, newly
// blocked ones with the reason, owners who have not opened their reminders, owners the bot cannot reach;
// and the four things she can do from it: Chase, Reassign, Accept the delay, Close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { personalConversationId, testTenantId } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'e3000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e3000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'e3000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const ruth = { aadObjectId: 'e3000000-0000-4000-8000-000000000004', name: 'Ruth Owen' };

// All due Fri 16 Sep 2011: fourteen days late on Fri 30 Sep.
const plan = handMadePlan('escalate', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.2', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.3', text: 'Train the outreach volunteers', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.4', text: 'Publish the harm reduction leaflet', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '2.1', text: 'Sign the shared care protocol', owners: ['SMO'], due: '2011-10-31' },
  { ref: '3.1', text: 'Commission the housing support service', owners: ['Housing Officer'], due: '2011-09-16' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('digestEscalation', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await meet(bot, ruth);
});
afterAll(async () => bot?.close());

const escalations = () => cardsTo(bot, jane).filter((c) => textOf(c).includes('Needs your attention'));
async function lineOf(day: string, actionId: string): Promise<number> {
  const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|${day}`);
  return record?.lines.findIndex((l) => l.actionId === actionId) ?? -1;
}

describe('the escalation digest', () => {
  it('one message per sweep: late actions, a newly blocked one with its reason, and owners who cannot be reached', async () => {
    // The Housing Officer's holder removed the bot: the role counts as unheld.
    await meet(bot, { aadObjectId: 'e3000000-0000-4000-8000-000000000005', name: 'Hal Moss' }, 'Housing Officer');
    await bot.store.people.setReachable('e3000000-0000-4000-8000-000000000005', false);
    for (const day of ['2011-09-16', '2011-09-19', '2011-09-23']) await bot.sweep(`${day}T08:00:00Z`);
    bot.clock.set('2011-09-28T10:00:00Z');
    await bot.say(alex, 'blocked 2.1: waiting for the PCT');
    await Promise.all([bot.sweep('2011-09-30T08:00:00Z'), bot.sweep('2011-09-30T08:00:02Z')]);
    const cards = escalations();
    // 23 Sep: the housing action (overdue, nobody reachable holds it); 28 Sep: nothing; 30 Sep: 4 late + 1 blocked.
    const last = cards.at(-1);
    expect(cards.filter((c) => textOf(c).includes('Fri 30 Sep 2011'))).toHaveLength(1);
    const text = textOf(last);
    expect(text).toContain('Late (4)');
    expect(text).toContain('14 days late');
    expect(text).toContain('Newly blocked (1)');
    expect(text).toContain('blocked: waiting for the PCT');
    expect(text).toContain('owners: not opened');
    expect(text).toContain('Sam Patel has not opened the reminders of Fri 23 Sep 2011');
    // The one of Fri 16 Sep was told on Fri 23 Sep, once.
    expect(cards.filter((c) => textOf(c).includes('reminders of Fri 16 Sep 2011'))).toHaveLength(1);
    // The housing action reached no owner: its line says why, and no "not opened".
    const housing = cards.find((c) => textOf(c).includes('Commission the housing support service'));
    expect(textOf(housing)).toMatch(/Commission the housing support service.*?nobody who can be reached holds Housing Officer/);
    expect(textOf(housing)).not.toMatch(/holds Housing Officer · owners: not opened/);
    expect(textOf(cards[0])).toContain('nobody who can be reached holds Housing Officer');
  });

  it('Chase sends the owners the reminder now and says so in the history', async () => {
    const card = cardOf(escalations().at(-1));
    const before = cardsTo(bot, sam).length;
    bot.clock.set('2011-09-30T09:30:00Z');
    const answer = await pressDigest(bot, jane, card, 'escalation.chase', await lineOf('2011-09-30', 'escalate-1.1'));
    expect(answerText(answer)).toContain('Chased by Jane Smith: 1 of 1 reminded');
    const sent = cardsTo(bot, sam).slice(before);
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0])).toContain('Overdue: 14 days late');
    expect((await bot.store.actions.history('escalate', 'escalate-1.1')).at(-1)?.summary).toBe('chased: Sam Patel reminded');
  });

  it('Reassign gives the action to another person, who then holds its role', async () => {
    const card = cardOf(escalations().at(-1));
    const line = await lineOf('2011-09-30', 'escalate-1.2');
    const nobody = await pressDigest(bot, jane, card, 'escalation.reassign', line, { [`person${line}`]: 'Nobody Known' });
    expect(String(nobody.value)).toContain('I do not know anyone called "Nobody Known"');
    const answer = await pressDigest(bot, jane, card, 'escalation.reassign', line, { [`person${line}`]: 'Ruth' });
    expect(answerText(answer)).toContain('Reassigned to Ruth Owen by Jane Smith');
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).toContain(ruth.aadObjectId);
    expect((await bot.store.actions.history('escalate', 'escalate-1.2')).at(-1)?.summary).toBe('reassigned to Ruth Owen (now holds SMLO)');
  });

  it('Accept the delay moves the date; Close marks it done; both in the history by the commissioner', async () => {
    const card = cardOf(escalations().at(-1));
    const late = await lineOf('2011-09-30', 'escalate-1.3');
    const accepted = await pressDigest(bot, jane, card, 'escalation.accept', late, { [`accept${late}`]: '2011-10-31' });
    expect(answerText(accepted)).toContain('Delay accepted to Mon 31 Oct 2011 by Jane Smith');
    expect((await bot.store.actions.get('escalate', 'escalate-1.3'))?.progress).toMatchObject({ status: 'delayed', dueDate: '2011-10-31' });
    const closing = await lineOf('2011-09-30', 'escalate-1.4');
    const closed = await pressDigest(bot, jane, accepted.value, 'escalation.close', closing);
    expect(answerText(closed)).toContain('Closed by Jane Smith');
    expect((await bot.store.actions.get('escalate', 'escalate-1.4'))?.progress.status).toBe('done');
    expect((await bot.store.actions.history('escalate', 'escalate-1.4')).at(-1)?.by.name).toBe('Jane Smith');
  });

  it("only the commissioner may use them, and an owner's answer shows on her digest", async () => {
    const card = cardOf(escalations().at(-1));
    const stolen = await pressDigest(bot, sam, card, 'escalation.close', await lineOf('2011-09-30', 'escalate-1.1'));
    expect(String(stolen.value)).toContain('not yours');
    // Sam answers 1.1 from his digest; Jane's digest is redrawn with the answer (after his press is answered).
    bot.clock.set('2011-09-30T11:00:00Z');
    const callsBefore = bot.connector.calls.length;
    const record = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-16`);
    expect(record).not.toBeNull();
    const samCard = cardsTo(bot, sam).find((c) => c.activityId === record?.activityId);
    const line = record?.lines.findIndex((l) => l.actionId === 'escalate-1.1') ?? -1;
    await pressDigest(bot, sam, cardOf(samCard), 'digest.done', line);
    const redrawn = await bot.connector.waitFor(() => bot.connector.calls.slice(callsBefore).find((u) => u.kind === 'update' && u.conversationId === personalConversationId(jane) && JSON.stringify(u.body).includes('Done by Sam Patel')));
    expect(textOf(redrawn)).toContain('Needs your attention');
  });
});
