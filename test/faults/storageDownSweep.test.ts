// The storage account stops answering just as the morning sweep starts: the sweep fails, says so,
// and the schedule tries again; once storage is back the reminder goes, once.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Store } from '../../src/domain/ports.ts';
import { startReminderSchedule, type ReminderSchedule } from '../../src/scheduler/reminderSchedule.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { captureLogs, cardsTo, meetPerson, planOf, savePlan, sweepInstance, testClock } from '../support/faultWorld.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';

const sam = { aadObjectId: 'a1000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const at = '2011-09-13T08:00:00Z';

let connector: TestConnector;
let proxy: StorageProxy;
let store: Store;
let schedule: ReminderSchedule | undefined;

beforeAll(async () => {
  connector = await startConnector();
  proxy = await startStorageProxy(portOf(inject('tablesConnectionString')));
  store = await openTableStore(proxy.connectionString, 'faultStoreSweep');
  await savePlan(store, planOf('down', [{ ref: '1', text: 'Commission a dual diagnosis service', owners: ['SMLO'], due: '2011-09-13' }]), '2011-09-01T08:00:00Z');
  await meetPerson(store, connector, sam, ['SMLO']);
});
afterAll(async () => {
  schedule?.stop();
  await proxy?.close();
  await connector?.close();
});

describe('storage is unreachable when the sweep runs', () => {
  it('the sweep fails and is logged, the schedule retries, and the reminder goes once storage is back', async () => {
    const logs = captureLogs();
    const { services, messenger } = sweepInstance(store, testClock(at), logs.logger);
    // A cron time that never comes during the test; a failed sweep is retried after 300 ms.
    schedule = startReminderSchedule(services, messenger, '0 3 1 1 *', 300);
    await proxy.down();
    expect(await schedule.runNow('scheduled')).toBeNull();
    expect(logs.find('reminder sweep failed')[0]).toMatchObject({ reason: 'scheduled' });
    expect(cardsTo(connector, sam)).toHaveLength(0);

    await proxy.up();
    const done = await connector.waitFor(() => logs.find('reminder sweep done')[0], 10_000);
    expect(done).toMatchObject({ reason: 'retry', sent: 1 });
    expect(cardsTo(connector, sam)).toHaveLength(1);
    // The day's digest and its one reminder.
    expect(await store.reminders.stats()).toEqual({ sent: 2, failed: 0, claimed: 0 });
  });
});
