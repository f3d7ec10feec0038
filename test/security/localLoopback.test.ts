// Local mode is loopback in every sense: the bot's port answers only requests naming this machine
// (DNS rebinding), replies go only to a serviceUrl on this machine (the local chat's once it runs),
// and a Retry-After of a day fails the send at once instead of holding the sweep. Microsoft's Teams
// emulator (`npm run playground`) is let in by one setting naming its port, and only its serviceUrl.
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { LocalServiceUrls, playgroundServiceUrl } from '../../src/bot/localBounds.ts';
import { BotMessenger, SendError } from '../../src/bot/messenger.ts';
import { teamsLimits } from '../../src/bot/pacing.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { message, personalConversationId } from '../support/teamsActivity.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';

const sam = { aadObjectId: 'a7000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
let bot: FaultBot;
let other: TestConnector;
/** Stands in for the Teams emulator: a connector whose serviceUrl is http://localhost:<port>/_connector. */
let emulator: TestConnector;
/** A second bot started with PLAYGROUND_PORT naming the emulator's port. */
let playBot: FaultBot;

beforeAll(async () => {
  const store = await openTableStore(inject('tablesConnectionString'), 'securityLoopback');
  [other, emulator] = await Promise.all([startConnector(), startConnector({ basePath: '/_connector' })]);
  [bot, playBot] = await Promise.all([
    startFaultBot(store, '2025-07-10T09:00:00Z'),
    startFaultBot(store, '2025-07-10T09:00:00Z', { PLAYGROUND_PORT: new URL(emulator.url).port }),
  ]);
  await bot.meet(sam);
});
afterAll(async () => {
  await bot?.close();
  await playBot?.close();
  await other?.close();
  await emulator?.close();
});

/** Posts raw JSON to the bot's port with a chosen Host header (fetch would not let us set it). */
async function postWithHost(host: string, activity: Partial<Activity>): Promise<number> {
  const { request } = await import('node:http');
  const url = new URL(`${bot.runtime.server.url}/api/messages`);
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the bot’s port in local mode', () => {
  it('refuses a Host header naming another machine (a rebound DNS name), with no reply sent', async () => {
    const activity = message(bot.origin, sam, 'help');
    expect(await postWithHost('evil.example.org', activity)).toBe(403);
    expect(await postWithHost(`evil.example.org:${bot.runtime.server.port}`, activity)).toBe(403);
    expect(bot.connector.calls).toEqual([]);
    const health = await new Promise<number>((resolve) => { void import('node:http').then(({ get }) => get({ host: '127.0.0.1', port: bot.runtime.server.port, path: '/healthz', headers: { host: 'evil.example.org' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); })); });
    expect(health).toBe(403);
  });

  it('answers 127.0.0.1 and localhost', async () => {
    expect(await postWithHost(`localhost:${bot.runtime.server.port}`, message(bot.origin, sam, 'help'))).toBe(200);
    expect(await postWithHost(`127.0.0.1:${bot.runtime.server.port}`, message(bot.origin, sam, 'help'))).toBe(200);
  });

  it('refuses an activity naming a serviceUrl off this machine before any reply is sent', async () => {
    bot.connector.clear();
    const res = await bot.post(message({ serviceUrl: 'https://smba.evil.example.org/' }, sam, 'what is overdue'));
    expect(res.status).toBe(403);
    expect(bot.connector.calls).toEqual([]);
  });

  it('once the local chat runs, only its serviceUrl: another loopback connector is refused too', async () => {
    bot.runtime.server.onlyServiceUrl(bot.origin.serviceUrl);
    const res = await bot.post(message({ serviceUrl: other.url }, sam, 'help'));
    expect(res.status).toBe(403);
    expect(other.calls).toEqual([]);
    const [reply] = await bot.say(sam, 'help');
    expect(reply?.status).toBe(200);
  });

  it('a proactive send to a stored reference off this machine is refused without a connection', async () => {
    const messenger = new BotMessenger(bot.runtime.adapter, { appId: '', limits: teamsLimits(50), backoffMs: 10, attempts: 1 });
    const failure = await messenger.send({ serviceUrl: other.url, conversation: { id: personalConversationId(sam) } } as never, { type: 'AdaptiveCard' }).then(() => null, (err: unknown) => err);
    expect(failure).toBeInstanceOf(SendError);
    expect(other.calls).toEqual([]);
  });
});

