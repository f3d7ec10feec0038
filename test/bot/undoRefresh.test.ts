// "undo" takes an answer back everywhere it was shown: every copy of the reminder card gets its buttons
// back, and the digests listing the action lose the answer's outcome.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet, press, updatesIn } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';

const sam = { aadObjectId: 'd4100000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'd4100000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const AUDIT = 'Agree the needle exchange audit';
const PLAN = 'undo-2011';

const plan = handMadePlan(PLAN, 'Undoshire DAT', planYear2011, [
  { ref: '3.1.1', text: AUDIT, owners: ['SMLO', 'SMO'], due: '2011-09-30' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botundorefresh', '2011-09-01T08:00:00Z', { REMIND_DAYS_BEFORE: '0', OVERDUE_EVERY_DAYS: '90' });
  await bot.importPlan(plan);
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await bot.sweep('2011-09-30T08:00:00Z');
  bot.clock.set('2011-09-30T10:00:00Z');
});
afterAll(async () => bot?.close());

const cardAbout = (person: TeamsPerson): ConnectorCall => {
  const [card] = cardsAbout(bot, person, AUDIT);
  if (!card) throw new Error(`${person.name} has no card about the audit`);
  return card;
};
// The reminder card again ("Due today", its Done button), not the answered card ("Done … Sam Patel, Fri 30 Sep 2011 11:00").
const withButtons = (call: ConnectorCall): boolean => JSON.stringify(call.body).includes('"verb":"done"') && textOf(call).includes('Due today') && !textOf(call).includes('Sam Patel, Fri');

describe('undo refreshes every copy of the card', () => {
  it('after Done is pressed and undone, both owners\' copies show the action open with its buttons again', async () => {
    const samCard = cardAbout(sam);
    const alexCard = cardAbout(alex);
    expect((await press(bot, sam, samCard, 'done')).status).toBe(200);
    // The answer reaches Alex's copy first.
    await bot.connector.waitFor(() => updatesIn(bot, alex).some((u) => u.activityId === alexCard.activityId && textOf(u).includes('Sam Patel')), 5000);

    const reply = (await bot.say(sam, 'undo')).map(textOf).join('\n');
    expect(reply).toContain('is open again');
    const latest = (person: TeamsPerson, card: ConnectorCall): ConnectorCall | undefined =>
      updatesIn(bot, person).filter((u) => u.activityId === card.activityId).at(-1);
    await bot.connector.waitFor(() => {
      const a = latest(alex, alexCard);
      const s = latest(sam, samCard);
      return a !== undefined && withButtons(a) && s !== undefined && withButtons(s);
    }, 5000);
    expect(textOf(latest(alex, alexCard))).toContain(AUDIT);
  });
});

describe('undo refreshes the digests listing the action', () => {
  const DIGEST_PLAN = 'undodigest-2011';
  const lineId = `${DIGEST_PLAN}-1.1.1`;
  let digestBot: BotHarness;
  beforeAll(async () => {
    digestBot = await startBotHarness('botundodigest', '2011-09-01T08:00:00Z', { REMIND_DAYS_BEFORE: '0', OVERDUE_EVERY_DAYS: '90' });
    await digestBot.importPlan(handMadePlan(DIGEST_PLAN, 'Digestshire DAT', planYear2011, [
      { ref: '1.1.1', text: 'Audit the hostels', owners: ['SMLO'], due: '2011-09-30' },
      { ref: '1.1.2', text: 'Survey the pharmacies', owners: ['SMLO'], due: '2011-09-30' },
    ]));
    await meet(digestBot, sam, 'SMLO');
    await digestBot.sweep('2011-09-30T08:00:00Z');
    digestBot.clock.set('2011-09-30T10:00:00Z');
  });
  afterAll(async () => digestBot?.close());

  it('a line answered by a typed "done" loses its outcome on "undo", and the digest is redrawn', async () => {
    const digests = () => digestBot.store.digests.withAction(DIGEST_PLAN, lineId);
    const outcomeOf = async () => (await digests())[0]?.lines.find((l) => l.actionId === lineId)?.outcome;
    expect(await digests()).toHaveLength(1);
    await digestBot.say(sam, 'done 1.1.1');
    await vi.waitFor(async () => expect(await outcomeOf()).toMatch(/^Done by Sam Patel/), { timeout: 5000 });
    const updatesBefore = updatesIn(digestBot, sam).length;
    await digestBot.say(sam, 'undo');
    expect(await outcomeOf()).toBeUndefined();
    await digestBot.connector.waitFor(() => updatesIn(digestBot, sam).length > updatesBefore, 5000);
    expect(textOf(updatesIn(digestBot, sam).at(-1))).not.toContain('Done by Sam Patel');
  });
});
