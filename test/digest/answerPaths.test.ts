// Every way of answering goes through one use case: a typed answer redraws the other owners' digests
// like a digest button does, a cover's typed answer is recorded "as cover", and a digest button Teams
// sends twice (the same activity) is applied once and answered the same both times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsTo, meet } from '../support/cardPress.ts';
import { executes } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { cardAction, cardSubmit, personalConversationId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'e4000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e4000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'e4000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const omar = { aadObjectId: 'e4000000-0000-4000-8000-000000000004', name: 'Omar Reid' };
const priya = { aadObjectId: 'e4000000-0000-4000-8000-000000000005', name: 'Priya Shah' };

// All due Tue 13 Sep 2011: Sam and Alex share 1.1, so each has a digest of two.
const plan = handMadePlan('paths', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO', 'SMO'], due: '2011-09-13' },
  { ref: '1.2', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-09-13' },
  { ref: '1.3', text: 'Train the outreach volunteers', owners: ['SMO'], due: '2011-09-13' },
  { ref: '2.1', text: 'Commission the housing support service', owners: ['Housing Officer'], due: '2011-09-13' },
  { ref: '2.2', text: 'Map the supported housing beds', owners: ['Housing Officer'], due: '2011-09-13' },
  { ref: '3.1', text: 'Recruit the peer mentors', owners: ['Youth Worker'], due: '2011-09-13' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('digestPaths', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await meet(bot, omar, 'Housing Officer');
  await meet(bot, priya);
  await bot.sweep('2011-09-13T08:00:00Z');
});
afterAll(async () => bot?.close());

const digestOf = (person: TeamsPerson) => cardsTo(bot, person).find((c) => textOf(c).includes('Your actions for Tue 13 Sep 2011'));

/** The first update of `person`'s digest that shows `words`, waiting for it (refreshes follow the reply). */
function digestUpdate(person: TeamsPerson, words: string) {
  const sent = digestOf(person);
  return bot.connector.waitFor(() => bot.connector.sentTo(personalConversationId(person))
    .find((c) => c.kind === 'update' && c.activityId === sent?.activityId && JSON.stringify(c.body).includes(words)));
}

describe('a typed answer is shown where a digest button would show it', () => {
  it('Sam types "done 1.1": Alex\'s digest, which lists it too, is redrawn in place with the answer', async () => {
    expect(digestOf(alex)).toBeDefined();
    bot.clock.set('2011-09-13T09:30:00Z');
    const reply = await bot.say(sam, 'done 1.1');
    expect(textOf(reply[0]) || JSON.stringify(reply[0]?.body)).toContain('Saved');
    const update = await digestUpdate(alex, 'Done by Sam Patel, Tue 13 Sep 2011 10:30');
    expect(textOf(update)).toContain('1 answered');
    const record = await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-13`);
    expect(record?.lines.find((l) => l.actionId === 'paths-1.1')?.outcome).toBe('Done by Sam Patel, Tue 13 Sep 2011 10:30');
    expect(record?.lines.find((l) => l.actionId === 'paths-1.3')?.outcome).toBeUndefined();
  });

  it('Priya, covering Housing Officer, types "done 2.1": the history and Omar\'s digest say "as cover"', async () => {
    const granted = await bot.say(jane, 'Priya Shah covers Housing Officer until 30 Sep');
    expect(JSON.stringify(granted.map((c) => c.body))).toContain('Priya Shah covers Housing Officer until Fri 30 Sep 2011');
    await bot.say(priya, 'done 2.1');
    const history = await bot.store.actions.history('paths', 'paths-2.1');
    expect(history.at(-1)).toMatchObject({ to: 'done', via: 'typed', by: { id: priya.aadObjectId, name: 'Priya Shah (as cover for Housing Officer)' } });
    await digestUpdate(omar, 'Done by Priya Shah (as cover for Housing Officer)');
  });
});

describe("the commissioner's overdue list", () => {
  it('says whose reminders were not opened, and which actions nobody could be reminded of', async () => {
    bot.clock.set('2011-09-20T09:00:00Z');
    const [list] = await bot.say(jane, "what's overdue?");
    expect(textOf(list)).toMatch(/Open the Saturday drop-in.*?Reminders: not opened/);
    expect(textOf(list)).toMatch(/Recruit the peer mentors.*?Reminders: nobody holds its roles/);
  });
});

describe('a digest button Teams sends twice', () => {
  it('is applied once and answered the same both times', async () => {
    const card = cardOf(digestOf(alex));
    const record = await bot.store.digests.get(`owner|${alex.aadObjectId}|2011-09-13`);
    const line = record?.lines.findIndex((l) => l.actionId === 'paths-1.3') ?? -1;
    const button = executes(card).find((a) => a.verb === 'digest.done' && Number(a.data?.i) === line);
    expect(button).toBeDefined();
    const historyBefore = (await bot.store.actions.history('paths', 'paths-1.3')).length;
    const activity = cardAction(bot.origin, alex, 'digest.done', { ...button?.data }, digestOf(alex)?.activityId ?? undefined);
    const first = await bot.post(activity);
    const second = await bot.post(activity);
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).toContain('Done by Alex Jones');
    expect(second.body).toEqual(first.body);
    const history = await bot.store.actions.history('paths', 'paths-1.3');
    expect(history).toHaveLength(historyBefore + 1);
    expect(history.at(-1)).toMatchObject({ to: 'done', by: { name: 'Alex Jones' } });
    // A new press of the same button (another activity) finds the line answered and changes nothing.
    const again = await bot.post(cardAction(bot.origin, alex, 'digest.done', { ...button?.data }));
    expect(JSON.stringify(again.body)).toContain('Already answered');
    expect(await bot.store.actions.history('paths', 'paths-1.3')).toHaveLength(historyBefore + 1);
  });

  it('the Action.Submit fallback (clients without Universal Actions) redraws the digest and says what was saved', async () => {
    const sent = digestOf(sam);
    const record = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-13`);
    const line = record?.lines.findIndex((l) => l.actionId === 'paths-1.2') ?? -1;
    const activity = cardSubmit(bot.origin, sam, { verb: 'digest.done', d: record?.key, i: String(line) }, sent?.activityId ?? undefined);
    const before = bot.connector.calls.length;
    expect((await bot.post(activity)).status).toBeLessThan(300);
    const calls = bot.connector.calls.slice(before).filter((c) => c.conversationId === personalConversationId(sam));
    expect(calls.some((c) => c.kind === 'update' && c.activityId === sent?.activityId && textOf(c).includes('Done by Sam Patel'))).toBe(true);
    expect(calls.some((c) => JSON.stringify(c.body).includes('Saved'))).toBe(true);
    expect((await bot.store.actions.get('paths', 'paths-1.2'))?.progress.status).toBe('done');
  });
});
