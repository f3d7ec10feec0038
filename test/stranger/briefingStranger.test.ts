// The weekly briefing as a stranger reads it, over the five seed plans as written (every action long
// overdue by June 2013): each card under 25 KB, no ISO date, counts that add up, each commissioner told
// of their own plans and people only; then the largest plan with every list at its longest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseReminders } from '../../src/app/reminderSettings.ts';
import { runBriefing } from '../../src/scheduler/briefing.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsAbout, meet } from '../support/cardPress.ts';
import { cardBytes } from '../support/digestPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';
import { testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane = person('Jane Smith');
// Holds only JCM: the lead role of Worcestershire and Gloucestershire, no role in the other three plans.
const wendy: TeamsPerson = { aadObjectId: 'f9000000-0000-4000-8000-0000000000aa', name: 'Wendy Morgan' };
const leo: TeamsPerson = { aadObjectId: 'f9000000-0000-4000-8000-0000000000ab', name: 'Leo Leave' };
const plans = seedPlans();

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerbr', '2013-06-01T08:00:00Z');
  for (const plan of plans) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await meet(bot, wendy, 'JCM');
}, 120_000);
afterAll(async () => bot?.close());

interface PlanCounts { total: number; open: number; delayed: number; blocked: number; done: number; overdue: number; grids: { overdue: number; blocked: number; done: number }[] }

/** Each plan's counts line and its grid lines, as the card shows them. */
function countsIn(card: Record<string, unknown> | null): Map<string, PlanCounts> {
  const found = new Map<string, PlanCounts>();
  const body = (card?.body ?? []) as { items?: { text?: string; columns?: { items?: { text?: string }[] }[] }[] }[];
  for (const block of body) {
    const items = block.items ?? [];
    const counts = items.map((i) => /^(\d+) actions?: (\d+) open, (\d+) delayed, (\d+) blocked, (\d+) done; (\d+) overdue$/.exec(i.text ?? '')).find((m) => m);
    if (!counts) continue;
    const grids = items.flatMap((i) => i.columns ?? []).flatMap((c) => c.items ?? [])
      .map((t) => / · (\d+) overdue, (\d+) blocked, (\d+) done$/.exec(t.text ?? '')).filter((m) => m !== null)
      .map((m) => ({ overdue: Number(m[1]), blocked: Number(m[2]), done: Number(m[3]) }));
    const [total, open, delayed, blocked, done, overdue] = counts.slice(1).map(Number);
    found.set(items[0]?.text ?? '', { total: total ?? 0, open: open ?? 0, delayed: delayed ?? 0, blocked: blocked ?? 0, done: done ?? 0, overdue: overdue ?? 0, grids });
  }
  return found;
}

