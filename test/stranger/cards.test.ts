// Tried as a stranger would, over real HTTP on the five seed plans: the reminder card's buttons pressed
// with dates people pick, reasons people type, and "Show more" data that did not come from the bot.
// Each test asserts what a person would expect; they were written against the bot as landed, where they fail.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsAbout, meet, press } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { cardAction, personalConversationId, type TeamsPerson } from '../support/teamsActivity.ts';

const demo = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { people: { id: string; name: string; roles: string[] }[] };
const person = (name: string): TeamsPerson => {
  const p = demo.people.find((d) => d.name === name);
  if (!p) throw new Error(name);
  return { aadObjectId: p.id, name: p.name };
};
const jane = person('Jane Smith');
const tom = person('Tom Hughes');

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerc', '2008-11-24T10:00:00Z');
  for (const f of readdirSync('seeds/plans').filter((n) => n.endsWith('.txt')).sort()) await bot.importPlan(parsePlan(readFileSync(`seeds/plans/${f}`, 'utf8'), f));
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await bot.sweep('2008-11-24T10:00:00Z');
}, 120_000);
afterAll(async () => bot?.close());

function reminderAbout(who: TeamsPerson, words: string): ConnectorCall {
  const [card] = cardsAbout(bot, who, words).filter((c) => cardOf(c) !== null);
  if (!card) throw new Error(`${who.name} was not reminded of "${words}"`);
  return card;
}

/** Everything the person saw because of a press: the card that replaced the pressed one, and any chat message. */
async function pressAndRead(who: TeamsPerson, card: ConnectorCall, verb: string, inputs: Record<string, string>): Promise<string> {
  const before = bot.connector.sentTo(personalConversationId(who)).length;
  const answer = await press(bot, who, card, verb, inputs);
  const chat = bot.connector.sentTo(personalConversationId(who)).slice(before).filter((c) => c.kind !== 'update').map(textOf);
  return [answerText(answer), ...chat].join('\n');
}

describe('dates picked on the card', () => {
  it('"Delayed" to Easter Monday, after the plan ends, says both, as a typed answer does', async () => {
    // Isle of Wight's plan ends Tue 31 Mar 2009; Mon 13 Apr 2009 is Easter Monday.
    const seen = await pressAndRead(tom, reminderAbout(tom, 'Undertake audit'), 'delayed', { newDate: '2009-04-13', reason: 'the auditor is away' });
    expect(seen).toContain('Mon 13 Apr 2009');
    expect(seen).toContain('bank holiday');
    expect(seen).toContain('after the plan ends');
  });

  it('"Delayed" to a date already past is refused with the date as "Mon 24 Nov 2008", not ISO', async () => {
    const seen = await pressAndRead(tom, reminderAbout(tom, 'Audit tool results'), 'delayed', { newDate: '2008-11-01', reason: 'the auditor is away' });
    expect(seen).toContain('Not saved');
    expect(seen).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });
});

describe('reasons shown to others', () => {
  it('a blocked reason written as a Markdown link is shown as typed, not as a live link on the commissioner\'s cards', async () => {
    await press(bot, tom, reminderAbout(tom, 'Audit tool results'), 'blocked', { blockedReason: '[Sign in to see why](https://example.com/login)' });
    const [status] = await bot.say(jane, 'status IW-3.2.3');
    expect(textOf(status)).toContain('Sign in to see why');
    expect(JSON.stringify(cardOf(status))).not.toMatch(/(?<!\\)\]\(https:\/\/example\.com\/login\)/);
  });
});

describe('"Show more" data that did not come from the bot', () => {
  it('a press whose list query is not JSON gets "could not be continued", not "something went wrong on my side"', async () => {
    const res = await bot.post(cardAction(bot.origin, jane, 'more', { query: '{"list":', offset: 20 }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('something went wrong');
    expect(JSON.stringify(res.body)).toContain('could not be continued');
  });
});
