// The stranger's card findings, on today's cards: a line of a digest (a person with several actions that
// day), the single-action card (a person with one), the status card and the commissioner's escalation
// digest. Dates picked on a card get the notes a typed answer gets; a reason written as a Markdown link is
// shown as typed; a press with its version removed, or on a digest older than a co-owner's answer, does not
// overwrite that answer. Over HTTP, Teams-shaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsAbout, cardsTo, meet, press } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { pressDigest } from '../support/digestPress.ts';
import { handMadePlan } from '../support/plans.ts';
import { cardAction, personalConversationId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'd9000000-0000-4000-8000-000000000001', name: 'Jane Smith' }; // Commissioner
const tom = { aadObjectId: 'd9000000-0000-4000-8000-000000000002', name: 'Tom Hughes' }; // SMO: three actions today
const sam = { aadObjectId: 'd9000000-0000-4000-8000-000000000003', name: 'Sam Patel' }; // SMLO: one
const alex = { aadObjectId: 'd9000000-0000-4000-8000-000000000004', name: 'Alex Jones' }; // DIP Manager: one

// The plan year ends Tue 31 Mar 2009; Mon 13 Apr 2009 is Easter Monday; Sat 10 Jan 2009 a weekend.
const plan = handMadePlan('wight-2008', 'Isle of Wight DAT', { start: '2008-04-01', end: '2009-03-31' }, [
  { ref: '3.2.1', text: 'Undertake audit of the needle exchange', owners: ['SMO'], due: '2008-11-24' },
  { ref: '3.2.3', text: 'Audit tool results to the JCG', owners: ['SMO'], due: '2008-11-24' },
  { ref: '1.1.2', text: 'Continue to monitor compliance with data reporting', owners: ['SMO', 'SMLO'], due: '2008-11-24' },
  { ref: '2.1.1', text: 'Recruit the outreach worker', owners: ['DIP Manager'], due: '2008-11-24' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerToday', '2008-11-20T10:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, tom, 'SMO');
  await meet(bot, sam, 'SMLO');
  await meet(bot, alex, 'DIP Manager');
  await bot.sweep('2008-11-24T10:00:00Z');
}, 30_000);
afterAll(async () => bot?.close());

/** Tom's digest card, and the line number of the action whose text has `words`. */
async function tomsLine(words: string): Promise<{ card: unknown; line: number }> {
  const [call] = cardsTo(bot, tom);
  const record = await bot.store.digests.get(`owner|${tom.aadObjectId}|2008-11-24`);
  const line = record?.lines.findIndex((l) => l.text.includes(words)) ?? -1;
  if (!call || line < 0) throw new Error(`Tom's digest has no line about "${words}"`);
  return { card: cardOf(call), line };
}

function singleCard(who: TeamsPerson, words: string): ConnectorCall {
  const [card] = cardsAbout(bot, who, words);
  if (!card) throw new Error(`${who.name} has no card about "${words}"`);
  return card;
}

/** What the person saw because of a press: the answer card, and anything said in the chat. */
async function seenAfter(who: TeamsPerson, pressing: () => Promise<{ value: unknown }>): Promise<string> {
  const before = bot.connector.sentTo(personalConversationId(who)).length;
  const answer = await pressing();
  const chat = bot.connector.sentTo(personalConversationId(who)).slice(before).filter((c) => c.kind !== 'update').map(textOf);
  return [answerText(answer as Parameters<typeof answerText>[0]), ...chat].join('\n');
}

describe('the cards of the day', () => {
  it('Tom gets one digest with his three actions; Sam and Alex each the single-action card', () => {
    expect(cardsTo(bot, tom)).toHaveLength(1);
    expect(textOf(cardsTo(bot, tom)[0])).toContain('3 actions');
    expect(cardOf(singleCard(sam, 'Continue to monitor compliance'))?.actions).toBeDefined();
    expect(cardOf(singleCard(alex, 'Recruit the outreach worker'))?.actions).toBeDefined();
  });
});

