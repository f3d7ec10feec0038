// A commissioner who also owns actions gets ONE message a sweep that leads with what needs her: the
// escalations (Chase / Reassign / Accept the delay / Close), newest risk first, with one line counting her
// own, and then her own lines (Done / Delayed / Blocked / Snooze) in the same card, paged together under
// the size limit; reading it marks her own lines seen, not the escalated ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { cardBytes, executes, openLines, pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011, type ActionRow } from '../support/plans.ts';
import { personalConversationId } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'e4000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e4000000-0000-4000-8000-000000000002', name: 'Sam Patel' };
const TENANT = '72f988bf-0000-4000-8000-000000000001';

const rows = (prefix: string, count: number, owner: string, due: string, text: string): ActionRow[] =>
  Array.from({ length: count }, (_, i) => ({ ref: `${prefix}.${i + 1}`, text: `${text} ${i + 1}`, owners: [owner], due }));

// Fri 30 Sep 2011: Jane's two are due that day; Sam's three fell due on Fri 16 Sep, fourteen days before.
// Wed 30 Nov 2011: thirty of each, for the size limit.
const plan = handMadePlan('onemsg', 'Testshire DAT', planYear2011, [
  ...rows('1', 2, 'Commissioner', '2011-09-30', 'Sign off the treatment budget'),
  ...rows('2', 3, 'SMLO', '2011-09-16', 'Open the Saturday drop-in'),
  ...rows('3', 30, 'Commissioner', '2011-11-30', 'Review the prescribing contract with a long enough description to fill the card quickly'),
  ...rows('4', 30, 'SMLO', '2011-11-16', 'Audit the needle exchange returns with a long enough description to fill the card quickly'),
]);

// Imported after the sweep of 16 Sep, so its action is first shown in the message of 30 Sep.
const later = handMadePlan('onemsglate', 'Testshire DAT', planYear2011, rows('1', 1, 'Commissioner', '2011-09-30', 'Agree the late addition'));

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('digestOneMessage', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
});
afterAll(async () => bot?.close());

const digestOf = (day: string) => bot.store.digests.get(`escalation|${jane.aadObjectId}|${day}`);
/** Messages (not redraws) that reached Jane since the `before`-th. */
const sentSince = (before: number) => cardsTo(bot, jane).slice(before).filter((c) => c.kind === 'send');

