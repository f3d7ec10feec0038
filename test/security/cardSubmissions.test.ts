// Card button presses are untrusted: forged, stale or malformed ones each get a clear answer, change
// nothing, and are logged. The requests go over real HTTP to the real bot, as Teams would send them.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openTableStore } from '../../src/store/tableStore.ts';
import { textOf } from '../support/botHarness.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { planOf, savePlan } from '../support/faultWorld.ts';
import { cardAction } from '../support/teamsActivity.ts';

const sam = { aadObjectId: 'b1000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const kim = { aadObjectId: 'b1000000-0000-4000-8000-000000000003', name: 'Kim Wu' };
const mine = { planId: 'guard', actionId: 'guard-1.1', occurrence: '2011-09-13', dueDate: '2011-09-13' };
const theirs = { planId: 'other', actionId: 'other-2.1', occurrence: '2011-09-30', dueDate: '2011-09-30' };

let bot: FaultBot;

beforeAll(async () => {
  const store = await openTableStore(inject('tablesConnectionString'), 'securityCards');
  await savePlan(store, planOf('guard', [{ ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-13' }]), '2011-09-01T08:00:00Z');
  await savePlan(store, planOf('other', [{ ref: '2.1', text: 'Open the housing advice clinic', owners: ['Housing Officer'], due: '2011-09-30' }]), '2011-09-01T08:00:00Z');
  bot = await startFaultBot(store, '2011-09-13T10:00:00Z');
  await bot.meet(sam, 'SMLO');
  await bot.meet(kim, 'Housing Officer');
});
afterAll(async () => bot?.close());

/** Neither action moved and neither has any history. */
async function nothingChanged(): Promise<void> {
  for (const [planId, actionId, due] of [['guard', 'guard-1.1', '2011-09-13'], ['other', 'other-2.1', '2011-09-30']] as const) {
    expect((await bot.store.actions.get(planId, actionId))?.progress).toMatchObject({ status: 'open', dueDate: due, reason: null, updatedBy: null });
    expect(await bot.store.actions.history(planId, actionId)).toEqual([]);
  }
}

const refusals = () => bot.logs.entries().filter((e) => /refused/.test(e.msg));

describe('forged or stale card presses get a clear answer and change nothing', () => {
  const cases: { story: string; verb: string; data: Record<string, unknown>; answer: RegExp; by?: typeof sam }[] = [
    { story: 'an action id that does not exist', verb: 'done', data: { ...mine, actionId: 'guard-9.9' }, answer: /not in any stored plan/ },
    { story: "another plan's action under this plan's id", verb: 'done', data: { ...mine, actionId: theirs.actionId }, answer: /not in any stored plan/ },
    { story: "another plan's action that Sam does not own", verb: 'done', data: theirs, answer: /only the owners of this action \(Housing Officer\)/ },
    { story: 'a person who is not an owner', verb: 'blocked', data: { ...mine, blockedReason: 'no' }, answer: /only the owners of this action \(SMLO\)/, by: kim },
    { story: 'a new date in the wrong format', verb: 'delayed', data: { ...mine, newDate: '30/09/2011', reason: 'provider late' }, answer: /newDate: pick the new date from the calendar/ },
    { story: 'a new date in the past', verb: 'delayed', data: { ...mine, newDate: '2011-09-01', reason: 'provider late' }, answer: /the new date must be after today \(Tue 13 Sep 2011\)/ },
    { story: 'a reason of 100,000 characters', verb: 'blocked', data: { ...mine, blockedReason: 'x'.repeat(100_000) }, answer: /the reason must be at most 500 characters/ },
    { story: 'a blocked answer with no reason', verb: 'blocked', data: mine, answer: /reason: a reason is needed/ },
    { story: 'missing fields', verb: 'done', data: { planId: 'guard' }, answer: /actionId: .*occurrence: .*dueDate: / },
    { story: 'extra fields (trying to set the status)', verb: 'done', data: { ...mine, status: 'done', isAdmin: true }, answer: /Unrecognized keys?: "status", "isAdmin"/ },
    { story: 'an unknown verb', verb: 'delete', data: mine, answer: /That button is not one I know\. Nothing was changed\./ },
    { story: 'an id with path characters', verb: 'done', data: { ...mine, actionId: '../../People' }, answer: /actionId: unexpected characters/ },
    { story: 'a stale card about an occurrence already closed', verb: 'done', data: { ...mine, occurrence: '2011-06-30' }, answer: /occurrence due Thu 30 Jun 2011, which is already closed/ },
  ];

  it.each(cases)('$story', async ({ verb, data, answer, by }) => {
    const before = refusals().length;
    // Each press carries the version its card showed (one without is stale: see the stranger tests).
    const stored = await bot.store.actions.get(mine.planId, mine.actionId);
    const reply = await bot.press(by ?? sam, verb, stored && !('version' in data) ? { ...data, version: stored.etag } : data);
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/vnd.microsoft.activity.message');
    expect(reply.text).toMatch(answer);
    expect(reply.text).toMatch(/Nothing was changed|Not saved/);
    expect(refusals().length).toBeGreaterThan(before);
    await nothingChanged();
  });

  it('the same forgery as an Action.Submit message is answered in the chat', async () => {
    const replies = await bot.submit(sam, { ...theirs, verb: 'done' });
    expect(replies.map(textOf).join(' ')).toMatch(/only the owners of this action/);
    await nothingChanged();
  });

  it('a reason of a megabyte is refused at the door (413), logged, and nothing changes', async () => {
    const activity = cardAction(bot.origin, sam, 'blocked', { ...mine, blockedReason: 'x'.repeat(1024 * 1024) });
    const before = bot.logs.find('request refused').length;
    const res = await bot.post(activity);
    expect(res.status).toBe(413);
    expect(bot.logs.find('request refused').length).toBe(before + 1);
    expect(bot.logs.find('request refused').at(-1)).toMatchObject({ status: 413 });
    await nothingChanged();
  });

});
