// An escalation digest of one line (one action late, the commissioner owning nothing that day), and its
// owner answering it before the commissioner acts: the one line must show the answer, and her press
// must not land on the action's next occurrence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { personalConversationId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane: TeamsPerson = { aadObjectId: 'c6000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam: TeamsPerson = { aadObjectId: 'c6000000-0000-4000-8000-000000000002', name: 'Sam Patel' };

// Reviewed twice a year: Thu 30 Jun and Fri 30 Dec 2011.
const plan = handMadePlan('onel', 'Oneline DAT', planYear2011, [
  { ref: '1.1', text: 'Review the needle exchange figures', owners: ['SMLO'], due: { kind: 'dates', dates: ['2011-06-30', '2011-12-30'] } },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerol', '2011-06-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  for (const day of ['2011-06-30', '2011-07-07', '2011-07-14']) await bot.sweep(`${day}T08:00:00Z`);
}, 120_000);
afterAll(async () => bot?.close());

describe('a one-line escalation digest', () => {
  it("shows the owner's answer, and Close pressed after it does not close the next occurrence", async () => {
    const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2011-07-14`);
    expect(record?.lines).toHaveLength(1);
    const card = cardOf(cardsTo(bot, jane).find((c) => c.activityId === record?.activityId));
    expect(textOf({ body: { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } } as never)).toContain('14 days late');
    bot.clock.set('2011-07-14T10:00:00Z');
    const code = (await bot.store.actions.get('onel', 'onel-1.1'))?.action.code;
    const before = bot.connector.calls.length;
    await bot.say(sam, `done ${code}`);
    expect((await bot.store.actions.get('onel', 'onel-1.1'))?.progress).toMatchObject({ status: 'open', dueDate: '2011-12-30' });
    // Her digest is redrawn with Sam's answer.
    await bot.connector.waitFor(() => bot.connector.calls.slice(before).find((u) => u.kind === 'update' && u.conversationId === personalConversationId(jane) && JSON.stringify(u.body).includes('Done by Sam Patel')), 5000);
    // A press on her copy (another device, before it was redrawn) changes nothing.
    bot.clock.set('2011-07-14T10:05:00Z');
    const answer = answerText(await pressDigest(bot, jane, card, 'escalation.close', 0));
    expect(answer).toMatch(/Already answered|already closed/);
    expect((await bot.store.actions.get('onel', 'onel-1.1'))?.progress).toMatchObject({ status: 'open', dueDate: '2011-12-30' });
    expect((await bot.store.actions.history('onel', 'onel-1.1')).filter((h) => h.by.name === 'Jane Smith')).toHaveLength(0);
  });
});
