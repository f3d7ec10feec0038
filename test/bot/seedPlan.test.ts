import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsAbout, meet, press } from '../support/cardPress.ts';
import type { ConnectorCall } from '../support/connector.ts';
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
  it("reminds the IDAS team manager 14 days before 'Sept 08' (3.2.1, due Tue 30 Sep 2008) and takes the Done", async () => {
    const report = await bot.sweep('2008-09-16T08:00:00Z');
    expect(report.failed).toBe(0);
    const [card] = cardsAbout(bot, tom, AUDIT_TOOL);
    expect(textOf(card)).toContain('Coming up: due in 14 days');
    expect(textOf(card)).toContain('Tue 30 Sep 2008');
    // Roles the plan names that nobody in the demo holds are reported to the commissioner, in one card.
    const notices = cardsAbout(bot, jane, 'Roles nobody holds');
    expect(notices).toHaveLength(1);
    expect(report.unheldRoles).toContain('DIP Champion');
    // The notice names the roles with most actions, counts the rest and says how to see them, under 25 KB.
    const named = report.unheldRoles.filter((role) => textOf(notices[0]).includes(role));
    expect(named.length).toBe(Math.min(12, report.unheldRoles.length));
    if (report.unheldRoles.length > 12) expect(textOf(notices[0])).toContain(`and ${report.unheldRoles.length - 12} more with fewer actions: type "roles nobody holds"`);
    expect(JSON.stringify(notices[0]!.body).length).toBeLessThanOrEqual(25 * 1024);

    bot.clock.set('2008-09-18T10:00:00Z');
    const answer = await press(bot, tom, card as ConnectorCall, 'done');
    expect(answerText(answer)).toContain('Tom Hughes, Thu 18 Sep 2008 11:00');
    const [status] = await bot.say(jane, 'status 3.2.1');
    expect(textOf(status)).toContain('Done');
    expect(textOf(status)).toContain('Tom Hughes');
  });
});
