// Issue 8 over real HTTP, on the five seed plans: codes for every action, answers only when meant,
// undo and reopen, filtered and paged lists, retried activities applied once, clear errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { cardAction, message, type TeamsPerson } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
const sam = person('Sam Patel');
const tom = person('Tom Hughes');
const seeds: Plan[] = seedPlans();
const IW = 'isle-of-wight-dat-2008';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botconv', '2008-11-24T10:00:00Z', { ADMINS: tom.aadObjectId });
  for (const plan of seeds) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
}, 120_000);
afterAll(async () => bot?.close());

async function say(who: TeamsPerson, text: string): Promise<string> {
  return (await bot.say(who, text)).map(textOf).join('\n');
}
const stored = async (code: string) => (await bot.store.actions.listPlanActions(IW)).find((a) => a.action.code === code);

describe('codes', () => {
  it('every seed action has a code, unique across the store; plans are coded from their partnership', async () => {
    const plans = await bot.store.plans.listPlans();
    expect(Object.fromEntries(plans.map((p) => [p.partnership, p.code]))).toEqual({
      'Isle of Wight DAT': 'IW', Bedfordshire: 'BED', 'Worcestershire SMAT': 'WOR',
      'Gloucestershire Safer and Stronger Communities partnership (GSSCP)': 'GLO', 'Safer Peterborough Partnership': 'PET',
    });
    const codes = (await Promise.all(plans.map((p) => bot.store.actions.listPlanActions(p.id)))).flat().map((a) => a.action.code);
    expect(codes.every((c) => typeof c === 'string')).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    // A ref repeated in a plan is told apart by its grid; an unnumbered action gets a running number.
    expect(codes).toEqual(expect.arrayContaining(['IW-4.1.1/G2', 'IW-4.1.1/G4', 'BED-1', 'BED-111', 'PET-14']));
  });

  it('a re-import keeps every code, and a new action gets the next free number', async () => {
    const bed = seeds.find((p) => p.partnership === 'Bedfordshire') as Plan;
    const before = (await bot.store.actions.listPlanActions(bed.id)).map((a) => [a.action.id, a.action.code]);
    const extra = { ...bed.actions[0]!, id: 'bed-extra', text: 'Publish the new needle exchange map', source: { line: 9999 } };
    await bot.importPlan({ ...bed, actions: [...bed.actions, extra] });
    const after = await bot.store.actions.listPlanActions(bed.id);
    expect(after.filter((a) => a.action.id !== 'bed-extra').map((a) => [a.action.id, a.action.code])).toEqual(before);
    expect(after.find((a) => a.action.text === extra.text)?.action.code).toBe('BED-112');
  });

  it('a ref in two grids lists both codes, and each suggestion typed back is read and applied', async () => {
    const asked = await say(jane, 'done 4.1.1');
    expect(asked).toContain('"4.1.1" is in several places. Reply with its code');
    const suggestions = [...asked.matchAll(/"(done IW-4\.1\.1\/g\d)"/g)].map((m) => m[1] as string);
    expect(suggestions).toEqual(['done IW-4.1.1/g2', 'done IW-4.1.1/g4']);
    expect(await say(jane, suggestions[0] as string)).toContain('Saved: IW-4.1.1/g2');
    expect((await stored('IW-4.1.1/G2'))?.progress.status).toBe('done');
    expect(await say(jane, suggestions[1] as string)).toContain('Saved: IW-4.1.1/g4');
  });

  it('codes are read in any case, with or without "#"; the legacy "#" id start still works', async () => {
    expect(await say(jane, 'done #iw-1.4.1')).toContain('Saved: IW-1.4.1');
    const bed3 = (await bot.store.actions.listPlanActions('bedfordshire-2008')).find((a) => a.action.code === 'BED-3');
    expect(await say(jane, `status #${bed3!.action.id.slice(0, 6)}`)).toContain('BED-3');
  });

  it('an id that points at nothing never falls back to another action', async () => {
    const before = JSON.stringify(await bot.store.actions.listPlanActions(IW));
    expect(await say(jane, 'done #zz-999')).toBe('I can\'t find an action "ZZ-999" in your plans. Nothing was changed for it.');
    expect(JSON.stringify(await bot.store.actions.listPlanActions(IW))).toBe(before);
  });
});

