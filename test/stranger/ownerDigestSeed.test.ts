// The owner's digest on the five seed plans, pressed as a stranger would: a digest of 50 lines paged to
// its end and past it, Done and Snooze on a line answered elsewhere, a press Teams sends twice, and a press
// naming someone else's digest. Sweep of Tue 31 Mar 2009, the last day of the seed plans' year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { cardBytes, executes, openLines, pressDigest } from '../support/digestPress.ts';
import { cardAction, type TeamsPerson } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const sam = person('Sam Patel');
const alex = person('Alex Jones');
const DAY = '2009-03-31';
const ISO = /\b\d{4}-\d{2}-\d{2}\b/;
// Holds the roles of Sam, Priya and Tom together: some 50 actions need him on the sweep day.
const owen: TeamsPerson = { aadObjectId: 'f9200000-0000-4000-8000-000000000001', name: 'Owen Many' };
const rolesOf = (name: string): string[] => demo.people.find((p) => p.name === name)?.roles ?? [];

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerdigest', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await meet(bot, owen, ...rolesOf('Sam Patel'), ...rolesOf('Priya Shah'), ...rolesOf('Tom Hughes'));
  await bot.sweep(`${DAY}T08:00:00Z`);
}, 120_000);
afterAll(async () => bot?.close());

const digestOf = (who: TeamsPerson) => cardOf(cardsTo(bot, who).find((c) => textOf(c).includes('Your actions for')));

describe("Owen's digest of some 50 actions", () => {
  it('pages to every line, each page under 25 KB and showing no ISO date; a page past the end shows the last', async () => {
    const record = await bot.store.digests.get(`owner|${owen.aadObjectId}|${DAY}`);
    const total = record?.lines.length ?? 0;
    expect(total).toBeGreaterThan(30);
    let card: unknown = digestOf(owen);
    const seen = new Set<number>();
    for (let page = 0; page < 20; page++) {
      expect(cardBytes(card)).toBeLessThan(25_000);
      expect(answerText({ status: 200, statusCode: 200, type: '', value: card })).not.toMatch(ISO);
      for (const n of openLines(card)) seen.add(n);
      if (!executes(card).some((a) => a.verb === 'digest.page')) break;
      card = (await pressDigest(bot, owen, card, 'digest.page', null)).value;
    }
    expect(seen.size).toBe(total);
    const past = await bot.post(cardAction(bot.origin, owen, 'digest.page', { d: record?.key, p: 9999 }));
    const value = (past.body as { value?: unknown }).value;
    expect(cardBytes(value)).toBeLessThan(25_000);
    expect(openLines(value).length).toBeGreaterThan(0);
  });
});

describe("Sam's digest", () => {
  it('Done and Snooze on a line answered by typing since say so and change nothing', async () => {
    const card = digestOf(sam);
    const record = await bot.store.digests.get(`owner|${sam.aadObjectId}|${DAY}`);
    const line = openLines(card)[0] ?? -1;
    const target = record?.lines[line];
    const stored = await bot.store.actions.get(target?.planId ?? '', target?.actionId ?? '');
    bot.clock.set(`${DAY}T09:00:00Z`);
    await bot.say(sam, `done ${stored?.action.code}`);
    const before = (await bot.store.actions.history(target?.planId ?? '', target?.actionId ?? '')).length;
    const done = await pressDigest(bot, sam, card, 'digest.done', line);
    expect(answerText(done)).toContain('Already answered: Done by Sam Patel');
    const snooze = await pressDigest(bot, sam, card, 'digest.snooze', line, {}, '1 week');
    expect(answerText(snooze)).toContain('Already answered');
    expect((await bot.store.actions.history(target?.planId ?? '', target?.actionId ?? '')).length).toBe(before);
    expect((await bot.store.settings.get(sam.aadObjectId)).snoozes).toEqual([]);
  });

  it('a Snooze press Teams sends twice is applied once and answered the same; a second press says it is answered, once', async () => {
    const card = digestOf(sam);
    const line = openLines(card)[1] ?? -1;
    const button = executes(card).find((a) => a.verb === 'digest.snooze' && Number(a.data?.i) === line && a.title === '1 week');
    const activity = cardAction(bot.origin, sam, 'digest.snooze', button?.data ?? {});
    const first = await bot.post(activity);
    const again = await bot.post(activity);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(JSON.stringify(first.body)).toContain('Snoozed until Tue 7 Apr 2009');
    expect((await bot.store.settings.get(sam.aadObjectId)).snoozes).toHaveLength(1);
    const pressed = await pressDigest(bot, sam, card, 'digest.snooze', line, {}, '1 week');
    expect(answerText(pressed)).toBe('Already answered: Snoozed until Tue 7 Apr 2009.');
  });

  it("a press naming Sam's digest, sent by Alex, is refused and snoozes nothing for either", async () => {
    const card = digestOf(sam);
    const line = openLines(card)[2] ?? -1;
    const forged = await pressDigest(bot, alex, card, 'digest.snooze', line, {}, '1 day');
    expect(answerText(forged)).toContain('not yours');
    expect((await bot.store.settings.get(alex.aadObjectId)).snoozes).toEqual([]);
    expect((await bot.store.settings.get(sam.aadObjectId)).snoozes).toHaveLength(1);
  });
});

describe("Alex's single-action card", () => {
  it('has a Snooze like every digest line; a week snoozes it for Alex, and Sam pressing it is refused', async () => {
    const [single] = cardsTo(bot, alex);
    expect(textOf(single)).toContain('Overdue');
    const week = executes(cardOf(single)).find((a) => a.verb === 'snooze' && a.title === '1 week');
    expect(week).toBeDefined();
    const forged = await bot.post(cardAction(bot.origin, sam, 'snooze', week?.data ?? {}));
    expect(JSON.stringify(forged.body)).toContain('not one of yours');
    const res = await bot.post(cardAction(bot.origin, alex, 'snooze', week?.data ?? {}));
    expect(JSON.stringify(res.body)).toContain('Snoozed until Tue 7 Apr 2009');
    expect((await bot.store.settings.get(alex.aadObjectId)).snoozes.map((x) => x.actionId)).toEqual([week?.data?.actionId]);
    const noDate = executes(cardOf(single)).find((a) => a.verb === 'snooze' && a.title === 'Until the date');
    const blank = await bot.post(cardAction(bot.origin, alex, 'snooze', noDate?.data ?? {}));
    expect(JSON.stringify(blank.body)).toContain('pick the date');
  });
});
