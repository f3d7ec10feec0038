// No message the bot sends is over 25 KB: every reply kind over all five seed plans at their longest.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { startBotHarness, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { cardAction, testTenantId } from '../support/teamsActivity.ts';

const LIMIT = 25 * 1024;
const demo = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { people: { id: string; name: string; roles: string[] }[] };
const jane = { aadObjectId: demo.people[0]!.id, name: demo.people[0]!.name };

let bot: BotHarness;
beforeAll(async () => {
  // A day after every seed plan has ended: every dated action is overdue, the longest lists there are.
  bot = await startBotHarness('botsize', '2008-04-01T09:00:00Z');
  for (const f of readdirSync('seeds/plans').filter((n) => n.endsWith('.txt')).sort()) await bot.importPlan(parsePlan(readFileSync(`seeds/plans/${f}`, 'utf8'), f));
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  // Every plan role held by the commissioner, so "my actions" is as long as it gets.
  for (const plan of await bot.store.plans.listPlans()) for (const role of plan.roles) await bot.store.roles.assign(testTenantId, role.name, jane.aadObjectId, { id: 'test', name: 'test' }, '2008-04-01T09:00:00Z');
  bot.clock.set('2014-04-02T09:00:00Z');
}, 120_000);
afterAll(async () => bot?.close());

const asks = [
  "what's overdue?", "what's overdue by owner", 'blocked', 'my actions', 'what is due this month', 'summary', 'roles',
  'status IW-1.1.1', 'help', 'more', 'who is Commissioner?', 'bananas',
];

describe('every reply is under 25 KB', () => {
  it.each(asks)('"%s"', async (text) => {
    const replies = await bot.say(jane, text);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(Buffer.byteLength(JSON.stringify(reply.body), 'utf8')).toBeLessThanOrEqual(LIMIT);
  });

  it('the "Show more" page that replaces a card', async () => {
    const [first] = await bot.say(jane, "what's overdue by owner");
    const content = (first!.body.attachments as { content: { actions: { verb: string; data: Record<string, unknown> }[] } }[])[0]!.content;
    const res = await bot.post(cardAction(bot.origin, jane, 'more', content.actions[0]!.data));
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(JSON.stringify(res.body), 'utf8')).toBeLessThanOrEqual(LIMIT);
    expect(JSON.stringify(res.body)).toContain('showing');
  });
});
