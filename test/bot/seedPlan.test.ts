import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { pressDigest } from '../support/digestPress.ts';
import { answerText, cardsAbout, cardsTo, meet } from '../support/cardPress.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';

// The Isle of Wight plan (2008-09) as extracted from its PDF, with the demo people and roles.
const demo = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { people: { id: string; name: string; roles: string[] }[] };
const people: TeamsPerson[] = demo.people.map((p) => ({ aadObjectId: p.id, name: p.name }));
const personNamed = (name: string): TeamsPerson => people.find((p) => p.name === name) as TeamsPerson;
const jane = personNamed('Jane Smith');
const tom = personNamed('Tom Hughes');
const AUDIT_TOOL = 'Develop audit tool and audit process proposal';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botseed', '2008-04-01T09:00:00Z');
  await bot.importPlan(parsePlan(readFileSync('seeds/plans/000_8d414cf89c93b93b.txt', 'utf8'), 'iow'));
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
});
afterAll(async () => bot?.close());

describe('the Isle of Wight plan', () => {
  it("reminds the IDAS team manager 14 days before 'Sept 08' (3.2.1, due Tue 30 Sep 2008) in his digest and takes the Done", async () => {
    const report = await bot.sweep('2008-09-16T08:00:00Z');
    expect(report.failed).toBe(0);
    const [card] = cardsAbout(bot, tom, AUDIT_TOOL);
    expect(cardsTo(bot, tom)).toHaveLength(1);
    expect(textOf(card)).toContain(`IW-3.2.1 · ${AUDIT_TOOL} Isle of Wight DAT · Tue 30 Sep 2008 · in 14 days`);
    // Roles the plan names that nobody in the demo holds are no daily card (the weekly briefing lists them).
    expect(cardsAbout(bot, jane, 'Roles nobody holds')).toHaveLength(0);
    expect(report.unheldRoles).toContain('DIP Champion');

    bot.clock.set('2008-09-18T10:00:00Z');
    const record = await bot.store.digests.get(`owner|${tom.aadObjectId}|2008-09-16`);
    const line = record?.lines.findIndex((l) => l.ref === 'IW-3.2.1') ?? -1;
    const answer = await pressDigest(bot, tom, cardOf(card), 'digest.done', line);
    expect(answerText(answer)).toContain('Done by Tom Hughes, Thu 18 Sep 2008 11:00');
    const [status] = await bot.say(jane, 'status 3.2.1');
    expect(textOf(status)).toContain('Done');
    expect(textOf(status)).toContain('Tom Hughes');
  });
});
