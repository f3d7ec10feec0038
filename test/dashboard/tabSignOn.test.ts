// The dashboard as a Teams tab outside local mode: every data request needs the token Teams gives the
// tab (Entra, signed by the published keys, this app's audience, not expired, an allowed tenant). The
// test publishes its own keys (TAB_SIGNING_KEYS_URL). What a person sees follows the roles they hold.
import { SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { startKeyServer, type KeyServer } from '../support/keyServer.ts';
import { testTenantId } from '../support/teamsActivity.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const appId = '00000000-0000-4000-8000-0000000007ab';
// A tab with a bot exposes its API as api://<host>/botid-<bot id> (Teams' rule for apps with both).
const audience = `api://actionbot.example.org/botid-${appId}`;
const foreignTenant = '99999999-0000-4000-8000-000000000999';
const jane = { aadObjectId: 'c3000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const sam = { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const tom = { aadObjectId: 'c3000000-0000-4000-8000-000000000003', name: 'Tom Hughes' };
const nobody = { aadObjectId: 'c3000000-0000-4000-8000-000000000004', name: 'Nora None' };

let keys: KeyServer;
let signing: CryptoKey;
let stranger: CryptoKey;
let bot: FaultBot;

beforeAll(async () => {
  keys = await startKeyServer({ kid: 'entra-key', use: 'sig', alg: 'RS256' });
  ({ signing, stranger } = keys);
  const store = await openTableStore(inject('tablesConnectionString'), 'tabSignOn');
  bot = await startFaultBot(store, '2011-09-13T10:00:00Z', {
    MicrosoftAppId: appId, AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
    MicrosoftAppPassword: 'not-used-offline',
    TAB_SIGNING_KEYS_URL: keys.keysUrl, TAB_APP_ID_URI: audience,
    ALLOWED_TENANTS: testTenantId,
  });
  const services = bot.runtime.services;
  await storePlan(services, handMadePlan('treatment-2011', 'Testshire Treatment', planYear2011, [
    { ref: '1.1', text: 'Agree the needs assessment', owners: ['SMLO'], due: '2011-09-01' },
    { ref: '1.2', text: 'Publish the treatment plan', owners: ['Commissioner'], due: '2011-12-01' },
  ]), testTenantId);
  await storePlan(services, handMadePlan('dip-2011', 'Testshire DIP', planYear2011, [
    { ref: '1.1', text: 'Refer DIP clients to housing', owners: ['DIP Manager'], due: '2011-10-01' },
  ]), testTenantId);
  await bot.meet(jane, 'Commissioner');
  await bot.meet(sam, 'SMLO');
  await bot.meet(tom, 'DIP Manager');
  await bot.meet(nobody);
});
afterAll(async () => {
  await bot?.close();
  await keys?.close();
});

interface Claims { person?: { aadObjectId: string; name: string }; aud?: string; iss?: string; tid?: string; expiresIn?: string; issuedAgo?: number; key?: CryptoKey; kid?: string; scp?: string }

/** A token as Entra signs it for the tab (getAuthToken), with any claim changed. */
async function token(claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const tid = claims.tid ?? testTenantId;
  const person = claims.person ?? jane;
  // azp: Teams desktop and mobile (the client app Teams signs the tab in with).
  return new SignJWT({ tid, oid: person.aadObjectId, name: person.name, scp: claims.scp ?? 'access_as_user', ver: '2.0', azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264' })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'entra-key', typ: 'JWT' })
    .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(claims.aud ?? audience)
    .setIssuedAt(now - (claims.issuedAgo ?? 0))
    .setNotBefore(now - (claims.issuedAgo ?? 0))
    .setExpirationTime(claims.expiresIn ?? '1h')
    .sign(claims.key ?? signing);
}

async function get(path: string, authorization: string | null): Promise<{ status: number; text: string }> {
  const res = await fetch(`${bot.runtime.server.url}${path}`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, text: await res.text() };
}

const unsigned = (): string => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: `https://login.microsoftonline.com/${testTenantId}/v2.0`, aud: audience, tid: testTenantId, oid: jane.aadObjectId, scp: 'access_as_user', iat: now, exp: now + 600 })}.`;
};

const plansIn = (text: string): string[] => (JSON.parse(text) as { plans: { id: string }[] }).plans.map((p) => p.id).sort();

describe('the tab’s sign-on, over real HTTP to the bot’s own port', () => {
  it('a valid token gets the dashboard data; the page itself needs none', async () => {
    const res = await get('/dashboard/data.json', `Bearer ${await token()}`);
    expect(res.status).toBe(200);
    expect(plansIn(res.text)).toEqual(['dip-2011', 'treatment-2011']);
    expect((await get('/dashboard', null)).status).toBe(200);
    expect((await get('/dashboard/vendor/teams.js', null)).status).toBe(200);
    expect((await get('/dashboard/vendor/chart.js', null)).text).toContain('Chart');
  });

  const refusals: { story: string; authorization: () => Promise<string | null>; log: string }[] = [
    { story: 'no token', authorization: async () => null, log: 'no bearer token' },
    { story: 'not a token', authorization: async () => 'Bearer not.a.token', log: 'ERR_JWS_INVALID' },
    { story: 'an expired token', authorization: async () => `Bearer ${await token({ issuedAgo: 7200, expiresIn: '-1h' })}`, log: 'expired' },
    { story: 'a token for another app', authorization: async () => `Bearer ${await token({ aud: 'api://actionbot.example.org/11111111-0000-4000-8000-000000000000' })}`, log: 'wrong audience' },
    { story: 'a token from another issuer', authorization: async () => `Bearer ${await token({ iss: 'https://login.example.org/v2.0' })}`, log: 'wrong issuer' },
    { story: 'a token from a tenant not allowed', authorization: async () => `Bearer ${await token({ tid: foreignTenant })}`, log: 'tenant not allowed' },
    { story: 'an unsigned token (alg none)', authorization: async () => `Bearer ${unsigned()}`, log: 'ERR_JOSE_ALG_NOT_ALLOWED' },
    { story: 'a token signed by an unknown key', authorization: async () => `Bearer ${await token({ key: stranger, kid: 'someone-else' })}`, log: 'unknown signing key' },
    { story: 'a token signed by another key under the published key id', authorization: async () => `Bearer ${await token({ key: stranger })}`, log: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    { story: 'a token without the access_as_user scope', authorization: async () => `Bearer ${await token({ scp: 'User.Read' })}`, log: 'no access_as_user scope' },
  ];
  for (const { story, authorization, log } of refusals) {
    it(`${story}: 401, nothing shown, the reason logged without the token`, async () => {
      const header = await authorization();
      for (const path of ['/dashboard/data.json', '/dashboard/history.json?plan=treatment-2011&action=treatment-2011-1.1', '/dashboard/actions.csv', '/dashboard/report?plan=treatment-2011&format=pdf']) {
        const res = await get(path, header);
        expect(res.status).toBe(401);
        expect(res.text).not.toContain('Testshire');
      }
      const refused = bot.logs.find('dashboard request refused').map((e) => JSON.stringify(e));
      expect(refused.some((line) => line.includes(log))).toBe(true);
      if (header) expect(refused.join('\n')).not.toContain(header.slice(7, 60));
    });
  }
});

describe('what the page shows follows the person’s roles', () => {
  it('the commissioner sees every plan and may chase; an owner sees only the plans they hold a role in', async () => {
    const asJane = JSON.parse((await get('/dashboard/data.json', `Bearer ${await token({ person: jane })}`)).text) as { viewer: string; plans: { id: string; canEscalate: boolean }[] };
    expect(asJane.viewer).toBe('Jane Smith');
    expect(asJane.plans.every((p) => p.canEscalate)).toBe(true);
    expect(plansIn((await get('/dashboard/data.json', `Bearer ${await token({ person: sam })}`)).text)).toEqual(['treatment-2011']);
    expect(plansIn((await get('/dashboard/data.json', `Bearer ${await token({ person: tom })}`)).text)).toEqual(['dip-2011']);
    expect(plansIn((await get('/dashboard/data.json', `Bearer ${await token({ person: nobody })}`)).text)).toEqual([]);
  });

  it('an owner cannot read the history, CSV rows or report of a plan they have no role in', async () => {
    const asSam = `Bearer ${await token({ person: sam })}`;
    expect((await get('/dashboard/history.json?plan=dip-2011&action=dip-2011-1.1', asSam)).status).toBe(404);
    expect((await get('/dashboard/report?plan=dip-2011&format=docx', asSam)).status).toBe(404);
    const csv = await get('/dashboard/actions.csv', asSam);
    expect(csv.text).toContain('Agree the needs assessment');
    expect(csv.text).not.toContain('Refer DIP clients');
    const report = await fetch(`${bot.runtime.server.url}/dashboard/report?plan=treatment-2011&format=pdf&quarter=2011-Q1`, { headers: { authorization: asSam } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toBe(`attachment; filename="Testshire Treatment Q1 2011-12.pdf"; filename*=UTF-8''${encodeURIComponent('Testshire Treatment Q1 2011-12.pdf')}`);
    expect(Buffer.from(await report.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an owner may not chase from the page; the commissioner gets past the check (the send needs Microsoft, so it is tested in local mode)', async () => {
    const press = async (person: typeof sam) => fetch(`${bot.runtime.server.url}/dashboard/escalate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token({ person })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'accept-delay', planId: 'treatment-2011', actionId: 'treatment-2011-1.1' }),
    });
    const refused = await press(sam);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('only the plan’s commissioner or an admin');
    const allowed = await press(jane);
    expect(allowed.status).toBe(409);
    expect(await allowed.text()).toContain('only a delayed action has a delay to accept');
  });
});
