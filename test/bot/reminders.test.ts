import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsAbout, cardsTo, meet, press } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const commissioner = { aadObjectId: 'c3000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const alex = { aadObjectId: 'c3000000-0000-4000-8000-000000000003', name: 'Alex Jones' };
const priya = { aadObjectId: 'c3000000-0000-4000-8000-000000000004', name: 'Priya Shah' };

const AUDIT = 'Agree the needle exchange audit';
const DROP_IN = 'Open the Saturday drop-in';
const LEAFLET = 'Publish the harm reduction leaflet';
const REVIEW = 'Quarterly review of the treatment plan';
const PROTOCOL = 'Sign the shared care protocol';
const NEEDS = 'Present the needs assessment';

const plan2011 = handMadePlan('remind-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1.1', text: AUDIT, owners: ['SMLO', 'SMO'], due: '2011-09-30' }, // a Friday
  { ref: '1.1.2', text: DROP_IN, owners: ['SMLO'], due: '2011-10-15' }, // a Saturday
  { ref: '1.1.3', text: LEAFLET, owners: ['SMO'], due: '2011-09-12' }, // 14 days before is the bank holiday of 29 Aug
  { ref: '1.2.1', text: REVIEW, owners: ['DAT Co-ordinator'], due: { kind: 'recurring', every: '3 months', from: null, until: null } },
  { ref: '1.3.1', text: 'Commission the housing support service', owners: ['Housing Officer'], due: '2011-09-30' },
  { ref: '1.3.2', text: 'Train the custody nurses', owners: ['Custody Nurse Lead'], due: '2011-09-30' },
  { ref: '1.4.1', text: PROTOCOL, owners: ['SMO'], due: '2011-12-30' },
]);
const plan2012 = handMadePlan('remind-2012', 'Testshire DAT', { start: '2012-04-01', end: '2013-03-31' }, [
  { ref: '2.1.1', text: NEEDS, owners: ['SMLO'], due: '2012-04-16' }, // 7 days before is Easter Monday
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botremind', '2011-06-01T08:00:00Z');
  await bot.importPlan(plan2011);
  await bot.importPlan(plan2012);
  await meet(bot, commissioner, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'SMO');
  await meet(bot, priya, 'DAT Co-ordinator');
});
afterAll(async () => bot?.close());

/** The 9am sweep (London time), run twice at once, as two bot instances would. */
async function sweepTwice(day: string): Promise<void> {
  await Promise.all([bot.sweep(`${day}T08:00:00Z`), bot.sweep(`${day}T08:00:01Z`)]);
}
const headline = (call: ConnectorCall | undefined): string => {
  const body = (cardOf(call)?.body ?? []) as { items?: { text?: string }[] }[];
  return body[0]?.items?.[0]?.text ?? '';
};
/**
 * What a person is told about an action: the single-action card's banner, or, in a digest, the same
 * words made from the action's section and its line ("Overdue: 7 days late", "Coming up: due in 6 days").
 */
const toldAbout = (words: string) => (call: ConnectorCall | undefined): string => {
  const single = headline(call);
  if (single) return single;
  const sections = ((cardOf(call)?.body ?? []) as { items?: { text?: string; items?: { text?: string }[] }[] }[]).filter((b) => b.items);
  for (const section of sections) {
    const title = section.items?.[0]?.text ?? '';
    for (const line of section.items?.slice(1) ?? []) {
      if (!line.items?.[0]?.text?.includes(words)) continue;
      const distance = (line.items[1]?.text ?? '').split(' · ').at(-1) ?? '';
      if (title.startsWith('Overdue')) return `Overdue: ${distance}`;
      if (title.startsWith('Due today')) return 'Due today';
      return `Coming up: due ${distance}`;
    }
  }
  return '';
};
const occurrenceOn = (call: ConnectorCall | undefined): unknown =>
  ((cardOf(call)?.actions as { data?: { occurrence?: string } }[] | undefined)?.[0]?.data?.occurrence);