describe('the weekly briefing over the five seed plans', () => {
  it('is under 25 KB, shows no ISO date, and its counts add up per plan and across its grids', async () => {
    // Some history first, so every status appears.
    await bot.say(jane, 'done IW-1.1.1');
    await bot.say(jane, 'blocked IW-1.2.1: waiting for the PCT');
    await bot.say(jane, 'delayed IW-1.3.1 to 30 June 2013 because of the audit');
    await pauseReminders(bot.runtime.services, person('Tom Hughes').aadObjectId, '2013-06-14', '2013-06-03', true);
    const iw = plans.find((p) => p.partnership.startsWith('Isle of Wight'));
    const elsewhere = new Set(plans.filter((p) => p !== iw).flatMap((p) => p.roles.map((r) => r.name.toLowerCase())));
    const onlyIw = iw?.roles.find((r) => !elsewhere.has(r.name.toLowerCase()))?.name;
    if (!onlyIw) throw new Error('no role only the Isle of Wight plan names');
    await meet(bot, leo, onlyIw);
    await pauseReminders(bot.runtime.services, leo.aadObjectId, '2013-06-14', '2013-06-03', true);
    expect(await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2013-06-03T08:00:00Z'))).toBe(2);
    const [card] = cardsAbout(bot, jane, 'Weekly briefing');
    const content = cardOf(card);
    expect(cardBytes(content)).toBeLessThan(25_000);
    const text = textOf(card);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    const counts = countsIn(content);
    expect([...counts.keys()].sort()).toEqual(plans.map((p) => p.partnership).sort());
    for (const [name, c] of counts) {
      expect(c.open + c.delayed + c.blocked + c.done, name).toBe(c.total);
      expect(c.total, name).toBe(plans.find((p) => p.partnership === name)?.actions.length);
      expect(c.grids.reduce((n, g) => n + g.overdue, 0), `${name}: overdue by grid`).toBe(c.overdue);
      expect(c.grids.reduce((n, g) => n + g.blocked, 0), `${name}: blocked by grid`).toBe(c.blocked);
      expect(c.grids.reduce((n, g) => n + g.done, 0), `${name}: done by grid`).toBe(c.done);
    }
    expect(text).toContain('Tom Hughes until Fri 14 Jun 2013');
  });

  it('tells a commissioner of two plans of those plans only, and only of their people', async () => {
    const [card] = cardsAbout(bot, wendy, 'Weekly briefing');
    const text = textOf(card);
    const mine = plans.filter((p) => /Worcestershire|Gloucestershire/.test(p.partnership));
    expect(mine).toHaveLength(2);
    expect([...countsIn(cardOf(card)).keys()].sort()).toEqual(mine.map((p) => p.partnership).sort());
    // Leo holds a role that only the Isle of Wight plan names, and is on leave: Jane is told, Wendy is not.
    expect(text).not.toContain('Leo Leave');
    expect(textOf(cardsAbout(bot, jane, 'Weekly briefing')[0])).toContain('Leo Leave until Fri 14 Jun 2013');
  });
});

describe('the largest seed plan with every list at its longest', () => {
  it('stays under 25 KB with 150 on leave, 150 unreachable and no role held but the lead', async () => {
    const largest = [...plans].sort((a, b) => b.actions.length - a.actions.length)[0];
    if (!largest) throw new Error('no seed plans');
    // Every demo role but the lead given up; 150 people on leave and 150 the bot cannot reach, all holding its roles.
    for (const p of demo.people.filter((d) => d.name !== 'Jane Smith')) for (const role of p.roles) await bot.store.roles.unassign(testTenantId, role, p.id, { id: 'test', name: 'test' }, '2013-06-01T08:00:00Z');
    // Not the lead roles: these people own actions, they do not commission plans.
    const leads = new Set(demo.people.find((d) => d.name === 'Jane Smith')?.roles.map((r) => r.toLowerCase()));
    const roles = largest.roles.map((r) => r.name).filter((r) => !leads.has(r.toLowerCase()));
    const many = Array.from({ length: 300 }, (_, i) => ({ i, id: `fa000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    for (let from = 0; from < many.length; from += 25) {
      await Promise.all(many.slice(from, from + 25).map(async ({ i, id }) => {
        await bot.store.people.save({ id, tenantId: testTenantId, name: `Person Number ${i} With A Long Double-Barrelled Name`, reachable: i < 150 }, { conversation: { id: `a:${id}`, conversationType: 'personal' } });
        await bot.store.roles.assign(testTenantId, roles[i % roles.length] ?? 'SMLO', id, { id: 'test', name: 'test' }, '2013-06-01T08:00:00Z');
        if (i < 150) await pauseReminders(bot.runtime.services, id, '2013-07-01', '2013-06-10', true);
      }));
    }
    await runBriefing(bot.runtime.services, bot.runtime.messenger, new Date('2013-06-10T08:00:00Z'));
    const card = cardsAbout(bot, jane, 'Weekly briefing').at(-1);
    expect(textOf(card)).toContain('as of Mon 10 Jun 2013');
    expect(cardBytes(cardOf(card))).toBeLessThan(25_000);
    expect(textOf(card)).toMatch(/On leave .*Person Number \d+ .* and \d+ more/);
    expect(textOf(card)).toMatch(/Cannot be reached Person Number \d+ .* and \d+ more/);
    expect(textOf(card)).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  }, 120_000);
});
