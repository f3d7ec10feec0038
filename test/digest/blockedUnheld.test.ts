// A blocked (or late) action whose owner roles nobody who can be reached holds: the commissioner's line
// keeps its reason, says who is missing, and offers Reassign but not Chase (Chase would reach nobody);
// once reassigned, the line says who holds it now and Chase is back. Found in the demo: Chase was offered
// on a blocked Gloucestershire action and then refused at the foot of the chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { executes, pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const jane = { aadObjectId: 'e3200000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'e3200000-0000-4000-8000-000000000002', name: 'Sam Patel' };

const plan = handMadePlan('blockunheld', 'Testshire DAT', planYear2011, [
  { ref: '4.1', text: 'Refresh the DIP referral pathway', owners: ['DIP Lead'], due: '2011-11-30' },
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-11-30' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('blockedUnheld', '2011-09-26T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  bot.clock.set('2011-09-27T10:00:00Z');
  await bot.say(jane, 'blocked 4.1: waiting for the PCT to agree funding');
  await bot.sweep('2011-09-28T08:00:00Z');
});
afterAll(async () => bot?.close());

const escalation = async () => {
  const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2011-09-28`);
  if (!record) throw new Error('no escalation digest on Wed 28 Sep');
  const i = record.lines.findIndex((l) => l.actionId === 'blockunheld-4.1' && l.why !== undefined);
  const sent = cardsTo(bot, jane).find((c) => c.activityId === record.activityId);
  return { i, card: cardOf(sent), text: textOf(sent) };
};

describe('a blocked action nobody who can be reached holds', () => {
  it('keeps its reason, says nobody can be reached, and offers Reassign but not Chase', async () => {
    const { i, card, text } = await escalation();
    expect(i).toBeGreaterThanOrEqual(0);
    expect(text).toContain('blocked: waiting for the PCT to agree funding · nobody who can be reached holds DIP Lead');
    const verbs = executes(card).filter((a) => Number(a.data?.i) === i).map((a) => a.verb);
    expect(verbs).toContain('escalation.reassign');
    expect(verbs).not.toContain('escalation.chase');
  });

  it('after Reassign says who holds it now, and Chase is offered', async () => {
    const { i, card } = await escalation();
    const answer = await pressDigest(bot, jane, card, 'escalation.reassign', i, { [`person${i}`]: 'Sam Patel' });
    const redrawn = answer.value;
    expect(answerText(answer)).toContain('now held by Sam Patel');
    expect(answerText(answer)).not.toContain('nobody who can be reached holds DIP Lead');
    const verbs = executes(redrawn).filter((a) => Number(a.data?.i) === i).map((a) => a.verb);
    expect(verbs).toContain('escalation.chase');
  });
});
