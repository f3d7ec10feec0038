// The commissioner's side on the five seed plans as written, over real HTTP: every message of a sweep
// under 25 KB with no ISO date, the escalation digest's buttons on real actions, and what she then reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import type { ConnectorCall } from '../support/connector.ts';
import { answerText, meet } from '../support/cardPress.ts';
import { executes, pressDigest } from '../support/digestPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
const iso = /\b\d{4}-\d{2}-\d{2}\b/;

let bot: BotHarness;
let sweepCalls: ConnectorCall[] = [];
beforeAll(async () => {
  bot = await startBotHarness('strangeres', '2009-01-12T08:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  const before = bot.connector.calls.length;
  await bot.sweep('2009-01-12T09:00:00Z');
  sweepCalls = bot.connector.calls.slice(before).filter((c) => c.status < 300);
}, 240_000);
afterAll(async () => bot?.close());

async function escalationRecord() {
  const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2009-01-12`);
  if (!record) throw new Error('Jane got no escalation digest');
  return { record, card: sweepCalls.find((c) => c.activityId === record.activityId) };
}
const cardIn = (call: ConnectorCall | undefined) => (call?.body.attachments as { content: unknown }[] | undefined)?.[0]?.content;

describe('a sweep over the seed plans', () => {
  it('sends every message under 25 KB, with no ISO date shown', () => {
    expect(sweepCalls.length).toBeGreaterThan(0);
    for (const call of sweepCalls) {
      expect(Buffer.byteLength(JSON.stringify(call.body)), call.conversationId).toBeLessThan(25_000);
      expect(textOf(call), call.conversationId).not.toMatch(iso);
    }
  });
});

describe('the escalation digest on real actions', () => {
  it('Chase only where someone can be reached, Accept the delay to a Saturday, Reassign to a role\'s name: each answered in words, no ISO date', async () => {
    const { record, card } = await escalationRecord();
    // The escalations come first, on the first page. On these plans every late action's roles are held by
    // nobody the bot can reach, so none offers Chase (it would reach nobody); each offers Reassign.
    const page: unknown = cardIn(card);
    const shown = new Set(executes(page).filter((a) => a.verb === 'escalation.reassign').map((a) => Number(a.data?.i)));
    const open = record.lines.map((l, i) => ({ l, i })).filter(({ l, i }) => l.why !== undefined && shown.has(i));
    expect(open.length).toBeGreaterThan(2);
    const chaseable = new Set(executes(page).filter((a) => a.verb === 'escalation.chase').map((a) => Number(a.data?.i)));
    for (const { l, i } of open) expect(chaseable.has(i), l.why).toBe(!l.why?.startsWith('nobody'));
    const [, second, third] = open;
    const accepted = await pressDigest(bot, jane, page, 'escalation.accept', second?.i ?? 0, { [`accept${second?.i}`]: '2009-01-31' });
    expect(answerText(accepted)).toContain('Delay accepted to Sat 31 Jan 2009');
    expect(answerText(accepted)).toContain('is a Saturday');
    const role = await pressDigest(bot, jane, page, 'escalation.reassign', third?.i ?? 0, { [`person${third?.i}`]: 'SMO' });
    expect(String(role.value)).toContain('SMO is a role');
    expect(String(role.value)).toContain('Alex Jones');
  });

  it('what she reads next ("what\'s overdue?", status) shows who opened the reminders, with no ISO date', async () => {
    const overdue = (await bot.say(jane, "what's overdue?")).map(textOf).join('\n');
    expect(overdue).toMatch(/Reminders: (not opened|seen|nobody)/);
    expect(overdue).not.toMatch(iso);
    const { record } = await escalationRecord();
    const status = (await bot.say(jane, `status ${record.lines[0]?.ref}`)).map(textOf).join('\n');
    expect(status).not.toMatch(iso);
  });
});