describe("the commissioner's one message", () => {
  it('holds their own actions and the escalations, each with its own buttons', async () => {
    await bot.sweep('2011-09-16T08:00:00Z');
    bot.clock.set('2011-09-20T09:00:00Z');
    await bot.importPlan(later);
    const before = cardsTo(bot, jane).length;
    await bot.sweep('2011-09-30T08:00:00Z');
    const cards = sentSince(before);
    expect(cards).toHaveLength(1);
    const text = textOf(cards[0]);
    expect(text).toContain('Your actions for Fri 30 Sep 2011');
    expect(text).toContain('Due today (3)');
    expect(text).toContain('Needs your attention');
    expect(text).toContain('Late (3)');
    // What needs her comes first, with a count of her own lines; her own follow.
    expect(text.indexOf('Needs your attention')).toBeLessThan(text.indexOf('Your actions for'));
    expect(text).toContain('Also yours today: 3 actions: 3 due today (below these).');
    expect(text.indexOf('Open the Saturday drop-in')).toBeLessThan(text.indexOf('Sign off the treatment budget'));
    const record = await digestOf('2011-09-30');
    expect(record?.lines).toHaveLength(6);
    const card = cardOf(cards[0]);
    const own = record?.lines.findIndex((l) => l.actionId === 'onemsg-1.1') ?? -1;
    const late = record?.lines.findIndex((l) => l.actionId === 'onemsg-2.1') ?? -1;
    // Her own line has the owner's buttons and no Chase; an escalated line the reverse.
    expect(executes(card).filter((a) => Number(a.data?.i) === own).map((a) => a.verb)).toContain('digest.done');
    expect(executes(card).filter((a) => Number(a.data?.i) === own).map((a) => a.verb)).not.toContain('escalation.chase');
    expect(executes(card).filter((a) => Number(a.data?.i) === late).map((a) => a.verb)).toContain('escalation.chase');
    expect(executes(card).filter((a) => Number(a.data?.i) === late).map((a) => a.verb)).not.toContain('digest.done');
  });

  it('Done on her own line and Close on an escalation both save, and the card keeps both parts', async () => {
    const record = await digestOf('2011-09-30');
    const card = cardOf(cardsTo(bot, jane).find((c) => c.activityId === record?.activityId));
    bot.clock.set('2011-09-30T10:00:00Z');
    const own = record?.lines.findIndex((l) => l.actionId === 'onemsg-1.1') ?? -1;
    const done = await pressDigest(bot, jane, card, 'digest.done', own);
    expect(answerText(done)).toContain('Done by Jane Smith');
    expect((await bot.store.actions.get('onemsg', 'onemsg-1.1'))?.progress.status).toBe('done');
    const late = record?.lines.findIndex((l) => l.actionId === 'onemsg-2.2') ?? -1;
    const closed = await pressDigest(bot, jane, done.value, 'escalation.close', late);
    expect(answerText(closed)).toContain('Closed by Jane Smith');
    expect(answerText(closed)).toContain('Done by Jane Smith');
    expect(answerText(closed)).toContain('Needs your attention');
    expect((await bot.store.actions.get('onemsg', 'onemsg-2.2'))?.progress.status).toBe('done');
  });

  it('reading it marks her own actions seen, not the escalated ones (their owner has not read his)', async () => {
    const record = await digestOf('2011-09-30');
    bot.clock.set('2011-09-30T11:05:00Z');
    const res = await bot.post({
      type: 'event', name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId: record?.activityId },
      id: 'receipt-onemsg', channelId: 'msteams', serviceUrl: bot.origin.serviceUrl, timestamp: new Date(),
      from: { id: `29:${jane.aadObjectId}`, name: jane.name, aadObjectId: jane.aadObjectId }, recipient: { id: '28:actionbot', name: 'actionbot' },
      conversation: { id: personalConversationId(jane), conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
      channelData: { tenant: { id: TENANT } },
    });
    expect(res.status).toBeLessThan(300);
    expect(await bot.store.digests.seenFor('onemsglate', 'onemsglate-1.1', jane.aadObjectId)).toBe('2011-09-30T11:05:00.000Z');
    expect(await bot.store.digests.seenFor('onemsg', 'onemsg-2.3')).toBeNull();
  });

  it('sixty lines: pages under 25 KB that show every line once, the escalations first, newest risk first', async () => {
    await bot.sweep('2011-11-16T08:00:00Z');
    const before = cardsTo(bot, jane).length;
    await bot.sweep('2011-11-30T08:00:00Z');
    const cards = sentSince(before);
    expect(cards).toHaveLength(1);
    const record = await digestOf('2011-11-30');
    expect(record?.lines.filter((l) => l.why === undefined)).toHaveLength(30);
    expect(record?.lines.filter((l) => l.why !== undefined)).toHaveLength(30);
    const seen: number[] = [];
    let card: unknown = cardOf(cards[0]);
    for (let page = 0; page < 20; page++) {
      expect(cardBytes(card)).toBeLessThan(25_000);
      seen.push(...openLines(card));
      if (!executes(card).some((a) => a.verb === 'digest.page' && String(a.title).startsWith('Show the other'))) break;
      card = (await pressDigest(bot, jane, card, 'digest.page', null, {}, executes(card).find((a) => String(a.title).startsWith('Show the other'))?.title)).value;
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(seen.slice(0, 30).every((i) => record?.lines[i]?.why !== undefined)).toBe(true);
    const first = textOf(cards[0]);
    expect(first.indexOf('Needs your attention')).toBeGreaterThanOrEqual(0);
    expect(first.indexOf('Needs your attention')).toBeLessThan(first.indexOf('Also yours today'));
    expect(first).toMatch(/Also yours today: 30 actions: 30 due today \((below these|after the escalations, on the next pages)\)\./);
    // Newest risk first: the most recently late (fell due 16 Nov) before the older ones still open.
    const dues = seen.slice(0, 30).map((i) => record?.lines[i]?.dueDate ?? '');
    expect([...dues].sort().reverse()).toEqual(dues);
  });

  it('an owner found unreachable in the sweep: the note joins her own digest, still one message', async () => {
    // Wed 7 Dec 2011: her thirty are a week late; Sam's are three weeks late and his chat refuses.
    bot.connector.fail({ status: 403, code: 'MessageWritesBlocked', when: (call) => call.conversationId === personalConversationId(sam) });
    const before = cardsTo(bot, jane).length;
    const report = await bot.sweep('2011-12-07T08:00:00Z');
    expect(report.unreachable).toEqual(['Sam Patel']);
    const cards = sentSince(before);
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('Your actions for Wed 7 Dec 2011');
    expect(textOf(cards[0])).toContain('Teams refused messages to Sam Patel');
    expect(cardBytes(cardOf(cards[0]))).toBeLessThan(25_000);
  });
});