describe('undo and reopen', () => {
  it('"undo" takes back the caller\'s own last answer, as a history entry', async () => {
    await say(jane, 'done IW-1.2.1');
    expect(await say(jane, 'undo')).toContain('Undone: IW-1.2.1');
    const action = await stored('IW-1.2.1');
    expect(action?.progress.status).toBe('open');
    expect((await bot.store.actions.history(IW, action!.action.id)).map((h) => h.summary)).toEqual(['done', 'undone: back to open']);
  });

  it('"undo" is refused once someone else has changed the action since', async () => {
    await say(jane, 'blocked IW-1.6.1: waiting for the PCT');
    await say(tom, 'delayed IW-1.6.1 to 2009-01-30 because the provider is late');
    expect(await say(jane, 'undo')).toContain('Nothing was undone: Tom Hughes has changed it since');
    expect((await stored('IW-1.6.1'))?.progress.status).toBe('delayed');
  });

  it('the commissioner reopens a done action; an owner who is not may not', async () => {
    expect(await say(sam, 'reopen IW-1.4.1')).toContain('Not reopened');
    expect(await say(jane, 'reopen IW-1.4.1')).toContain('Reopened: IW-1.4.1');
    const action = await stored('IW-1.4.1');
    expect(action?.progress.status).toBe('open');
    expect((await bot.store.actions.history(IW, action!.action.id)).at(-1)).toMatchObject({ from: 'done', to: 'open', summary: 'reopened' });
  });
});

