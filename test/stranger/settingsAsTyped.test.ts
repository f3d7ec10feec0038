// Reminder settings as a stranger types them, over real HTTP on the five seed plans (today Mon 24 Nov
// 2008): leave and pauses in everyday words, past and impossible dates, covers for people and roles the
// tenant does not have, snoozes. Each test asserts what a person would expect; they were written against
// the bot as landed, where they failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, meet, press } from '../support/cardPress.ts';
import { installationUpdate, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
const sam = person('Sam Patel');
const alex = person('Alex Jones');
const priya = person('Priya Shah');
const tom = person('Tom Hughes');
// Installed the bot, holds no role.
const nora: TeamsPerson = { aadObjectId: 'f9100000-0000-4000-8000-000000000001', name: 'Nora Newstart' };
// A person of another tenant.
const olly: TeamsPerson = { aadObjectId: 'f9100000-0000-4000-8000-000000000002', name: 'Olly Otherton' };
const otherTenant = '11111111-0000-4000-8000-000000000009';
const NOW = '2008-11-24T10:00:00Z';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerset', NOW);
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  await meet(bot, nora);
  const res = await bot.post(installationUpdate({ ...bot.origin, tenantId: otherTenant }, olly, 'add'));
  expect(res.status).toBeLessThan(300);
}, 120_000);
afterAll(async () => bot?.close());

async function say(who: TeamsPerson, text: string, at = NOW): Promise<string> {
  bot.clock.set(at);
  return (await bot.say(who, text)).map(textOf).join('\n');
}
const settingsOf = (who: TeamsPerson) => bot.store.settings.get(who.aadObjectId);
const coversOf = async (who: TeamsPerson) => (await bot.store.settings.covers()).filter((c) => c.personId === who.aadObjectId);
async function fresh(who: TeamsPerson): Promise<void> {
  await bot.store.settings.save({ personId: who.aadObjectId, mode: { kind: 'daily' }, pausedUntil: null, onLeave: false, snoozes: [] });
}

