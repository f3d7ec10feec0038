// Storage fails while an owner answers: they are told their answer could not be saved (never a false
// "done"), and nothing changes.
import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { openTableStore } from '../../src/store/tableStore.ts';
import { textOf } from '../support/botHarness.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { planOf, savePlan } from '../support/faultWorld.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';

const sam = { aadObjectId: 'a2000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const plan = planOf('answerdown', [{ ref: '4.1', text: 'Train GPs in brief interventions', owners: ['SMLO'], due: '2011-09-13' }]);
const button = { planId: 'answerdown', actionId: 'answerdown-4.1', occurrence: '2011-09-13', dueDate: '2011-09-13' };

let proxy: StorageProxy;
let bot: FaultBot;

beforeAll(async () => {
  proxy = await startStorageProxy(portOf(inject('tablesConnectionString')));
  const store = await openTableStore(proxy.connectionString, 'faultStoreAnswer');
  await savePlan(store, plan, '2011-09-01T08:00:00Z');
  bot = await startFaultBot(store, '2011-09-13T10:00:00Z');
  await bot.meet(sam, 'SMLO');
});
afterAll(async () => {
  await bot?.close();
  await proxy?.close();
});
beforeEach(async () => {
  proxy.heal();
  await proxy.up();
});

const unchanged = async () => {
  const stored = await bot.store.actions.get(button.planId, button.actionId);
  expect(stored?.progress).toMatchObject({ status: 'open', dueDate: '2011-09-13', updatedBy: null });
  expect(await bot.store.actions.history(button.planId, button.actionId)).toEqual([]);
};

describe('storage fails while Sam answers', () => {
  it('the write of his "Done" never lands: he is told it was not saved, and the action is still open', async () => {
    // Reads work; every write to the action's row (a transaction with its partition's tally) is dropped on the floor.
    proxy.cut((req) => req.method === 'POST' && req.path.endsWith('/$batch'));
    // The card carries the version of the action it showed.
    const version = (await bot.store.actions.get(button.planId, button.actionId))?.etag;
    const reply = await bot.press(sam, 'done', { ...button, version });
    expect(reply.type).toBe('application/vnd.microsoft.activity.message');
    expect(reply.text).toMatch(/could not save your answer/);
    expect(reply.text).toMatch(/Nothing was changed/);
    expect(reply.text).not.toMatch(/Saved/);
    expect(bot.logs.find('answer not saved')).toHaveLength(1);
    proxy.heal();
    await unchanged();
  });

  it('storage is down altogether when he types "done": he is told, and nothing changed', async () => {
    await proxy.down();
    const [reply] = await bot.say(sam, 'done 4.1');
    expect(textOf(reply)).toMatch(/cannot reach the plan store/);
    expect(textOf(reply)).toMatch(/Nothing was changed/);
    await proxy.up();
    await unchanged();
  });
});