describe('a recurring quarterly review', () => {
  it('is reminded before its first occurrence, and "done" closes only that occurrence', async () => {
    // Thu 16 Jun is 14 days before the first quarter ends (Thu 30 Jun).
    await sweepTwice('2011-06-16');
    const [june] = cardsAbout(bot, priya, REVIEW);
    expect(cardsAbout(bot, priya, REVIEW)).toHaveLength(1);
    expect(occurrenceOn(june)).toBe('2011-06-30');

    bot.clock.set('2011-06-20T10:00:00Z');
    const answer = await press(bot, priya, june as ConnectorCall, 'done');
    expect(answerText(answer)).toContain('Done');
    const stored = await bot.store.actions.get('remind-2011', 'remind-2011-1.2.1');
    expect(stored?.progress).toMatchObject({ status: 'open', occurrence: '2011-09-30', dueDate: '2011-09-30' });

    // Nothing more about June: not the day before, not on the day, not a week late.
    for (const day of ['2011-06-29', '2011-06-30', '2011-07-07']) await sweepTwice(day);
    expect(cardsAbout(bot, priya, REVIEW)).toHaveLength(1);
  });
});

describe('bank holidays', () => {
  it('a step falling on the August bank holiday (Mon 29 Aug 2011) goes out on Tuesday', async () => {
    const holiday = await bot.sweep('2011-08-29T08:00:00Z');
    expect(holiday.due).toBe(0);
    expect(cardsAbout(bot, alex, LEAFLET)).toHaveLength(0);
    await sweepTwice('2011-08-30');
    const cards = cardsAbout(bot, alex, LEAFLET);
    expect(cards).toHaveLength(1);
    expect(toldAbout(LEAFLET)(cards[0])).toBe('Coming up: due in 13 days');
  });
});

describe('a one-off action due Fri 30 Sep 2011, owned by SMLO & SMO', () => {
  it('a dry run sends nothing but says what would go', async () => {
    const callsBefore = bot.connector.calls.length;
    const report = await bot.sweep('2011-09-16T08:00:00Z', { dryRun: true });
    expect(bot.connector.calls.length).toBe(callsBefore);
    expect(report.sent).toBe(0);
    const audit = report.planned.filter((p) => p.actionId === 'remind-2011-1.1.1');
    expect(audit.map((p) => p.personName).sort()).toEqual(['Alex Jones', 'Sam Patel']);
    expect(audit.every((p) => p.kind === 'upcoming')).toBe(true);
  });

  it('is reminded 14, 7 and 1 days before and on the day, once each to every holder of every owner role', async () => {
    const days = ['2011-09-16', '2011-09-19', '2011-09-23', '2011-09-26', '2011-09-29', '2011-09-30'];
    for (const day of days) await sweepTwice(day);
    for (const owner of [sam, alex]) {
      const cards = cardsAbout(bot, owner, AUDIT);
      expect(cards.map(toldAbout(AUDIT))).toEqual(['Coming up: due in 14 days', 'Coming up: due in 7 days', 'Coming up: due tomorrow', 'Due today']);
      expect(JSON.stringify(cardOf(cards[0]))).toMatch(/"verb":"(digest\.)?done"/);
    }
    // The commissioner does not get owners' reminders.
    expect(cardsAbout(bot, commissioner, AUDIT)).toHaveLength(0);
  });

  it('the next occurrence of the quarterly review gets its own reminders, and the June card is stale', async () => {
    const cards = cardsAbout(bot, priya, REVIEW);
    // June's, then Sep's 14, 7, 1 days before and on the day.
    expect(cards.map(occurrenceOn)).toEqual(['2011-06-30', '2011-09-30', '2011-09-30', '2011-09-30', '2011-09-30']);
    const history = await bot.store.actions.history('remind-2011', 'remind-2011-1.2.1');
    const stale = await press(bot, priya, cards[0] as ConnectorCall, 'done');
    // The June card shows an older version: the press changes nothing and shows the action as it stands.
    expect(stale.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(stale.value)).toContain('Fri 30 Sep 2011');
    expect(await bot.store.actions.history('remind-2011', 'remind-2011-1.2.1')).toEqual(history);
  });

  it('roles nobody holds are no daily card: their actions, once due, are in the escalation digest', async () => {
    // The weekly briefing and the start-up log list roles nobody holds (test/digest/briefing.test.ts).
    expect(cardsAbout(bot, commissioner, 'Roles nobody holds')).toHaveLength(0);
    // On the day (Fri 30 Sep), once, however many sweeps ran.
    const told = cardsAbout(bot, commissioner, 'nobody who can be reached holds');
    expect(told).toHaveLength(1);
    const text = textOf(told[0]);
    expect(text).toContain('Fri 30 Sep 2011');
    expect(text).toContain('nobody who can be reached holds Housing Officer');
    expect(text).toContain('nobody who can be reached holds Custody Nurse Lead');
  });
});