describe('leave and pauses as people write them', () => {
  it.each([
    ['away until Monday', '2008-12-01'],
    ['on leave until 4 Jan', '2009-01-04'],
    ['ooo until 4 Jan', '2009-01-04'],
    ['<p>On annual leave until 4th of Jan&nbsp;🌴</p>', '2009-01-04'],
    ["I'm back on 5/1", '2009-01-05'],
  ])('"%s" is leave until that day, said back as a UK date', async (text, until) => {
    await fresh(tom);
    const reply = await say(tom, text);
    const settings = await settingsOf(tom);
    expect(settings.pausedUntil, reply).toBe(until);
    expect(settings.onLeave).toBe(true);
    expect(reply).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('"pause for a week" pauses until Mon 1 Dec 2008', async () => {
    await fresh(tom);
    const reply = await say(tom, '<at>actionbot</at> pause for a week');
    expect((await settingsOf(tom)).pausedUntil, reply).toBe('2008-12-01');
    expect(reply).toContain('Mon 1 Dec 2008');
  });

  it('"cancel my leave" and "end my leave" take the leave back', async () => {
    for (const text of ['cancel my leave', 'end my leave']) {
      await say(tom, "I'm on leave until 4 Jan");
      const reply = await say(tom, text);
      expect((await settingsOf(tom)).pausedUntil, `${text}: ${reply}`).toBeNull();
    }
  });

  it('a past date is refused by name, not "I didn\'t understand"', async () => {
    await fresh(tom);
    const reply = await say(tom, "I'm on leave until 1/1/2008");
    expect(reply).toContain('Tue 1 Jan 2008');
    expect(reply).not.toContain("didn't understand");
    expect((await settingsOf(tom)).pausedUntil).toBeNull();
  });

  it('"until 20 Nov" four days after 20 Nov is not read as next year\'s 20 Nov', async () => {
    await fresh(tom);
    const reply = await say(tom, "I'm on leave until 20 Nov");
    expect((await settingsOf(tom)).pausedUntil, reply).toBeNull();
    expect(reply).toContain('20 Nov');
  });

  it('"I\'m on leave" with no date asks until when, with words that work, and changes nothing', async () => {
    await fresh(tom);
    const reply = await say(tom, "I'm on leave");
    expect(reply).toContain('"I\'m on leave until Mon 1 Dec 2008"');
    expect((await settingsOf(tom)).pausedUntil).toBeNull();
  });

  it('"pause reminders until 31/2" says that 31/2 is not a date', async () => {
    const reply = await say(tom, 'pause reminders until 31/2');
    expect(reply).toContain('"31/2" is not a date');
  });

  it('a year more than a year off is asked about, not saved: "until 4 Jan 2030"', async () => {
    await fresh(tom);
    const asked = await say(tom, "I'm on leave until 4 Jan 2030");
    expect((await settingsOf(tom)).pausedUntil, asked).toBeNull();
    expect(asked).toContain('Fri 4 Jan 2030?');
  });

  it('leave to Christmas Day says reminders start again on the working day after', async () => {
    const reply = await say(tom, "I'm on leave until 25 Dec");
    expect(reply).toContain('No reminders before Mon 29 Dec 2008');
  });

  it('"resume reminders" when nothing was paused says so', async () => {
    await fresh(tom);
    expect(await say(tom, 'resume reminders')).toContain('were not paused');
  });

  it('a typo is a guess: "I\'m on leav until 4 Jan" asks first, and "yes" saves it', async () => {
    await fresh(tom);
    const asked = await say(tom, "I'm on leav until 4 Jan");
    expect((await settingsOf(tom)).pausedUntil, asked).toBeNull();
    expect(asked).toContain('Sun 4 Jan 2009');
    const yes = await say(tom, 'yes');
    expect((await settingsOf(tom)).pausedUntil, yes).toBe('2009-01-04');
  });
});

describe('leave that starts later, and the clock change', () => {
  it('"I\'m on holiday next week" says reminders pause from today only, and offers the words that do', async () => {
    await fresh(tom);
    const reply = await say(tom, "I'm on holiday next week");
    expect((await settingsOf(tom)).pausedUntil, reply).toBeNull();
    expect(reply).toContain('"I\'m on leave until Mon 8 Dec 2008"');
    expect(await say(tom, "I'm on leave until Mon 8 Dec 2008")).toContain('No reminders until Mon 8 Dec 2008');
  });

  it('"tomorrow" typed at 23:59 London time on the night the clocks go back is the London tomorrow', async () => {
    await fresh(tom);
    // Sat 25 Oct 2008 23:59 BST is 22:59 UTC; the clocks went back at 02:00 on Sun 26 Oct.
    await say(tom, "I'm off until tomorrow", '2008-10-25T22:59:00Z');
    expect((await settingsOf(tom)).pausedUntil).toBe('2008-10-26');
    // Sun 26 Oct 23:59 GMT: tomorrow is Mon 27 Oct, not Tue 28 Oct.
    await say(tom, 'pause reminders until tomorrow', '2008-10-26T23:59:00Z');
    expect((await settingsOf(tom)).pausedUntil).toBe('2008-10-27');
  });

  it('the Yes on the question card saves the setting; an older question\'s Yes does not', async () => {
    await fresh(tom);
    bot.clock.set(NOW);
    const [old] = await bot.say(tom, 'remnd me weekly on Friday');
    bot.clock.set('2008-11-24T10:01:00Z');
    const [asked] = await bot.say(tom, "I'm on leav until 4 Jan");
    const stale = await press(bot, tom, old!, 'confirm');
    expect((await settingsOf(tom)).mode, answerText(stale)).toEqual({ kind: 'daily' });
    const yes = await press(bot, tom, asked!, 'confirm');
    expect((await settingsOf(tom)).pausedUntil, answerText(yes)).toBe('2009-01-04');
    expect(answerText(yes)).toContain('Sun 4 Jan 2009');
  });
});

describe('how often', () => {
  it('"remind me weekly on Saturday" says the digest comes on the working day it will come', async () => {
    const reply = await say(priya, 'remind me weekly on Saturday');
    expect(reply).toContain('Monday');
    expect(reply).not.toContain('weekly on Saturday.');
    expect((await settingsOf(priya)).mode).toEqual({ kind: 'weekly', weekday: 1 });
  });

  it('"back to daily" and "remind me every Monday morning" are read', async () => {
    await say(priya, 'remind me every Monday morning');
    expect((await settingsOf(priya)).mode).toEqual({ kind: 'weekly', weekday: 1 });
    const reply = await say(priya, 'back to daily');
    expect((await settingsOf(priya)).mode, reply).toEqual({ kind: 'daily' });
  });

  it('a typo is a guess: "remnd me weekly" asks first and "no" keeps the setting', async () => {
    await fresh(priya);
    const asked = await say(priya, 'remnd me weekly');
    expect(asked).toContain('weekly on Monday');
    expect((await settingsOf(priya)).mode).toEqual({ kind: 'daily' });
    await say(priya, 'no');
    expect((await settingsOf(priya)).mode).toEqual({ kind: 'daily' });
  });

  it('a person with no role is told there is nothing to remind them of yet', async () => {
    const reply = await say(nora, 'remind me weekly');
    expect(reply).toMatch(/no role/i);
  });
});

describe('snoozes', () => {
  it('"stop reminding me about IW-1.1.2" asks until when, naming the action, and changes nothing', async () => {
    await fresh(sam);
    const reply = await say(sam, 'stop reminding me about IW-1.1.2');
    expect(reply).toContain('snooze IW-1.1.2');
    expect(reply).not.toContain("didn't understand");
    expect((await settingsOf(sam)).snoozes).toEqual([]);
  });

  it('a snooze to a past date is refused by name', async () => {
    const reply = await say(sam, 'snooze IW-1.1.2 until 1/1/2008');
    expect(reply).toContain('Tue 1 Jan 2008');
    expect((await settingsOf(sam)).snoozes).toEqual([]);
  });

  it('a snooze to Christmas Day comes back on the next working day, and says so', async () => {
    const reply = await say(sam, 'snooze IW-1.1.2 until 25 Dec');
    expect(reply).toContain('Mon 29 Dec 2008');
    expect((await settingsOf(sam)).snoozes.map((s) => s.until)).toEqual(['2008-12-29']);
  });

  it('"snooze 4.1.1 for a week", a reference two of the commissioner\'s actions have, lists both and snoozes neither', async () => {
    await fresh(jane);
    const reply = await say(jane, 'snooze 4.1.1 for a week');
    expect((await settingsOf(jane)).snoozes, reply).toEqual([]);
    expect(reply).toContain('"snooze IW-4.1.1/g');
    expect(reply).toContain('until Mon 1 Dec 2008');
  });

  it('a snooze past the plan\'s end says the action will not come back this plan year', async () => {
    const reply = await say(sam, 'snooze IW-1.1.2 until 30/4/2009');
    expect(reply).toContain('after the plan ends (Tue 31 Mar 2009)');
  });

  it('a typo is a guess: "snoze IW-1.1.3 for a week" asks first', async () => {
    await fresh(sam);
    const asked = await say(sam, 'snoze IW-1.1.3 for a week');
    expect((await settingsOf(sam)).snoozes, asked).toEqual([]);
    await say(sam, 'yes');
    expect((await settingsOf(sam)).snoozes.map((s) => s.until)).toEqual(['2008-12-01']);
  });
});

describe('cover', () => {
  it('a person of another tenant cannot be given cover', async () => {
    const reply = await say(jane, 'Olly Otherton covers SMO until 4 Jan');
    expect(await coversOf(olly), reply).toEqual([]);
    expect(await bot.store.roles.holders(testTenantId, 'SMO')).not.toContain(olly.aadObjectId);
  });

  it('a role no plan names is refused with the closest names, and nobody is given it', async () => {
    const reply = await say(jane, 'Nora Newstart covers Tea Maker until 4 Jan');
    expect(await coversOf(nora), reply).toEqual([]);
    expect(await bot.store.roles.holders(testTenantId, 'Tea Maker')).toEqual([]);
    expect(reply).toContain('Tea Maker');
  });

  it('"I\'ll cover SMLO until 4 Jan" is the commissioner herself, not whoever has an "i" in their name', async () => {
    const reply = await say(jane, "I'll cover SMLO until 4 Jan");
    expect(reply).toContain('Jane Smith covers SMLO until Sun 4 Jan 2009');
    expect((await coversOf(jane)).map((c) => c.role)).toEqual(['SMLO']);
  });

  it('"until 20 Nov" four days after it is not a year of cover', async () => {
    const reply = await say(jane, 'Alex Jones covers SMLO until 20 Nov');
    expect(await coversOf(alex), reply).toEqual([]);
    expect(reply).toContain('20 Nov');
  });

  it('"until 31/2" says that 31/2 is not a date', async () => {
    expect(await say(jane, 'Alex Jones covers SMLO until 31/2')).toContain('"31/2" is not a date');
  });

  it('"Nora covers SMLO for two weeks" is cover until Mon 8 Dec 2008', async () => {
    const reply = await say(sam, 'Nora covers SMLO for two weeks');
    expect((await coversOf(nora)).map((c) => c.until), reply).toEqual(['2008-12-08']);
  });

  it('"my settings" names no one of another tenant', async () => {
    await bot.store.settings.saveCover({ role: 'SMO', personId: olly.aadObjectId, until: '2009-01-04', by: 'Olly Otherton', granted: false });
    const reply = await say(alex, 'my settings');
    expect(reply).not.toContain('Olly');
  });
});