describe("Microsoft's Teams emulator (PLAYGROUND_PORT)", () => {
  const emulatorUrl = (): string => playgroundServiceUrl(Number(new URL(emulator.url).port));

  it('with the setting, the emulator’s serviceUrl is answered beside the local chat’s', async () => {
    playBot.runtime.server.onlyServiceUrl(playBot.origin.serviceUrl);
    const activity = message({ serviceUrl: emulatorUrl() }, sam, 'help');
    expect((await playBot.post(activity)).status).toBe(200);
    const reply = await emulator.waitFor(() => emulator.calls.find((c) => c.replyToId === activity.id));
    expect(reply.status).toBeLessThan(300);
    // The local chat's is still answered.
    const [local] = await playBot.say(sam, 'help');
    expect(local?.status).toBe(200);
  });

  it('only that serviceUrl: another loopback port, another path and another host are refused, with no reply sent', async () => {
    playBot.runtime.server.onlyServiceUrl(playBot.origin.serviceUrl);
    emulator.clear();
    other.clear();
    const port = new URL(emulator.url).port;
    for (const serviceUrl of [playgroundServiceUrl(Number(new URL(other.url).port)), `http://localhost:${port}/elsewhere`, `http://127.0.0.1:${port}/`, `http://evil.example.org:${port}/_connector`, `http://user:pw@localhost:${port}/_connector`]) {
      expect((await playBot.post(message({ serviceUrl }, sam, 'help'))).status, serviceUrl).toBe(403);
    }
    expect(emulator.calls).toEqual([]);
    expect(other.calls).toEqual([]);
  });

  it('without the setting, the emulator’s serviceUrl is refused once the local chat runs', async () => {
    bot.runtime.server.onlyServiceUrl(bot.origin.serviceUrl);
    emulator.clear();
    expect((await bot.post(message({ serviceUrl: emulatorUrl() }, sam, 'help'))).status).toBe(403);
    expect(emulator.calls).toEqual([]);
  });

  it('the setting is refused outside local mode, and only a loopback serviceUrl can be let in', () => {
    const teams = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't', AZURE_TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true', TAB_APP_ID_URI: 'api://x/botid-app' };
    expect(loadConfig(teams).localMode).toBe(false);
    expect(() => loadConfig({ ...teams, PLAYGROUND_PORT: '56150' })).toThrow(/PLAYGROUND_PORT is for local mode only/);
    expect(() => new LocalServiceUrls(['http://smba.evil.example.org/_connector'])).toThrow(/only to this machine/);
    expect(new LocalServiceUrls([playgroundServiceUrl(56150)]).allows('https://smba.evil.example.org/_connector')).toBe(false);
  });
});

describe('Retry-After is capped', () => {
  it('Teams asking to wait a day (429, Retry-After: 86400): the send counts failed at once, throttled, and is not slept on', async () => {
    bot.connector.clear();
    bot.connector.fail({ status: 429, retryAfter: 86_400, times: 10 });
    const messenger = new BotMessenger(bot.runtime.adapter, { appId: '', limits: teamsLimits(50), backoffMs: 10 });
    const started = Date.now();
    const failure = await messenger.send({ serviceUrl: bot.origin.serviceUrl, conversation: { id: personalConversationId(sam) } } as never, { type: 'AdaptiveCard' }).then(() => null, (err: unknown) => err);
    expect(failure).toBeInstanceOf(SendError);
    expect((failure as SendError).kind).toBe('throttled');
    expect((failure as SendError).retryAfterMs).toBe(86_400_000);
    // One request: neither botbuilder nor the messenger tried again within the sweep.
    expect(bot.connector.calls.filter((c) => c.status === 429)).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    bot.connector.clear();
  });
});
