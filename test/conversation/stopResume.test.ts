// "stop" and "unsubscribe" over real HTTP: reminders pause until turned back on, the reply says how to
// resume, "my settings" says so, and "turn my reminders back on" undoes it. A "stop" while a yes/no
// question waits is that "no".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const sam = person('Sam Patel');
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness('convstop', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
}, 120_000);
afterAll(async () => bot?.close());

const say = async (text: string): Promise<string> => (await bot.say(sam, text)).map(textOf).join('\n');
const paused = async (): Promise<string | null> => (await bot.store.settings.get(sam.aadObjectId)).pausedUntil;

describe('stop and resume', () => {
  it.each(['stop', 'unsubscribe'])('"%s" pauses reminders until turned back on and says how to resume', async (text) => {
    const reply = await say(text);
    expect(reply).toContain('Reminders stopped');
    expect(reply).toContain('"resume"');
    expect(await paused()).toBe('9999-12-31');
    expect(await say('my settings')).toContain('Stopped until you turn them back on');
    expect(await say(text === 'stop' ? 'turn my reminders back on' : 'start again')).toContain('back on');
    expect(await paused()).toBeNull();
  });

  it('"stop" while a question waits cancels the question and stops nothing', async () => {
    expect(await say('remnd me weekly')).toContain('Yes');
    expect(await say('stop')).toContain('nothing was changed');
    expect(await paused()).toBeNull();
  });
});
