import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { readFileSync } from 'node:fs';

const commissioner = { aadObjectId: '11111111-0000-4000-8000-000000000001', name: 'Jane Smith' };
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness('smoke', '2008-11-24T09:00:00Z');
  await bot.importPlan(parsePlan(readFileSync('seeds/plans/000_8d414cf89c93b93b.txt', 'utf8'), 'iow'));
  await bot.store.roles.assign('Commissioner', commissioner.aadObjectId, { id: 'test', name: 'test' }, '2008-11-24T09:00:00Z');
  await bot.install(commissioner);
});
afterAll(async () => bot?.close());

describe('the commissioner asks the bot', () => {
  it("answers what's overdue with the Isle of Wight's late actions, oldest first", async () => {
    const [reply] = await bot.say(commissioner, "what's overdue?");
    const text = textOf(reply);
    expect(text).toContain("What's overdue");
    expect(text).toContain('1.1.1');
    expect(text.indexOf('1.3.1')).toBeGreaterThan(-1);
    expect(text.indexOf('1.1.1')).toBeLessThan(text.indexOf('1.3.1'));
  });
});
