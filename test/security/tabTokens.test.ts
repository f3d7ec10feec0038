// The tab's token, strictly: exactly this app's audience (TAB_APP_ID_URI or the bare app id), issued
// to a Teams client (azp in v2 tokens, appid in v1), and checked before the dashboard reads anything
// from storage (a storage proxy counts the requests). /readyz says only ready or not ready.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { TEAMS_CLIENT_IDS } from '../../src/dashboard/tabToken.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { startKeyServer, type KeyServer } from '../support/keyServer.ts';
import { portOf, startStorageProxy, type StorageProxy } from '../support/storageProxy.ts';
import { testTenantId } from '../support/teamsActivity.ts';
import { testshirePlan } from '../localChat/fixture.ts';

const appId = '00000000-0000-4000-8000-0000000077ab';
const appIdUri = `api://actionbot.example.org/botid-${appId}`;
const jane = { aadObjectId: 'f6000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const teamsWeb = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const teamsDesktop = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

let keys: KeyServer;
let proxy: StorageProxy;
let bot: FaultBot;

beforeAll(async () => {
  keys = await startKeyServer({ kid: 'entra-key', use: 'sig', alg: 'RS256' });
  proxy = await startStorageProxy(portOf(inject('tablesConnectionString')));
  const store = await openTableStore(proxy.connectionString, 'securityTabTokens');
  bot = await startFaultBot(store, '2025-07-10T09:00:00Z', {
    MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-offline', AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
    ALLOWED_TENANTS: testTenantId, TAB_SIGNING_KEYS_URL: keys.keysUrl, TAB_APP_ID_URI: appIdUri,
  });
  await storePlan(bot.runtime.services, testshirePlan(), testTenantId);
  await bot.meet(jane, 'Commissioner');
});
afterAll(async () => {
  await bot?.close();
  await proxy?.close();
  await keys?.close();
});

interface Claims { aud?: string; azp?: string | null; appid?: string; ver?: string }

async function token(claims: Claims = {}): Promise<string> {
  const v1 = claims.ver === '1.0';
  const payload: Record<string, unknown> = { tid: testTenantId, oid: jane.aadObjectId, name: jane.name, scp: 'access_as_user', ver: claims.ver ?? '2.0' };
  if (claims.azp !== null) payload.azp = claims.azp ?? teamsWeb;
  if (claims.appid) payload.appid = claims.appid;
  if (v1) delete payload.azp;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: 'entra-key', typ: 'JWT' })
    .setIssuer(v1 ? `https://sts.windows.net/${testTenantId}/` : `https://login.microsoftonline.com/${testTenantId}/v2.0`)
    .setAudience(claims.aud ?? appIdUri)
    .setIssuedAt().setExpirationTime('1h')
    .sign(keys.signing);
}

async function dashboard(authorization: string | null): Promise<{ status: number; text: string }> {
  const res = await fetch(`${bot.runtime.server.url}/dashboard/data.json`, { headers: authorization ? { authorization: `Bearer ${authorization}` } : {} });
  return { status: res.status, text: await res.text() };
}

describe('tab tokens: exact audience, a Teams client', () => {
  it.each([
    ['TAB_APP_ID_URI from Teams on the web', {}],
    ['the bare app id from Teams desktop', { aud: appId, azp: teamsDesktop }],
    ['a v1 token naming Teams in appid', { ver: '1.0', appid: teamsDesktop }],
  ])('%s is accepted', async (_story, claims: Claims) => {
    const res = await dashboard(await token(claims));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Testshire');
  });

  it.each([
    ['another app’s URI with this bot’s id', { aud: `api://other/botid-${appId}` }, 'wrong audience'],
    ['this host without botid-', { aud: `api://actionbot.example.org/${appId}` }, 'wrong audience'],
    ['a client app that is not Teams', { azp: '00000000-0000-4000-8000-0000000000ff' }, 'not issued to a Teams client'],
    ['no client app at all', { azp: null }, 'not issued to a Teams client'],
  ])('%s is refused (401) and the reason logged', async (_story, claims: Claims, reason) => {
    const res = await dashboard(await token(claims));
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('Testshire');
    expect(bot.logs.find('dashboard request refused').some((e) => JSON.stringify(e).includes(reason))).toBe(true);
  });

  it('the list of Teams clients is Teams’ own two (desktop and mobile, web)', () => {
    expect([...TEAMS_CLIENT_IDS].sort()).toEqual([teamsDesktop, teamsWeb].sort());
  });
});

describe('the dashboard signs on before it reads storage', () => {
  it('a refused token costs no storage request; a valid one reads the plans', async () => {
    const before = proxy.requests.length;
    for (const bad of [null, 'not.a.token', await token({ aud: `api://other/botid-${appId}` })]) expect((await dashboard(bad)).status).toBe(401);
    expect(proxy.requests.length).toBe(before);
    expect((await dashboard(await token())).status).toBe(200);
    expect(proxy.requests.length).toBeGreaterThan(before);
  });
});

describe('/readyz', () => {
  it('says ready, and when storage is down only "not ready": the error goes to the log', async () => {
    const ready = await fetch(`${bot.runtime.server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    await proxy.down();
    try {
      const down = await fetch(`${bot.runtime.server.url}/readyz`);
      const text = await down.text();
      expect(down.status).toBe(503);
      expect(JSON.parse(text)).toEqual({ status: 'not ready' });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|unreachable|storage/);
      expect(bot.logs.find('not ready').length).toBeGreaterThan(0);
    } finally {
      await proxy.up();
    }
  });
});
