// Issue 18: the commissioner's message leads with what needs her. The escalations come first, on the first
// page, with their buttons and one line counting her own; Chase is not offered where nobody can be reached
// (Reassign is), and a line is redrawn after Reassign / Chase / Accept / Close; counts drop as lines are
// answered and an answered line's colour follows what it became.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { executes, pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const jane = { aadObjectId: 'e4100000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e4100000-0000-4000-8000-000000000002', name: 'Sam Patel' };

// Fri 30 Sep 2011: Jane's three fall due; SMLO's two are fourteen days late (one due 16 Sep, one 9 Sep is
// older); DIP Lead's is due and nobody holds DIP Lead.
const plan = handMadePlan('first', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Sign off the treatment budget', owners: ['Commissioner'], due: '2011-09-30' },
  { ref: '1.2', text: 'Agree the needs assessment', owners: ['Commissioner'], due: '2011-09-30' },
  { ref: '1.3', text: 'Chair the partnership board', owners: ['Commissioner'], due: '2011-09-30' },
  { ref: '2.1', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '2.2', text: 'Audit the needle exchange', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '3.1', text: 'Refresh the DIP referral pathway', owners: ['DIP Lead'], due: '2011-09-30' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('commissionerFirst', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  await bot.sweep('2011-09-16T08:00:00Z');
  await bot.sweep('2011-09-30T08:00:00Z');
  bot.clock.set('2011-09-30T09:00:00Z');
});
afterAll(async () => bot?.close());

const record = async () => {
  const found = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2011-09-30`);
  if (!found) throw new Error('no message on Fri 30 Sep');
  return found;
};
const sent = async () => {
  const { activityId } = await record();
  return cardOf(cardsTo(bot, jane).find((c) => c.activityId === activityId));
};
const lineOf = async (actionId: string) => (await record()).lines.findIndex((l) => l.actionId === actionId);
const verbsOn = (card: unknown, i: number) => executes(card).filter((a) => Number(a.data?.i) === i).map((a) => a.verb);

/** Every TextBlock of a card with its colour. */
function blocks(card: unknown): { text: string; color?: string }[] {
  const found: { text: string; color?: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const b = node as { type?: string; text?: string; color?: string };
      if (b.type === 'TextBlock' && typeof b.text === 'string') found.push({ text: b.text, color: b.color });
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe("the commissioner's message", () => {
  it('opens with the escalations and their buttons, and one line counting her own', async () => {
    const { activityId } = await record();
    const text = textOf(cardsTo(bot, jane).find((c) => c.activityId === activityId));
    const card = await sent();
    const all = blocks(card).map((b) => b.text);
    expect(all[0]).toBe('Needs your attention');
    expect(all[1]).toBe('3 escalations for Fri 30 Sep 2011, newest risk first');
    expect(all[2]).toBe('Also yours today: 3 actions: 3 due today (below these).');
    expect(text.indexOf('Refresh the DIP referral pathway')).toBeLessThan(text.indexOf('Sign off the treatment budget'));
    expect(verbsOn(card, await lineOf('first-2.1'))).toEqual(expect.arrayContaining(['escalation.chase', 'escalation.reassign', 'escalation.accept', 'escalation.close']));
  });

  it('offers Reassign but not Chase where nobody can be reached, and after Reassign the line says who holds it now and offers Chase', async () => {
    const i = await lineOf('first-3.1');
    const card = await sent();
    expect(verbsOn(card, i)).not.toContain('escalation.chase');
    expect(verbsOn(card, i)).toContain('escalation.reassign');
    const answer = await pressDigest(bot, jane, card, 'escalation.reassign', i, { [`person${i}`]: 'Sam Patel' });
    const after = answerText(answer);
    expect(after).toContain('Reassigned to Sam Patel by Jane Smith');
    expect(after).toContain('due today · now held by Sam Patel');
    expect(after).not.toContain('nobody who can be reached holds DIP Lead');
    expect(verbsOn(answer.value, i)).toContain('escalation.chase');
    expect((await record()).lines[i]?.why).toBe('due today · now held by Sam Patel');
    const chased = await pressDigest(bot, jane, answer.value, 'escalation.chase', i);
    expect(answerText(chased)).toContain('Chased by Jane Smith: 1 of 1 reminded (Sam Patel)');
  });

  it('Accept and Close redraw the line with its outcome, and the count of open escalations drops', async () => {
    const accepted = await pressDigest(bot, jane, await sent(), 'escalation.accept', await lineOf('first-2.1'), { [`accept${await lineOf('first-2.1')}`]: '2011-10-14' });
    expect(answerText(accepted)).toContain('Delay accepted to Fri 14 Oct 2011 by Jane Smith');
    expect(answerText(accepted)).toContain('2 escalations for Fri 30 Sep 2011, newest risk first · 1 answered');
    const closed = await pressDigest(bot, jane, accepted.value, 'escalation.close', await lineOf('first-2.2'));
    expect(answerText(closed)).toContain('Closed by Jane Smith');
    expect(answerText(closed)).toContain('1 escalation for Fri 30 Sep 2011, newest risk first · 2 answered');
    expect(answerText(closed)).toContain('Late (0)');
    expect(answerText(closed)).toContain('Reassigned (1)');
    const colours = blocks(closed.value);
    expect(colours.find((b) => b.text.startsWith('Delay accepted'))?.color).toBe('Warning');
    expect(colours.find((b) => b.text.startsWith('Closed by'))?.color).toBe('Good');
  });

  it('her own lines: Blocked shows red, not green, and the counts follow', async () => {
    const i = await lineOf('first-1.2');
    const blocked = await pressDigest(bot, jane, await sent(), 'digest.blocked', i, { [`blocked${i}`]: 'waiting for the PCT' });
    const text = answerText(blocked);
    expect(text).toContain('Also yours today: 3 actions: 2 due today · 1 answered (below these).');
    expect(text).toContain('Due today (2)');
    expect(blocks(blocked.value).find((b) => b.text.startsWith('Blocked (waiting for the PCT)'))?.color).toBe('Attention');
  });
});
