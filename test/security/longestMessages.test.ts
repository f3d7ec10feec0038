// Every list at its longest, every message under 25 KB: two plans at the import limits (1,000 actions of
// 150 characters; 60 actions of 4,000-character cells), all overdue, all owned by one person, with many
// roles and long names. Every reply, digest and escalation the bot sends is measured over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { MAX_ACTIONS, MAX_CELL_CHARS } from '../../src/import/limits.ts';
import { startBotHarness, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011, type ActionRow } from '../support/plans.ts';
import { testTenantId } from '../support/teamsActivity.ts';

const LIMIT = 25 * 1024;
const long = (n: number, seed: string): string => `${seed} ${'and agree it with every pharmacy, hostel and outreach team '.repeat(Math.ceil(n / 58))}`.slice(0, n);
const jane = { aadObjectId: 'aa000000-0000-4000-8000-000000000001', name: `Jane ${'Smythe-'.repeat(12)}Smith` };
const sam = { aadObjectId: 'aa000000-0000-4000-8000-000000000002', name: `Sam ${'Patel-'.repeat(14)}Patel` };
const ROLES = Array.from({ length: 40 }, (_, i) => `Lead ${i + 1} ${'Officer '.repeat(4)}`.trim());

const many: ActionRow[] = Array.from({ length: MAX_ACTIONS }, (_, i) => ({
  ref: `${(i % 9) + 1}.${i + 1}`, text: long(150, `Action ${i + 1}`), owners: ['SMLO', ROLES[i % ROLES.length]!], due: '2011-09-01', grid: (i % 9) + 1,
}));
const wordy: ActionRow[] = Array.from({ length: 60 }, (_, i) => ({
  ref: `1.${i + 1}`, text: long(MAX_CELL_CHARS, `Wordy ${i + 1}`), owners: ['SMLO'], due: '2011-09-01',
}));

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('seclongest', '2011-08-01T09:00:00Z');
  await storePlan(bot.runtime.services, handMadePlan('lm-many-2011', `Longtown ${'Partnership '.repeat(6)}`.trim(), planYear2011, many), testTenantId, 'Commissioner');
  await storePlan(bot.runtime.services, handMadePlan('lm-wordy-2011', 'Wordshire DAT', planYear2011, wordy), testTenantId, 'Commissioner');
  await meet(bot, jane, 'Commissioner', 'SMLO', ...ROLES);
  await meet(bot, sam, 'SMLO', ...ROLES.slice(0, 20));
  bot.clock.set('2011-10-03T09:00:00Z');
  // Many snoozes make "my settings" as long as it gets.
  for (let i = 1; i <= 40; i++) await bot.say(sam, `snooze LON-1.${i * 9 - 8} until 30 Oct 2011`);
}, 300_000);
afterAll(async () => bot?.close());

const asks = [
  "what's overdue?", "what's overdue by owner", "what's overdue by plan", 'overdue in grid 1', 'blocked', 'my actions', 'what is due this month',
  'done this week', 'summary', 'roles', 'roles nobody holds', 'who is SMLO?', 'status LON-1.1', 'status WOR-1.1', 'help', 'my settings',
  'who am I?', 'what are my roles?', "what's my next deadline?", 'who is my commissioner?', 'more', 'Agree it with every pharmacy done',
];

describe('every message at its longest is under 25 KB', () => {
  it.each(asks)('"%s"', async (text) => {
    for (const who of [jane, sam]) {
      const replies = await bot.say(who, text);
      expect(replies.length, `${who.name}: ${text}`).toBeGreaterThan(0);
      for (const reply of replies) expect(Buffer.byteLength(JSON.stringify(reply.body), 'utf8'), `${who.name}: ${text}`).toBeLessThanOrEqual(LIMIT);
    }
  });

  it("the sweep's digests and escalations", async () => {
    const before = bot.connector.calls.length;
    await bot.sweep('2011-09-15T08:00:00Z');
    const sent = bot.connector.calls.slice(before).filter((c) => c.kind === 'send' || c.kind === 'reply');
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect(Buffer.byteLength(JSON.stringify(call.body), 'utf8')).toBeLessThanOrEqual(LIMIT);
  }, 240_000);
});
