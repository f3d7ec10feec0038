// The bot was down on Monday 12 September 2011, the reminder day. When it starts on Tuesday its
// catch-up sweep sends what is still within CATCH_UP_DAYS, says so in its log, and skips older steps.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { runSweep } from '../../src/scheduler/sweep.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import type { Store } from '../../src/domain/ports.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { captureLogs, deliveries, meetPerson, planOf, savePlan, sweepInstance, testClock, type LogCapture } from '../support/faultWorld.ts';

const sam = { aadObjectId: 'f0000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const missed = 'Publish the treatment waiting times';        // due Mon 12 Sep: its "due today" was missed
const tooOld = 'Agree the hostel referral pathway';          // due Thu 22 Sep: "14 days before" fell on Thu 8 Sep
const today = 'Renew the pharmacy supervised consumption scheme'; // due Tue 20 Sep: "7 days before" is today
const plan = planOf('missed', [
  { ref: '1', text: missed, owners: ['SMLO'], due: '2011-09-12' },
  { ref: '2', text: tooOld, owners: ['SMLO'], due: '2011-09-22' },
  { ref: '3', text: today, owners: ['SMLO'], due: '2011-09-20' },
]);
const startUp = '2011-09-13T09:30:00Z';

let connector: TestConnector;
let store: Store;
let runtime: Runtime;
let logs: LogCapture;

beforeAll(async () => {
  connector = await startConnector();
  store = await openTableStore(inject('tablesConnectionString'), 'faultMissed');
  await savePlan(store, plan, '2011-09-01T08:00:00Z');
  await meetPerson(store, connector, sam, ['SMLO']);
  logs = captureLogs();
  // The real runtime with its cron schedule (for a time that never comes during the test).
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', REMINDER_CRON: '0 3 1 1 *', CATCH_UP_DAYS: '3' });
  runtime = await startRuntime(config, { store, clock: testClock(startUp), logger: logs.logger });
});
afterAll(async () => {
  await runtime?.stop();
  await connector?.close();
});

describe('the bot starts the day after a reminder day it missed', () => {
  it('sends the missed reminder late, today\'s on time, and nothing older than the catch-up window', async () => {
    const report = await runtime.schedule?.runNow('start-up catch-up');
    // One digest with both: the missed one, late, and today's.
    expect(report).toMatchObject({ sent: 1, items: 2, caughtUp: 1, failed: 0 });
    const counts = deliveries(connector, [sam], [missed, tooOld, today]);
    expect(Object.fromEntries(counts)).toEqual({ [`Sam Jones: ${missed}`]: 1, [`Sam Jones: ${today}`]: 1 });
  });

  it('says so in its log', () => {
    const [line] = logs.find('missed while the bot was down');
    expect(line).toMatchObject({ reason: 'start-up catch-up', caughtUp: 1, catchUpDays: 3, sent: 1, items: 2 });
  });

  it('a second start the same day sends nothing again', async () => {
    const report = await runtime.schedule?.runNow('start-up catch-up');
    expect(report).toMatchObject({ sent: 0, caughtUp: 0, skipped: 1 });
    expect(connector.calls.filter((c) => c.kind === 'send')).toHaveLength(1);
  });
});

describe('the catch-up window is a setting', () => {
  const planned = async (catchUpDays: string) => {
    const { services, messenger } = sweepInstance(store, testClock(startUp), captureLogs().logger, { CATCH_UP_DAYS: catchUpDays });
    const report = await runSweep(services, messenger, new Date(startUp), { dryRun: true });
    return report.planned.map((p) => p.actionId).sort();
  };

  it('with CATCH_UP_DAYS=0 only today\'s step goes; with 5 the step of 8 September goes too', async () => {
    expect(await planned('0')).toEqual(['missed-3']);
    expect(await planned('5')).toEqual(['missed-1', 'missed-2', 'missed-3']);
  });
});
