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
  // Both press on the same card: it carries the version of the action it showed.
  const version = (await bot.store.actions.get('race', `race-${ref}`))?.etag;
  const pressSam = () => bot.press(sam, samPress[0], { ...buttonOf(ref), version, ...samPress[1] });
  const pressAli = () => bot.press(ali, aliPress[0], { ...buttonOf(ref), version, ...aliPress[1] });
  const [samReply, aliReply] = aliFirst
    ? await Promise.all([pressAli(), pressSam()]).then(([a, s]) => [s, a] as const)
    : await Promise.all([pressSam(), pressAli()]);
  const history = await bot.store.actions.history('race', `race-${ref}`);
  const stored = await bot.store.actions.get('race', `race-${ref}`);
  const saw = { [sam.name]: seenBy(sam, samReply, before.sam), [ali.name]: seenBy(ali, aliReply, before.ali) };
  return { history, stored, saw };
}

describe('two owners answer the same action at the same moment', () => {
  // Both pressed the same card: the first answer is saved; the second was made on what the card showed,
  // which is no longer so, and is never applied on top: that owner sees who changed it and is asked again.
  it('both press Done: one is saved, the other is told who did it first and nothing is overwritten', async () => {
    const { history, stored, saw } = await race('5.1', ['done', {}], ['done', {}]);
    expect(stored?.progress.status).toBe('done');
    expect(history).toHaveLength(1);
    const first = history[0]?.by.name ?? '';
    const second = first === sam.name ? ali.name : sam.name;
    expect(saw[second]).toContain(`changed since this card was sent: ${first} made it done`);
    expect(saw[second]).toContain('Nothing was changed');
  });

  it('one presses Done while the other reports it Blocked: the first stands, the later one is told', async () => {
    const { history, stored, saw } = await race('5.2', ['done', {}], ['blocked', { blockedReason: 'no venue for the launch' }], true);
    expect(history).toHaveLength(1);
    const first = history[0];
    expect(stored?.progress.status).toBe(first?.to);
    const second = first?.by.name === sam.name ? ali.name : sam.name;
    expect(saw[second]).toContain(`changed since this card was sent: ${first?.by.name} made it ${first?.to}`);
  });
});
