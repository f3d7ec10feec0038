// Running it as a platform does: /readyz says whether the bot is ready (storage answers), the detail
// going to the log only;
// stopping drains (no new requests, those in flight finish) before the process may exit.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { captureLogs, meetPerson, testClock } from '../support/faultWorld.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { message, postActivity } from '../support/teamsActivity.ts';

const sam = { aadObjectId: 'f1000000-0000-4000-8000-000000000001', name: 'Sam Jones' };
let proxy: StorageProxy;
let connector: TestConnector;

beforeAll(async () => {
  proxy = await startStorageProxy(portOf(inject('tablesConnectionString')));
  connector = await startConnector();
});
afterAll(async () => {
  await connector?.close();
  await proxy?.close();
});

async function start(prefix: string, logger = captureLogs().logger): Promise<Runtime> {
  const store = await openTableStore(proxy.connectionString, prefix);
  await meetPerson(store, connector, sam, ['SMLO']);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', REMINDER_CRON: '0 3 1 1 *' });
  return startRuntime(config, { store, clock: testClock('2011-09-13T08:00:00Z'), logger });
}

describe('/readyz', () => {
  it('is ready when storage answers, and not ready while storage is down (the reason in the log, not the answer)', async () => {
    const logs = captureLogs();
    const runtime = await start('lifeReady', logs.logger);
    try {
      const ready = await fetch(`${runtime.server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      await proxy.down();
      const down = await fetch(`${runtime.server.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'not ready' });
      expect(logs.find('not ready')[0]).toMatchObject({ readiness: { ready: false, storage: expect.stringMatching(/^unreachable/) } });
      // Alive all the same: the platform should stop routing to it, not restart it.
      expect((await fetch(`${runtime.server.url}/healthz`)).status).toBe(200);
    } finally {
      await proxy.up();
      await runtime.stop();
    }
  });
});

describe('stopping', () => {
  it('drains: a message in flight is answered, later requests are refused, then the server closes', async () => {
    const runtime = await start('lifeDrain');
    const url = runtime.server.url;
    // Sam's message is held at storage (its read of Sam's own row), so it is in flight when the stop begins.
    // Not any read of People: the start-up's own directory read lists them, and holding that one let the
    // stop begin before Sam's message had arrived (a full CI run saw it reset).
    const held = proxy.hold((req) => req.method === 'GET' && req.path.includes('People(') && req.path.includes(sam.aadObjectId));
    const inFlight = postActivity(url, message({ serviceUrl: connector.url }, sam, 'help'));
    await held.arrived;
    // stop() marks the server draining before it first waits, so the next request already meets it.
    const stopping = runtime.stop(5000);
    const late = await fetch(`${url}/healthz`).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    held.release();
    expect((await inFlight).status).toBe(200);
    await stopping;
    expect(await fetch(`${url}/healthz`).then((r) => r.status, () => 'refused')).toBe('refused');
  });
});
