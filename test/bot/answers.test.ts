import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsAbout, meet, press, submit, updatesIn } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';

const commissioner = { aadObjectId: 'd4000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'd4000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'd4000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const priya = { aadObjectId: 'd4000000-0000-4000-8000-000000000004', name: 'Priya Shah' };
const tom = { aadObjectId: 'd4000000-0000-4000-8000-000000000005', name: 'Tom Hughes' };
const zoe = { aadObjectId: 'd4000000-0000-4000-8000-000000000006', name: 'Zoe Brown' };

const PLAN = 'answer-2011';
const AUDIT = 'Agree the needle exchange audit';
const TIMES = 'Report the treatment waiting times';
const DIP = 'Review the DIP pathway';
const NURSES = 'Train the custody nurses';
const REVIEW = 'Quarterly review of the treatment plan';
const LEAFLET = 'Publish the harm reduction leaflet';

const plan = handMadePlan(PLAN, 'Testshire DAT', planYear2011, [
  { ref: '3.1.1', text: AUDIT, owners: ['SMLO', 'SMO'], due: '2011-09-30' },
  { ref: '3.1.2', text: TIMES, owners: ['SMLO', 'SMO'], due: '2011-10-03' },
  { ref: '3.1.3', text: DIP, owners: ['SMLO', 'SMO'], due: '2011-10-04' },
  { ref: '3.1.4', text: NURSES, owners: ['SMLO', 'SMO'], due: '2011-10-05' },
  { ref: '3.2.1', text: REVIEW, owners: ['SMLO'], due: { kind: 'recurring', every: '3 months', from: null, until: null } },
  { ref: '4.1.1', text: LEAFLET, owners: ['SMO'], due: '2011-10-07' },
  { ref: '5.1.1', text: 'Open the housing advice clinic', owners: ['Housing Officer'], due: '2011-10-07' },
  { ref: '5.1.2', text: 'Survey the hostels', owners: ['Housing Officer'], due: '2012-01-31' },
  { ref: '6.1.1', text: 'Set up the carers group', owners: ['Carers Lead'], due: '2011-10-05' },
]);

let bot: BotHarness;
beforeAll(async () => {
  // Reminders on the day only, overdue nudges rare: each sweep below gives each owner one action, so
  // each gets the single-action card these tests answer (a person with several gets a digest).
  bot = await startBotHarness('botanswers', '2011-09-01T08:00:00Z', { REMIND_DAYS_BEFORE: '0', OVERDUE_EVERY_DAYS: '90' });
  await bot.importPlan(plan);
  await meet(bot, commissioner, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await meet(bot, priya, 'DAT Co-ordinator');
  await meet(bot, tom, 'Housing Officer');
  await meet(bot, zoe, 'Carers Lead');
  // Wed 28 Sep: the review's June occurrence, 90 days late. Then each 3.1.x action on its day (Sam and
  // Alex get a card for each), Zoe's on 5 Oct, Alex's leaflet and Tom's clinic on Fri 7 Oct.
  for (const day of ['2011-09-28', '2011-09-30', '2011-10-03', '2011-10-04', '2011-10-05', '2011-10-07']) await bot.sweep(`${day}T08:00:00Z`);
  bot.clock.set('2011-10-07T10:00:00Z');
});
afterAll(async () => bot?.close());

const id = (ref: string): string => `${PLAN}-${ref}`;
const progressOf = async (ref: string) => (await bot.store.actions.get(PLAN, id(ref)))?.progress;
const historyOf = (ref: string) => bot.store.actions.history(PLAN, id(ref));
const cardAbout = (person: TeamsPerson, words: string): ConnectorCall => {
  const [card] = cardsAbout(bot, person, words);
  if (!card) throw new Error(`${person.name} has no card about "${words}"`);
  return card;
};
async function say(person: TeamsPerson, text: string): Promise<string> {
  return (await bot.say(person, text)).map(textOf).join('\n');
}

describe('answering with the buttons (Action.Execute)', () => {
  it('Done: the card is replaced by one saying who answered and when, and the store and history are updated', async () => {
    const answer = await press(bot, sam, cardAbout(sam, AUDIT), 'done');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = answerText(answer);
    expect(text).toContain('Done');
    expect(text).toContain('Sam Patel, Fri 7 Oct 2011 11:00');
    expect(await progressOf('3.1.1')).toMatchObject({ status: 'done', updatedBy: 'Sam Patel' });
    const history = await historyOf('3.1.1');
    expect(history.at(-1)).toMatchObject({ by: { id: sam.aadObjectId, name: 'Sam Patel' }, via: 'button', from: 'open', to: 'done', occurrence: '2011-09-30' });
  });

  it('a done action late when answered is shown as done, not as days late', async () => {
    const status = await say(sam, 'status 3.1.1');
    expect(status).toContain('Done');
    expect(status).not.toMatch(/days? late/);
  });

  it("refreshes the other owner's copy of the reminder in place, not the one just answered", async () => {
    const alexCopy = cardAbout(alex, AUDIT);
    // The other copies are refreshed after the press is answered: wait for it, not for a time.
    await bot.connector.waitFor(() => updatesIn(bot, alex).some((u) => u.activityId === alexCopy.activityId), 10_000).catch(() => undefined);
    const refreshed = updatesIn(bot, alex).filter((u) => u.activityId === alexCopy.activityId);
    expect(refreshed).toHaveLength(1);
    expect(textOf(refreshed[0])).toContain('Sam Patel, Fri 7 Oct 2011 11:00');
    expect(updatesIn(bot, sam).filter((u) => u.activityId === cardAbout(sam, AUDIT).activityId)).toHaveLength(0);
  });

  it('a second press on the other copy changes nothing: it shows the action as it stands, done by Sam', async () => {
    const history = await historyOf('3.1.1');
    const answer = await press(bot, alex, cardAbout(alex, AUDIT), 'done');
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(answerText(answer)).toContain('Done');
    expect(await historyOf('3.1.1')).toEqual(history);
    await bot.connector.waitFor(() => bot.connector.sentTo(`a:1${alex.aadObjectId}`).some((c) => textOf(c).includes('Sam Patel made it done')), 5000);
  });

  it('Delayed with a new date and reason moves the due date', async () => {
    const answer = await press(bot, alex, cardAbout(alex, TIMES), 'delayed', { newDate: '2011-10-31', reason: 'The provider is late' });
    expect(answerText(answer)).toContain('Delayed to Mon 31 Oct 2011');
    expect(answerText(answer)).toContain('Was due Mon 3 Oct 2011');
    expect(answerText(answer)).toContain('Alex Jones, Fri 7 Oct 2011 11:00');
    expect(await progressOf('3.1.2')).toMatchObject({ status: 'delayed', dueDate: '2011-10-31', occurrence: '2011-10-03', reason: 'The provider is late' });
    expect((await historyOf('3.1.2')).at(-1)).toMatchObject({ via: 'button', to: 'delayed', dueBefore: '2011-10-03', dueAfter: '2011-10-31' });
    // Sam's copy now says so too (refreshed after the press is answered).
    const samUpdated = () => updatesIn(bot, sam).some((u) => u.activityId === cardAbout(sam, TIMES).activityId && textOf(u).includes('Delayed to Mon 31 Oct 2011'));
    await bot.connector.waitFor(samUpdated, 10_000).catch(() => undefined);
    expect(samUpdated()).toBe(true);
  });

  it("a non-owner's press is refused with a clear message and nothing changes", async () => {
    const before = { progress: await progressOf('3.1.4'), history: await historyOf('3.1.4'), calls: bot.connector.calls.length };
    // Priya (DAT Co-ordinator) presses Done on a copy of Sam's card.
    const answer = await press(bot, priya, cardAbout(sam, NURSES), 'done');
    expect(String(answer.value)).toBe('Not saved: only the owners of this action (SMLO, SMO) or the commissioner can update it.');
    expect(await progressOf('3.1.4')).toEqual(before.progress);
    expect(await historyOf('3.1.4')).toEqual(before.history);
    expect(bot.connector.calls.length).toBe(before.calls);
  });

  it('a stale card (its occurrence already closed) is refused', async () => {
    // Imported on 1 Sep, the review is chased for the quarter ending 30 Jun: that is the card Sam has.
    const june = cardAbout(sam, REVIEW);
    const done = answerText(await press(bot, sam, june, 'done'));
    expect(done).toContain('Was due Thu 30 Jun 2011');
    expect(done).toContain('Open: next review Fri 30 Sep 2011');
    expect(await progressOf('3.2.1')).toMatchObject({ status: 'open', occurrence: '2011-09-30' });
    const history = await historyOf('3.2.1');
    // The June card is an older version of the action: the press shows the September review instead.
    const again = await press(bot, sam, june, 'done');
    expect(answerText(again)).toContain('Fri 30 Sep 2011');
    expect(await historyOf('3.2.1')).toEqual(history);
  });
});

describe('answering with the Action.Submit fallback', () => {
  it('Blocked: the card is updated in place (PUT of that activity) and the person is told', async () => {
    const card = cardAbout(sam, DIP);
    const calls = await submit(bot, sam, card, 'blocked', { blockedReason: 'Waiting for the PCT' });
    const update = calls.find((c) => c.kind === 'update');
    expect(update?.method).toBe('PUT');
    expect(update?.activityId).toBe(card.activityId);
    expect(textOf(update)).toContain('Blocked');
    expect(textOf(update)).toContain('Waiting for the PCT');
    expect(calls.filter((c) => c.kind === 'reply').map(textOf)).toEqual(['Saved: TES-3.1.3 *Review the DIP pathway* is blocked: Waiting for the PCT. The commissioner will hear of it.']);
    expect(await progressOf('3.1.3')).toMatchObject({ status: 'blocked', reason: 'Waiting for the PCT' });
    expect((await historyOf('3.1.3')).at(-1)).toMatchObject({ via: 'button', to: 'blocked', by: { name: 'Sam Patel' } });
    await bot.connector.waitFor(() => updatesIn(bot, alex).some((u) => u.activityId === cardAbout(alex, DIP).activityId), 5000);
  });

  it('Delayed without a reason is refused and the card left as it was', async () => {
    const card = cardAbout(alex, NURSES);
    const history = await historyOf('3.1.4');
    const calls = await submit(bot, alex, card, 'delayed', { newDate: '2011-11-30', reason: '' });
    expect(calls.filter((c) => c.kind === 'update')).toEqual([]);
    expect(calls.map(textOf).join(' ')).toContain('a reason is needed');
    expect(await historyOf('3.1.4')).toEqual(history);
  });
});

describe('typed answers', () => {
  it('"done 4.1.1" closes the action and refreshes its reminder card', async () => {
    expect(await say(alex, 'done 4.1.1')).toBe('Saved: TES-4.1.1 *Publish the harm reduction leaflet* is done.\n\n(Type "undo" to take that back.)');
    expect(await progressOf('4.1.1')).toMatchObject({ status: 'done', updatedBy: 'Alex Jones' });
    expect((await historyOf('4.1.1')).at(-1)).toMatchObject({ via: 'typed', to: 'done' });
    const card = cardAbout(alex, LEAFLET);
    await bot.connector.waitFor(() => updatesIn(bot, alex).some((u) => u.activityId === card.activityId && textOf(u).includes('Alex Jones, Fri 7 Oct 2011 11:00')), 5000);
  });

  it('a bare "done" with one pending action asks first, and closes it on "yes"', async () => {
    expect(await say(zoe, 'done')).toContain('Mark TES-6.1.1 *Set up the carers group* as done? Nothing changes until you say yes.');
    expect(await progressOf('6.1.1')).toMatchObject({ status: 'open' });
    expect(await say(zoe, 'yes')).toContain('Saved: TES-6.1.1 *Set up the carers group* is done.');
    expect(await progressOf('6.1.1')).toMatchObject({ status: 'done' });
  });

  it('a bare "done" with several pending actions asks which, and changes nothing', async () => {
    const history = await historyOf('3.1.4');
    const text = await say(sam, 'done');
    expect(text).toContain('Several of your actions could be meant. Reply with one of these');
    expect(text).toContain('"done TES-3.1.4"');
    expect(await historyOf('3.1.4')).toEqual(history);
  });

  it('"blocked: waiting for the PCT" and "delayed to 30 June because the provider is late"', async () => {
    expect(await say(tom, 'blocked: waiting for the PCT')).toContain('Mark TES-5.1.1 *Open the housing advice clinic* as blocked (waiting for the PCT)?');
    expect(await say(tom, 'yes')).toContain('Saved: TES-5.1.1 *Open the housing advice clinic* is blocked: waiting for the PCT.');
    expect(await progressOf('5.1.1')).toMatchObject({ status: 'blocked', reason: 'waiting for the PCT' });
    expect(await say(tom, 'delayed to 30 June because the provider is late')).toContain('Move TES-5.1.1 *Open the housing advice clinic* to Sat 30 Jun 2012 (delayed: because the provider is late)?');
    expect(await say(tom, 'yes')).toContain('Saved: TES-5.1.1 *Open the housing advice clinic* is delayed to Sat 30 Jun 2012 (because the provider is late). Note: Sat 30 Jun 2012 is a Saturday; it is after the plan ends (Sat 31 Mar 2012).');
    expect(await progressOf('5.1.1')).toMatchObject({ status: 'delayed', dueDate: '2012-06-30', reason: 'because the provider is late' });
    expect((await historyOf('5.1.1')).map((h) => [h.via, h.to])).toEqual([['typed', 'blocked'], ['typed', 'delayed']]);
  });

  it("a non-owner's typed answer is refused and nothing changes; the commissioner may answer any", async () => {
    const history = await historyOf('3.1.4');
    // Priya's role is named in no plan, so she sees none and is told who to ask.
    expect(await say(priya, 'done 3.1.4')).toBe('You hold no role in any plan here yet, so there is nothing to show you. Ask Jane Smith to give you one (e.g. "assign SMLO to Priya Shah").');
    expect(await say(sam, 'done 5.1.2')).toBe('Not saved: TES-5.1.2 *Survey the hostels*: only the owners of this action (Housing Officer) or the commissioner can update it.');
    expect(await historyOf('3.1.4')).toEqual(history);
    expect(await say(commissioner, 'done 3.1.4')).toContain('Saved: TES-3.1.4 *Train the custody nurses* is done.');
    expect((await historyOf('3.1.4')).at(-1)).toMatchObject({ by: { name: 'Jane Smith' }, to: 'done' });
  });
});
