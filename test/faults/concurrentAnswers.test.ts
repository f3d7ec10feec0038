// Two owners answer the same action at the same moment. Both answers are kept in the history, the
// action ends in one consistent state, and whoever landed second is told what the first one did.
// The storage proxy holds both writes until both have arrived, so they really race.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openTableStore } from '../../src/store/tableStore.ts';
import { textOf } from '../support/botHarness.ts';
import { startFaultBot, type FaultBot, type InvokeReply } from '../support/faultBot.ts';
import { planOf, savePlan } from '../support/faultWorld.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { personalConversationId, type TeamsPerson } from '../support/teamsActivity.ts';

const sam = { aadObjectId: 'a3000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const ali = { aadObjectId: 'a3000000-0000-4000-8000-000000000003', name: 'Ali Khan' };
const shared = ['SMLO', 'DAT Co-ordinator'];
const plan = planOf('race', [
  { ref: '5.1', text: 'Map the recovery community', owners: shared, due: '2011-09-13' },
  { ref: '5.2', text: 'Publish the alcohol strategy', owners: shared, due: '2011-09-13' },
]);
const buttonOf = (ref: string) => ({ planId: 'race', actionId: `race-${ref}`, occurrence: '2011-09-13', dueDate: '2011-09-13' });
const actionWrite = (req: { method: string; path: string }) => req.method === 'PUT' && req.path.includes('Actions(');

let proxy: StorageProxy;
let bot: FaultBot;

beforeAll(async () => {
  proxy = await startStorageProxy(portOf(inject('tablesConnectionString')));
  const store = await openTableStore(proxy.connectionString, 'faultRace');
  await savePlan(store, plan, '2011-09-01T08:00:00Z');
  bot = await startFaultBot(store, '2011-09-13T10:00:00Z');
  await bot.meet(sam, 'SMLO');
  await bot.meet(ali, 'DAT Co-ordinator');
});
afterAll(async () => {
  await bot?.close();
  await proxy?.close();
});

/** Everything the person saw because of their press: the invoke answer and any chat message. */
function seenBy(person: TeamsPerson, reply: InvokeReply, chatBefore: number): string {
  const chat = bot.connector.sentTo(personalConversationId(person)).slice(chatBefore).map(textOf);
  return [reply.text, ...chat].join('\n');
}

type Press = [string, Record<string, unknown>];

/** Both press at once (Ali's request leaves first when `aliFirst`); returns the history, the action and what each saw. */
async function race(ref: string, samPress: Press, aliPress: Press, aliFirst = false) {
  proxy.gate(actionWrite, 2);
  const before = { sam: bot.connector.sentTo(personalConversationId(sam)).length, ali: bot.connector.sentTo(personalConversationId(ali)).length };
  const pressSam = () => bot.press(sam, samPress[0], { ...buttonOf(ref), ...samPress[1] });
  const pressAli = () => bot.press(ali, aliPress[0], { ...buttonOf(ref), ...aliPress[1] });
  const [samReply, aliReply] = aliFirst
    ? await Promise.all([pressAli(), pressSam()]).then(([a, s]) => [s, a] as const)
    : await Promise.all([pressSam(), pressAli()]);
  const history = await bot.store.actions.history('race', `race-${ref}`);
  const stored = await bot.store.actions.get('race', `race-${ref}`);
  const saw = { [sam.name]: seenBy(sam, samReply, before.sam), [ali.name]: seenBy(ali, aliReply, before.ali) };
  return { history, stored, saw };
}

describe('two owners answer the same action at the same moment', () => {
  it('both press Done: one is saved, the other is told who did it first, and both are in the history', async () => {
    const { history, stored, saw } = await race('5.1', ['done', {}], ['done', {}]);
    expect(stored?.progress.status).toBe('done');
    expect(history.map((h) => h.by.name).sort()).toEqual(['Ali Khan', 'Sam Jones']);
    const [first, second] = history.map((h) => h.by.name);
    expect(history[0]?.to).toBe('done');
    expect(history[1]?.summary).toMatch(/not applied/);
    expect(saw[second ?? '']).toContain(`${first} answered a moment before you (done)`);
    expect(stored?.progress.updatedBy).toBe(first);
  });

  it('one presses Done while the other reports it Blocked: both kept, the state is the later one, the later one is told', async () => {
    const { history, stored, saw } = await race('5.2', ['done', {}], ['blocked', { blockedReason: 'no venue for the launch' }], true);
    expect(history.map((h) => h.by.name).sort()).toEqual(['Ali Khan', 'Sam Jones']);
    const [first, second] = history;
    // Done then Blocked: the block comes too late (already done). Blocked then Done: done on top of the block.
    expect(stored?.progress.status).toBe('done');
    expect(saw[second?.by.name ?? '']).toContain(`${first?.by.name} answered a moment before you (${first?.to})`);
  });
});