describe('lists that say what they show', () => {
  it('"what\'s overdue in Bedfordshire, grid 2?" is filtered, and its title says so', async () => {
    const text = await say(jane, "what's overdue in Bedfordshire, grid 2?");
    const late = (await bot.store.actions.listPlanActions('bedfordshire-2008')).filter((a) => a.action.grid === 2 && a.progress.dueDate !== null && a.progress.dueDate < '2008-11-24' && a.progress.status !== 'done' && a.progress.status !== 'blocked');
    expect(text).toContain(`Overdue in Bedfordshire, grid 2: ${late.length} action`);
    expect(text).not.toContain('IW-');
  });

  it('a filter that matches nothing says so by name', async () => {
    expect(await say(jane, "what's overdue in Narnia?")).toContain('No plan you can see is called "Narnia". Your plans: ');
    expect(await say(jane, "what's overdue for Nobody Atall?")).toContain('I don\'t know anyone called "Nobody Atall"');
  });

  it('a long list pages: "more" continues it, and "Show more" replaces the card with the next page', async () => {
    const first = await bot.say(jane, "what's overdue?");
    expect(textOf(first[0])).toContain('showing 1–');
    expect(textOf(first[0])).toContain('press Show more, or type "more"');
    const more = (cardOf(first[0])?.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    const second = await say(jane, 'more');
    const next = /showing (\d+)–/.exec(second)?.[1];
    expect(Number(next)).toBeGreaterThan(1);
    const res = await bot.post(cardAction(bot.origin, jane, more.verb, more.data));
    expect(JSON.stringify(res.body)).toContain(`showing ${next}–`);
  });
});

describe('answers only when meant', () => {
  it('a recurring action several occurrences behind: "done" asks whether to close them all or the oldest', async () => {
    bot.clock.set('2009-02-16T10:00:00Z');
    const [reply] = await bot.say(jane, 'done IW-1.1.2');
    expect(textOf(reply)).toContain('Close the missed occurrences?');
    const before = await stored('IW-1.1.2');
    const all = (cardOf(reply)?.actions as { data: { choice: string } }[]).find((a) => a.data.choice === 'all')!;
    const res = await bot.post(cardAction(bot.origin, jane, 'confirm', all.data));
    expect(JSON.stringify(res.body)).toContain('Done');
    const after = await stored('IW-1.1.2');
    expect(before?.progress.occurrence).toBe('2008-10-31');
    expect(after?.progress.occurrence).toBe('2009-02-28');
  });

  it('an answer naming two actions applies to each and says so for each', async () => {
    const text = await say(jane, 'done IW-1.2.3 and IW-1.2.4');
    expect(text).toContain('Saved: IW-1.2.3');
    expect(text).toContain('Saved: IW-1.2.4');
    expect((await stored('IW-1.2.3'))?.progress.status).toBe('done');
    expect((await stored('IW-1.2.4'))?.progress.status).toBe('done');
    // One of two several occurrences behind: the other is applied, that one asked about.
    const mixed = await say(jane, 'done IW-1.3.1 and IW-3.3.1');
    expect(mixed).toContain('Saved: IW-1.3.1');
    expect(mixed).toContain('IW-3.3.1 *Ensure monitoring of progress on carers delivery plan');
    expect(mixed).toContain('has 2 missed occurrences');
    expect((await stored('IW-3.3.1'))?.progress.status).toBe('open');
  });

  it('an answer with a new date says the weekday, and notes a weekend', async () => {
    expect(await say(jane, 'delayed IW-1.7.1 to 2009-03-07 because the audit moved')).toContain('is delayed to Sat 7 Mar 2009 (because the audit moved). Note: Sat 7 Mar 2009 is a Saturday.');
  });

  it('every suggestion the bot makes for a message it did not understand is read when typed back', async () => {
    const suggested = new Set<string>();
    for (const words of ['summery', 'whats ovrdue', 'bananas and custard', 'blokced', 'shwo me teh roels', 'stauts IW-1.1.1']) {
      const reply = await say(jane, words);
      // Typos the reader can correct are simply answered; the rest are said not understood, with suggestions.
      if (!reply.includes("I didn't understand that")) continue;
      for (const m of reply.matchAll(/"([^"]+)"/g)) if (m[1] !== 'help') suggested.add(m[1] as string);
    }
    expect(suggested.size).toBeGreaterThan(0);
    for (const text of suggested) expect(await say(jane, text), text).not.toMatch(/I didn't understand|I couldn't read that/);
  });

  it('a relative delay moves a late action from today, and the reason keeps the words', async () => {
    const text = await say(jane, 'delayed IW-2.1.1 by two weeks because of the audit');
    expect(text).toContain('is delayed to Mon 2 Mar 2009 (because of the audit).');
    expect((await stored('IW-2.1.1'))?.progress).toMatchObject({ status: 'delayed', dueDate: '2009-03-02', reason: 'because of the audit' });
  });

  it('anything not understood is said so, never the welcome card', async () => {
    const text = await say(jane, 'bananas and custard');
    expect(text).toContain("I didn't understand that, so nothing was changed.");
    expect(text).not.toContain("I'm actionbot");
  });
});

describe('retries and bad activities', () => {
  it('the same activity posted twice is answered twice alike and applied once', async () => {
    const activity = message(bot.origin, jane, 'blocked IW-1.5.1: waiting for the contract');
    await bot.post(activity);
    await bot.post(activity);
    const replies = bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toBe(replies[1]);
    const action = await stored('IW-1.5.1');
    expect((await bot.store.actions.history(IW, action!.action.id)).filter((h) => h.to === 'blocked')).toHaveLength(1);
  });

  it('a message whose text is not a string gets 400 with the reason', async () => {
    const res = await bot.post({ ...message(bot.origin, jane, 'x'), text: 42 as unknown as string });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('text must be a string');
  });

  it('an invoke with an empty value, or a name the bot does not handle, gets an invoke response (not 501)', async () => {
    const empty = await bot.post({ ...cardAction(bot.origin, jane, 'done', {}), value: {} });
    expect(empty.status).toBe(200);
    expect(JSON.stringify(empty.body)).toContain('carried nothing I can use');
    const other = await bot.post({ ...cardAction(bot.origin, jane, 'done', {}), name: 'composeExtension/query' });
    expect(other.status).toBe(200);
  });
});
