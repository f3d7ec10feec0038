// The commissioner's weekly briefing over the five seed plans, moved to the 2026-27 plan year, with the
// demo people: one card under 25 KB, sent once a week, with what changed since the week before.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDemoPlans } from '../../src/demoData.ts';
import { pauseReminders } from '../../src/app/reminderSettings.ts';
import { runBriefing } from '../../src/scheduler/briefing.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet } from '../support/cardPress.ts';
import { cardBytes } from '../support/digestPress.ts';
import { testTenantId } from '../support/teamsActivity.ts';

const demo = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { leadRoles: Record<string, string>; people: { id: string; name: string; roles: string[] }[] };
const jane = demo.people.find((p) => p.name === 'Jane Smith');
const tom = demo.people.find((p) => p.name === 'Tom Hughes');
const commissioner = { aadObjectId: jane?.id ?? '', name: 'Jane Smith' };
// Wendy holds only JCM: the lead role of Worcestershire and of Gloucestershire.
const wendy = { aadObjectId: 'b0000000-0000-4000-8000-0000000000aa', name: 'Wendy Morgan' };

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('digestBriefing', '2026-06-01T08:00:00Z');
  await importDemoPlans(bot.runtime.services, 'seeds/plans', testTenantId, demo.leadRoles);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await meet(bot, wendy, 'JCM');
}, 60_000);
afterAll(async () => bot?.close());

const briefings = () => cardsAbout(bot, commissioner, 'Weekly briefing');

describe('the weekly briefing, Monday 09:00', () => {
  it('is one card under 25 KB with every plan, red/amber/green per grid, the oldest overdue, leave and roles nobody holds', async () => {
    await pauseReminders(bot.runtime.services, tom?.id ?? '', '2026-12-14', '2026-11-30', true);
    await bot.store.people.setReachable(demo.people[2]?.id ?? '', false);
    const sent = await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2026-11-30T09:00:00Z'));
    expect(sent).toBe(2);
    const [card] = briefings();
    expect(cardBytes(cardOf(card))).toBeLessThan(25_000);
    const text = textOf(card);
    const plans = await bot.store.plans.listPlans();
    expect(plans).toHaveLength(5);
    for (const p of plans) expect(text).toContain(p.partnership);
    expect(text).toMatch(/\d+ actions: \d+ open, \d+ delayed, \d+ blocked, \d+ done; \d+ overdue/);
    expect(text).toMatch(/Red|Amber|Green/);
    expect(text).toContain('Oldest overdue');
    expect(text).toMatch(/days late/);
    expect(text).toContain('Tom Hughes until Mon 14 Dec 2026');
    expect(text).toContain(`${demo.people[2]?.name} (their roles count as unheld)`);
    expect(text).toMatch(/Roles nobody holds \d+ roles?: /);
    expect(text).toContain('First briefing');
  });

  it("tells each commissioner about the plans they commission only", async () => {
    const text = textOf(cardsAbout(bot, wendy, 'Weekly briefing')[0]);
    expect(text).toContain('Worcestershire SMAT');
    expect(text).toContain('Gloucestershire');
    for (const other of ['Isle of Wight', 'Bedfordshire', 'Peterborough']) expect(text).not.toContain(other);
  });

  it('goes once a week however often it runs, and next week says what changed', async () => {
    expect(await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2026-11-30T09:05:00Z'))).toBe(0);
    expect(briefings()).toHaveLength(1);
    // During the week an owner finishes something that was overdue.
    const [late] = (await bot.store.actions.dueBy('2026-11-29')).filter((a) => a.progress.status === 'open');
    expect(late).toBeDefined();
    bot.clock.set('2026-12-02T10:00:00Z');
    await bot.store.actions.update(late!, { ...late!.progress, status: 'done', updatedAt: '2026-12-02T10:00:00Z', updatedBy: 'test' }, {
      at: '2026-12-02T10:00:00Z', by: { id: 'test', name: 'test' }, via: 'cli', from: 'open', to: 'done', occurrence: late!.progress.occurrence, dueBefore: late!.progress.dueDate, dueAfter: late!.progress.dueDate, reason: null, summary: 'done',
    });
    expect(await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2026-12-07T09:00:00Z'))).toBe(2);
    const text = textOf(briefings()[1]);
    expect(text).toMatch(/Since Mon 30 Nov 2026: [1-9]\d* done/);
  });
});

describe('roles nobody holds', () => {
  it('are no longer a daily card: the sweep sends none', async () => {
    await bot.sweep('2026-12-08T09:00:00Z');
    expect(cardsAbout(bot, commissioner, 'Roles nobody holds').filter((c) => !textOf(c).includes('Weekly briefing'))).toHaveLength(0);
  }, 90_000); // a sweep of five whole plans in December: hundreds of overdue lines, each claimed once
});