describe('weekends', () => {
  it('a step falling on a Saturday goes out on Monday', async () => {
    // 1.1.2 is due Sat 15 Oct: 14 days before is Sat 1 Oct.
    const saturday = await bot.sweep('2011-10-01T08:00:00Z');
    expect(saturday.due).toBe(0);
    expect(cardsAbout(bot, sam, DROP_IN)).toHaveLength(0);
    await sweepTwice('2011-10-03');
    const cards = cardsAbout(bot, sam, DROP_IN);
    expect(cards.map(toldAbout(DROP_IN))).toEqual(['Coming up: due in 12 days']);
  });
});

describe('blocked actions', () => {
  it('are escalated to the commissioner once, with the reason', async () => {
    bot.clock.set('2011-10-04T10:00:00Z');
    const [reply] = await bot.say(alex, 'blocked 1.4.1: waiting for the PCT');
    expect(textOf(reply)).toContain('Saved: TES-1.4.1 *Sign the shared care protocol* is blocked: waiting for the PCT.');
    await sweepTwice('2011-10-04');
    await sweepTwice('2011-10-05');
    const escalations = cardsAbout(bot, commissioner, PROTOCOL);
    expect(escalations).toHaveLength(1);
    expect(textOf(escalations[0])).toContain('Needs your attention');
    expect(textOf(escalations[0])).toContain('Newly blocked (1)');
    expect(textOf(escalations[0])).toContain('blocked: waiting for the PCT');
  });
});

describe('overdue actions', () => {
  it('nudge the owners weekly, and escalate to the commissioner once after 14 days late', async () => {
    await sweepTwice('2011-10-07');
    for (const owner of [sam, alex]) expect(toldAbout(AUDIT)(cardsAbout(bot, owner, AUDIT).at(-1))).toBe('Overdue: 7 days late');
    expect(cardsAbout(bot, commissioner, AUDIT)).toHaveLength(0);

    await sweepTwice('2011-10-10');
    await sweepTwice('2011-10-14');
    for (const owner of [sam, alex]) {
      expect(cardsAbout(bot, owner, AUDIT).slice(4).map(toldAbout(AUDIT))).toEqual(['Overdue: 7 days late', 'Overdue: 14 days late']);
    }
    const escalations = cardsAbout(bot, commissioner, AUDIT);
    expect(escalations).toHaveLength(1);
    expect(textOf(escalations[0])).toMatch(/Late \(\d\) [\s\S]*1\.1\.1[\s\S]*Agree the needle exchange audit[\s\S]*Testshire DAT · 14 days late/);

    await sweepTwice('2011-10-21');
    expect(toldAbout(AUDIT)(cardsAbout(bot, sam, AUDIT).at(-1))).toBe('Overdue: 21 days late');
    expect(cardsAbout(bot, commissioner, AUDIT)).toHaveLength(1);
  });
});

describe('Easter', () => {
  it('a step falling on Easter Monday (9 Apr 2012) goes out on Tuesday', async () => {
    const easterMonday = await bot.sweep('2012-04-09T08:00:00Z');
    expect(easterMonday.due).toBe(0);
    expect(cardsAbout(bot, sam, NEEDS)).toHaveLength(0);
    await sweepTwice('2012-04-10');
    expect(cardsAbout(bot, sam, NEEDS).map(toldAbout(NEEDS))).toEqual(['Coming up: due in 6 days']);
    expect(cardsTo(bot, alex).filter((c) => textOf(c).includes(NEEDS))).toHaveLength(0);
  });
});
