// Progress notes over real HTTP on the seed plans: from text and from the Note button of a reminder card.
// A note changes no status, is kept in the history with who and when, and shows in status, the CSV and
// the board report; it has a reason's size limit, and only someone who may answer the action can add one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCardFields, typeableRef } from '../../src/app/actionCards.ts';
import { loadDirectory } from '../../src/app/directory.ts';
import { renderCard } from '../../src/cards/render.ts';
import { actionsCsv } from '../../src/dashboard/actionsCsv.ts';
import type { StoredAction } from '../../src/domain/ports.ts';
import { quarterOf } from '../../src/report/quarter.ts';
import { boardReport } from '../../src/report/reportData.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { cardAction } from '../support/teamsActivity.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const jane = person('Jane Smith');
const tom = person('Tom Hughes');
let bot: BotHarness;
let target: StoredAction;

beforeAll(async () => {
  bot = await startBotHarness('convnote', '2008-11-24T10:00:00Z');
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  const wor = (await bot.store.plans.listPlans()).find((p) => p.code === 'WOR');
  target = (await bot.store.actions.listPlanActions(wor?.id ?? '')).find((a) => a.progress.status === 'open' && a.action.code) as StoredAction;
}, 120_000);
afterAll(async () => bot?.close());

const say = async (who: typeof jane, text: string): Promise<string> => (await bot.say(who, text)).map(textOf).join('\n');
const now = async (): Promise<StoredAction> => (await bot.store.actions.get(target.planId, target.action.id)) as StoredAction;

describe('progress notes', () => {
  it('"update on CODE: …" keeps the note without changing the status, in the history with who and when', async () => {
    const code = typeableRef(target);
    const reply = await say(jane, `update on ${code}: met the provider, spec agreed`);
    expect(reply).toContain(`Noted on ${code}`);
    const stored = await now();
    expect(stored.progress.status).toBe('open');
    expect(stored.progress.note).toMatchObject({ text: 'met the provider, spec agreed', by: 'Jane Smith' });
    const history = await bot.store.actions.history(target.planId, target.action.id);
    expect(history.at(-1)).toMatchObject({ by: { name: 'Jane Smith' }, from: 'open', to: 'open', summary: 'note: met the provider, spec agreed' });
    const status = await say(jane, `status ${code}`);
    expect(status).toContain('Latest note');
    expect(status).toContain('met the provider, spec agreed (Jane Smith');
  });

  it('the Note button on a reminder card keeps the typed note', async () => {
    const directory = await loadDirectory(bot.store);
    const card = renderCard('reminder', { ...actionCardFields(await now(), directory, '2008-11-24'), kind: 'upcoming' }) as { actions: { title: string; card?: { actions: { verb: string; data: Record<string, unknown> }[] } }[] };
    const button = card.actions.find((a) => a.title === 'Note')?.card?.actions[0];
    expect(button?.verb).toBe('note');
    const res = await bot.post(cardAction(bot.origin, jane, 'note', { ...button?.data, noteText: 'draft contract sent <b>to</b> legal' }));
    expect(JSON.stringify(res.body)).toContain('Noted on');
    expect((await now()).progress.note?.text).toBe('draft contract sent <b>to</b> legal');
    expect((await now()).progress.status).toBe('open');
  });

  it('shows the latest note in the CSV and the board report', async () => {
    const csv = await actionsCsv(bot.store, '2008-11-24');
    expect(csv.split('\n')[0]).toContain('Latest note');
    expect(csv).toContain('draft contract sent <b>to</b> legal (Jane Smith');
    const report = await boardReport(bot.store, await loadDirectory(bot.store), target.planId, quarterOf('2008-11-24'), '2008-11-24');
    expect(report?.notes?.[0]).toMatchObject({ note: 'draft contract sent <b>to</b> legal', by: 'Jane Smith' });
  });

  it('refuses a note over 500 characters and a note from someone who may not answer the action', async () => {
    const code = typeableRef(target);
    expect(await say(jane, `note for ${code}: ${'x'.repeat(600)}`)).toContain('too long');
    const tomsReply = await say(tom, `note for ${code}: I was here`);
    expect(tomsReply).toMatch(/Not saved|can't find/);
    expect((await now()).progress.note?.text).toBe('draft contract sent <b>to</b> legal');
  });
});
