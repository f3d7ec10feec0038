// An owner who went on leave after their reminders went out: the commissioner's escalation digest should
// say they are on leave, not blame them for "not opened".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseReminders } from '../../src/app/reminderSettings.ts';
import { startBotHarness, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import type { TeamsPerson } from '../support/teamsActivity.ts';

const jane: TeamsPerson = { aadObjectId: 'c7000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam: TeamsPerson = { aadObjectId: 'c7000000-0000-4000-8000-000000000002', name: 'Sam Patel' };

const plan = handMadePlan('leave', 'Leaveshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-16' },
  { ref: '1.2', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-09-16' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerlv', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  for (const day of ['2011-09-16', '2011-09-23']) await bot.sweep(`${day}T08:00:00Z`);
  // Sam goes on leave without opening the reminders of 16 and 23 Sep.
  await pauseReminders(bot.runtime.services, sam.aadObjectId, '2011-10-10', '2011-09-26', true);
  await bot.sweep('2011-09-30T08:00:00Z');
}, 120_000);
afterAll(async () => bot?.close());

describe('the escalation digest while the owner is on leave', () => {
  it('says the owners are on leave until when, on the lines and in the notes, instead of "not opened"', async () => {
    const record = await bot.store.digests.get(`escalation|${jane.aadObjectId}|2011-09-30`);
    const lines = record?.lines.filter((l) => l.why !== undefined) ?? [];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.seen).toBe('owners: on leave until Mon 10 Oct 2011');
    const notes = record?.notes.join('\n') ?? '';
    expect(notes).toContain('Sam Patel has not opened the reminders of Fri 23 Sep 2011');
    expect(notes).toContain('on leave until Mon 10 Oct 2011');
  });
});