describe('dates picked on a card', () => {
  it('a digest line "Delayed" to Easter Monday, after the plan ends, says both, as a typed answer does', async () => {
    const { card, line } = await tomsLine('Undertake audit');
    const seen = await seenAfter(tom, () => pressDigest(bot, tom, card, 'digest.delayed', line, { [`newDate${line}`]: '2009-04-13', [`reason${line}`]: 'the auditor is away' }));
    expect(seen).toContain('Mon 13 Apr 2009');
    expect(seen).toContain('bank holiday');
    expect(seen).toContain('after the plan ends');
  });

  it('the single-action card "Delayed" to a Saturday says it is a weekend', async () => {
    const seen = await seenAfter(alex, () => press(bot, alex, singleCard(alex, 'Recruit the outreach worker'), 'delayed', { newDate: '2009-01-10', reason: 'no applicants yet' }));
    expect(seen).toContain('Sat 10 Jan 2009');
    expect(seen).toContain('Sat 10 Jan 2009 is a Saturday');
  });

  it('a digest line "Delayed" to a date already past is refused with a date people read, never ISO', async () => {
    const { card, line } = await tomsLine('Audit tool results');
    const seen = await seenAfter(tom, () => pressDigest(bot, tom, card, 'digest.delayed', line, { [`newDate${line}`]: '2008-11-01', [`reason${line}`]: 'the auditor is away' }));
    expect(seen).toContain('Not saved');
    expect(seen).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect((await bot.store.actions.get('wight-2008', 'wight-2008-3.2.3'))?.progress.status).toBe('open');
  });
});

describe('a reason written as a Markdown link', () => {
  it('is shown as typed on the status card and on the commissioner\'s escalation digest, never as a live link', async () => {
    const { card, line } = await tomsLine('Audit tool results');
    await pressDigest(bot, tom, card, 'digest.blocked', line, { [`blocked${line}`]: '[Sign in to see why](https://example.com/login)' });
    expect((await bot.store.actions.get('wight-2008', 'wight-2008-3.2.3'))?.progress.status).toBe('blocked');
    const [status] = await bot.say(jane, 'status IW-3.2.3');
    expect(textOf(status)).toContain('Sign in to see why');
    expect(JSON.stringify(cardOf(status))).not.toMatch(/(?<!\\)\]\(https:\/\/example\.com\/login\)/);
    // The next morning the commissioner's escalation digest lists it, with the reason.
    await bot.sweep('2008-11-25T10:00:00Z');
    const [attention] = cardsAbout(bot, jane, 'Audit tool results to the JCG');
    expect(textOf(attention)).toContain('Sign in to see why');
    expect(JSON.stringify(cardOf(attention))).not.toMatch(/(?<!\\)\]\(https:\/\/example\.com\/login\)/);
  }, 30_000);
});

describe('presses that would overwrite a newer answer', () => {
  it('the single-action card pressed with its version removed does not overwrite a co-owner\'s newer answer', async () => {
    const call = singleCard(sam, 'Continue to monitor compliance');
    expect((await bot.say(jane, 'blocked IW-1.1.2: the provider has not sent any data')).map(textOf).join('\n')).toContain('Saved');
    const done = (cardOf(call)?.actions as { verb?: string; data: Record<string, unknown> }[]).find((a) => a.verb === 'done')!;
    const forged = Object.fromEntries(Object.entries(done.data).filter(([key]) => key !== 'version'));
    const seen = await seenAfter(sam, async () => ({ value: (await bot.post(cardAction(bot.origin, sam, 'done', forged, call.activityId ?? undefined))).body }));
    expect(seen).toContain('Jane Smith made it blocked');
    expect((await bot.store.actions.get('wight-2008', 'wight-2008-1.1.2'))?.progress.status).toBe('blocked');
  });

  it('a line of a digest sent before a co-owner\'s answer does not overwrite it', async () => {
    const { card, line } = await tomsLine('Continue to monitor compliance');
    const seen = await seenAfter(tom, () => pressDigest(bot, tom, card, 'digest.done', line));
    // Jane's typed answer redrew Tom's digest: the line is answered, and says by whom.
    expect(seen).toMatch(/Already answered: Blocked .*Jane Smith/);
    expect((await bot.store.actions.get('wight-2008', 'wight-2008-1.1.2'))?.progress.status).toBe('blocked');
  });
});
