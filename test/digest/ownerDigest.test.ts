import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { cardBytes, openLines, pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const jane = { aadObjectId: 'e1000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e1000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'e1000000-0000-4000-8000-000000000003', name: 'Alex Jones' };

// Tue 13 Sep 2011: ten actions due that day, ten due in 7 days and ten in 14: thirty reminders for Sam.
const dueOn = ['2011-09-13', '2011-09-20', '2011-09-27'];
const rows = Array.from({ length: 30 }, (_, i) => ({
  ref: `3.${i + 1}`,
  text: `Review the outreach contract for district ${String(i + 1).padStart(2, '0')} with the provider and agree the next steps`,
  owners: ['SMLO'],
  due: dueOn[i % 3] ?? '2011-09-13',
}));
const LONE = 'Publish the harm reduction leaflet';
const plan = handMadePlan('digest', 'Testshire DAT', planYear2011, [...rows, { ref: '4.1', text: LONE, owners: ['SMO'], due: '2011-09-13' }]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('digestOwner', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
});
afterAll(async () => bot?.close());

describe("Sam's thirty reminders on Tue 13 Sep 2011", () => {
  it('come as exactly one message, even with two instances sweeping and a third sweep later', async () => {
    await Promise.all([bot.sweep('2011-09-13T08:00:00Z'), bot.sweep('2011-09-13T08:00:01Z')]);
    const later = await bot.sweep('2011-09-13T11:00:00Z');
    expect(later.sent).toBe(0);
    const cards = cardsTo(bot, sam);
    expect(cards).toHaveLength(1);
    const card = cardOf(cards[0]);
    expect(cardBytes(card)).toBeLessThan(25_000);
    const text = textOf(cards[0]);
    expect(text).toContain('Your actions for Tue 13 Sep 2011');
    expect(text).toContain('30 actions: 10 due today, 10 due this week, 10 coming up');
  });

  it('a digest too big for one message shows the most urgent first and pages through the rest', async () => {
    const first = cardOf(cardsTo(bot, sam)[0]);
    const seen = new Set(openLines(first));
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.size).toBeLessThan(30);
    expect(textOf(cardsTo(bot, sam)[0])).toMatch(/Due today \(10\)/);
    expect(JSON.stringify(first)).toContain(`Show the other ${30 - seen.size}`);
    let card: unknown = first;
    for (let page = 1; seen.size < 30 && page < 10; page++) {
      const answer = await pressDigest(bot, sam, card, 'digest.page', null);
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardBytes(answer.value)).toBeLessThan(25_000);
      for (const n of openLines(answer.value)) seen.add(n);
      card = answer.value;
    }
    expect(seen.size).toBe(30);
  });

  it('answering from the digest saves the answer and redraws the digest with who answered', async () => {
    const card = cardOf(cardsTo(bot, sam)[0]);
    const record = await bot.store.digests.get(`owner|${sam.aadObjectId}|2011-09-13`);
    const lineOf = (actionId: string): number => record?.lines.findIndex((l) => l.actionId === actionId) ?? -1;
    // 3.1 is due today, 3.2 on Tue 20 Sep (on a later page).
    const [first, second] = [lineOf('digest-3.1'), lineOf('digest-3.2')];
    expect(openLines(card)).toContain(first);
    bot.clock.set('2011-09-13T09:14:00Z');
    const done = await pressDigest(bot, sam, card, 'digest.done', first);
    expect(answerText(done)).toContain('Done by Sam Patel, Tue 13 Sep 2011 10:14');
    expect(answerText(done)).toContain('1 answered');
    expect(openLines(done.value)).not.toContain(first);
    // Page on to the one that shows 3.2 (how many lines a page holds depends on the buttons each line has).
    let later: unknown = done.value;
    for (let n = 0; n < 10 && !openLines(later).includes(second); n++) later = (await pressDigest(bot, sam, later, 'digest.page', null)).value;
    const delayed = await pressDigest(bot, sam, later, 'digest.delayed', second, { [`newDate${second}`]: '2011-10-31', [`reason${second}`]: 'Provider data late' });
    expect(answerText(delayed)).toContain('Delayed to Mon 31 Oct 2011 (Provider data late) by Sam Patel');
    expect(answerText(delayed)).toContain('2 answered');
    const stored = await bot.store.actions.get('digest', 'digest-3.1');
    expect(stored?.progress.status).toBe('done');
    const history = await bot.store.actions.history('digest', 'digest-3.2');
    expect(history.at(-1)).toMatchObject({ by: { name: 'Sam Patel' }, to: 'delayed', dueAfter: '2011-10-31', via: 'button' });
  });

  it('a line already answered, a foreign digest and made-up input are refused and change nothing', async () => {
    const card = cardOf(cardsTo(bot, sam)[0]);
    const again = await pressDigest(bot, sam, card, 'digest.done', 0);
    expect(String(again.value)).toContain('Already answered');
    const stolen = await pressDigest(bot, alex, card, 'digest.done', 5);
    expect(String(stolen.value)).toContain('not yours');
    const blank = await pressDigest(bot, sam, card, 'digest.blocked', 5, { blocked5: '   ' });
    expect(String(blank.value)).toContain('Nothing was changed');
    expect((await bot.store.actions.get('digest', 'digest-3.6'))?.progress.status).toBe('open');
  });

  it('a person with a single reminder gets the familiar single-action card', async () => {
    const cards = cardsTo(bot, alex);
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('Due today');
    expect(textOf(cards[0])).toContain(LONE);
  });

  it('the next sweep day sends only what is newly due, and nothing answered', async () => {
    // Mon 19 Sep: the 1-day-before step of the ten due Tue 20 Sep (one of them delayed, so nine).
    await bot.sweep('2011-09-19T08:00:00Z');
    const cards = cardsTo(bot, sam);
    expect(cards).toHaveLength(2);
    expect(textOf(cards[1])).toContain('9 actions: 9 due this week');
    expect(textOf(cards[1])).not.toContain('district 02 ');
  });
});
