import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { readFileSync } from 'node:fs';
import { testTenantId } from '../support/teamsActivity.ts';

const commissioner = { aadObjectId: '11111111-0000-4000-8000-000000000001', name: 'Jane Smith' };
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness('smoke', '2008-11-24T09:00:00Z');
  await bot.importPlan(parsePlan(readFileSync('seeds/plans/000_8d414cf89c93b93b.txt', 'utf8'), 'iow'));
  await bot.store.roles.assign(testTenantId, 'Commissioner', commissioner.aadObjectId, { id: 'test', name: 'test' }, '2008-11-24T09:00:00Z');
  await bot.install(commissioner);
});
afterAll(async () => bot?.close());

describe('the commissioner asks the bot', () => {
  it("answers what's overdue with the Isle of Wight's late actions, oldest first", async () => {
    const [reply] = await bot.say(commissioner, "what's overdue?");
    const text = textOf(reply);
    expect(text).toContain('Overdue: 56 actions');
    expect(text).toContain('1.1.1');
    // 1 April 2008 is the plan's first deadline: it heads the list, and lateness never grows down the list.
    expect(text).toContain('Tue 1 Apr 2008');
    const lateness = [...text.matchAll(/(\d+) days late/g)].map((m) => Number(m[1]));
    expect(lateness[0]).toBe(237);
    expect(Math.max(...lateness)).toBe(237);
  });
});
