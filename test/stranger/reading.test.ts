// Tried as a stranger would, over real HTTP on the five seed plans: messages as Teams sends them and as
// people type them, and the bot's own suggestions typed back. Each test asserts what a person would
// expect; they were written against the bot as landed, where they fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/domain/ports.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { message } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
const NOT_UNDERSTOOD = "I didn't understand";
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('strangerr', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
}, 120_000);
afterAll(async () => bot?.close());

async function say(text: string): Promise<string> {
  return (await bot.say(jane, text)).map(textOf).join('\n');
}
async function byCode(code: string): Promise<StoredAction> {
  for (const plan of await bot.store.plans.listPlans()) {
    const found = (await bot.store.actions.listPlanActions(plan.id)).find((a) => a.action.code === code);
    if (found) return found;
  }
  throw new Error(`no action ${code}`);
}

describe('messages as Teams sends them', () => {
  it('"<p>what&nbsp;is overdue?</p>" (a non-breaking space, as Teams sends it) lists what is overdue', async () => {
    const reply = await say('<p>what&nbsp;is overdue?</p>');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toContain('Overdue');
  });

  it('an @mention followed by &nbsp; and &#39; ("@actionbot what\'s overdue for grid 2?") is read with its filter', async () => {
    const text = '<p><at>actionbot</at>&nbsp;what&#39;s overdue for grid&nbsp;2?</p>';
    const activity = {
      ...message(bot.origin, jane, text), textFormat: 'xml',
      entities: [{ type: 'mention', text: '<at>actionbot</at>', mentioned: { id: '28:actionbot', name: 'actionbot' } }],
    };
    await bot.post(activity);
    const reply = bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toMatch(/Overdue[^:]*grid 2/);
  });
});

describe('the bot\'s own suggestions, typed back', () => {
  it('"summary BED" (suggested on the summary card) gives Bedfordshire per grid', async () => {
    expect(await say('summary')).toContain('"summary BED"');
    const reply = await say('summary BED');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toContain('Bedfordshire');
    expect(reply).not.toContain('Worcestershire');
  });

  it('"roles nobody holds" (suggested in help) lists the roles nobody holds', async () => {
    const reply = await say('roles nobody holds');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toContain('Roles nobody holds');
  });

  it('"overdue for SMLO" (help: narrow with "for SMLO") is filtered by the role, not read as a person', async () => {
    const reply = await say("what's overdue for SMLO?");
    expect(reply).not.toContain('I don\'t know anyone called "SMLO"');
    expect(reply).toContain('SMLO');
  });

  it('"what is due in January?" (help: a period, "in January") lists January', async () => {
    const reply = await say('what is due in January?');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toContain('January');
  });

  it('"delayed … by two weeks" (help: "by two weeks" works too) moves the date two weeks', async () => {
    const reply = await say('delayed IW-3.2.3 by two weeks because the audit moved');
    expect(reply).not.toContain('delayed to when?');
    expect((await byCode('IW-3.2.3')).progress.status).toBe('delayed');
  });
});

describe('phrasings people type', () => {
  it('"due tomorrow" lists what is due tomorrow', async () => {
    const reply = await say('due tomorrow');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toMatch(/[Dd]ue tomorrow/);
  });

  it.each([
    ["I've done IW-1.3.1", 'IW-1.3.1'],
    ['IW-1.4.4 is done', 'IW-1.4.4'],
    ['mark IW-5.1.2 complete', 'IW-5.1.2'],
  ])('"%s" is taken as a done (saved, or asked to confirm)', async (text, code) => {
    const reply = await say(text);
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toContain(code);
  });

  it('"can\'t do IW-1.4.2 – no budget" asks whether IW-1.4.2 is blocked, saving nothing yet', async () => {
    const reply = await say("can't do IW-1.4.2 – no budget");
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    expect(reply).toContain('IW-1.4.2');
    expect((await byCode('IW-1.4.2')).progress.status).toBe('open');
  });

  it('"push IW-1.6.1 back a month because of the audit" on an overdue action delays it to a date after today', async () => {
    const reply = await say('push IW-1.6.1 back a month because of the audit');
    expect(reply).not.toContain(NOT_UNDERSTOOD);
    // A month from today (Wed 24 Dec 2008), and the reply says how it was counted.
    expect(reply).toContain('was already due Tue 1 Apr 2008, so the new date is counted from today');
    if ((await byCode('IW-1.6.1')).progress.status === 'open') await say('yes');
    const after = (await byCode('IW-1.6.1')).progress;
    expect(after.status, reply).toBe('delayed');
    expect(after.dueDate).toBe('2008-12-24');
  });

  it('a typo in "summary" ("summery") gives the summary or suggests it', async () => {
    expect(await say('summery')).toMatch(/summary/i);
  });

  it('a typo in "done" ("dun IW-1.2.2") suggests the done it meant, and saves nothing', async () => {
    const reply = await say('dun IW-1.2.2');
    expect(reply).toContain('done IW-1.2.2');
    expect((await byCode('IW-1.2.2')).progress.status).toBe('open');
  });

  it('"overdue in grid 9" says there is no grid 9, not that no plan is called "grid 9"', async () => {
    const reply = await say("what's overdue in grid 9?");
    expect(reply).not.toContain('called "grid 9"');
    expect(reply).toContain('grid 9');
  });
});

describe('dates people can check', () => {
  it('a refused second "done" gives the date it was done as "Mon 24 Nov 2008", not ISO', async () => {
    await say('done IW-1.2.1');
    const reply = await say('done IW-1.2.1');
    expect(reply).toContain('already done');
    expect(reply).not.toMatch(ISO_DATE);
    expect(reply).toContain('Mon 24 Nov 2008');
  });

  it('a new date in the past is refused with today as "Mon 24 Nov 2008", not ISO', async () => {
    const reply = await say('delayed IW-1.1.4 to 01/11/2008 because of the audit');
    expect(reply).toMatch(/Not saved|Nothing was changed/);
    expect(reply).not.toMatch(ISO_DATE);
    expect((await byCode('IW-1.1.4')).progress.status).toBe('open');
  });

  it('the history on a status card gives new dates as "Sat 31 Jan 2009", not ISO', async () => {
    expect(await say('delayed IW-1.2.3 to 31/01/2009 because of the audit')).toContain('Saved');
    const status = await say('status IW-1.2.3');
    expect(status).toContain('History');
    expect(status.slice(status.indexOf('History'))).not.toMatch(ISO_DATE);
  });
});
