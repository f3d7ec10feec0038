// Several answers in one message, over real HTTP on the five seed plans: one confirmation lists them
// all, a part that cannot be applied is named and the rest applies, one "undo" takes the message back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/domain/ports.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
let bot: BotHarness;
let open: StoredAction[];

beforeAll(async () => {
  bot = await startBotHarness('convsev', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  const bed = (await bot.store.plans.listPlans()).find((p) => p.code === 'BED');
  open = (await bot.store.actions.listPlanActions(bed?.id ?? '')).filter((a) => a.progress.status === 'open' && a.action.due.kind === 'date');
}, 120_000);
afterAll(async () => bot?.close());

const say = async (text: string): Promise<string> => (await bot.say(jane, text)).map(textOf).join('\n');
const now = async (a: StoredAction): Promise<StoredAction> => (await bot.store.actions.get(a.planId, a.action.id)) as StoredAction;

describe('several answers in one message', () => {
  it('asks once, listing every part with its own status, date and reason; names what cannot be applied; applies the rest on yes; one undo takes all back', async () => {
    const [a, b, c] = open as [StoredAction, StoredAction, StoredAction];
    const asked = await say(`${a.action.code} done, ${b.action.code} delayed to 31 January 2009 because the BREC rep left; ${c.action.code} blocked: waiting for the PCT and BED-999 done too`);
    expect(asked).toContain('4 answers in your message; 3 can be saved');
    expect(asked).toContain(`${a.action.code}`);
    expect(asked).toMatch(/delayed: because the BREC rep left/);
    expect(asked).toMatch(/blocked \(waiting for the PCT\)/);
    expect(asked).toContain('I can\'t find an action "BED-999"');
    // Nothing changed before "yes".
    expect((await now(a)).progress.status).toBe('open');

    const saved = await say('yes');
    expect(saved.match(/Saved:/g)?.length).toBe(3);
    expect((await now(a)).progress.status).toBe('done');
    expect((await now(b)).progress).toMatchObject({ status: 'delayed', dueDate: '2009-01-31', reason: 'because the BREC rep left' });
    expect((await now(c)).progress).toMatchObject({ status: 'blocked', reason: 'waiting for the PCT' });

    const undone = await say('undo');
    expect(undone.match(/Undone:/g)?.length).toBe(3);
    for (const x of [a, b, c]) expect((await now(x)).progress.status).toBe('open');
  });

  it('says plainly when only one of them can be saved (not "1 answers")', async () => {
    const [a, b] = open as [StoredAction, StoredAction];
    await say(`done ${b.action.code}`);
    await say('yes');
    const asked = await say(`${a.action.code} done, ${b.action.code} delayed to 29 January 2009 because the rep left`);
    expect(asked).toContain('2 answers in your message; 1 can be saved');
    expect(asked).toContain(`${b.action.code} is already done`);
    expect(asked).toContain('Save it?');
    expect(asked).not.toMatch(/\b1 answers\b/);
    expect(await say('no')).toContain('nothing was changed');
    await say(`reopen ${b.action.code}`);
    expect((await now(b)).progress.status).toBe('open');
  });

  it('"no" changes none of them', async () => {
    const [a, b] = open as [StoredAction, StoredAction];
    expect(await say(`${a.action.code} done, ${b.action.code} done too`)).toContain('2 answers in your message');
    expect(await say('no')).toContain('nothing was changed');
    expect((await now(a)).progress.status).toBe('open');
    expect((await now(b)).progress.status).toBe('open');
  });
});
