// With MicrosoftAppId set, only requests carrying a Bot Framework token signed by the published keys,
// for this bot, from the right issuer, for the right service URL and not expired, reach the bot.
// The test publishes its own keys from a local OpenID metadata endpoint (BotOpenIdMetadata).
// ALLOWED_TENANTS: activities from any other tenant are ignored and logged.
import { SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Activity } from 'botbuilder';
import { openTableStore } from '../../src/store/tableStore.ts';
import { textOf } from '../support/botHarness.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { startKeyServer, type KeyServer } from '../support/keyServer.ts';
import { cardAction, message, testTenantId } from '../support/teamsActivity.ts';

const appId = '00000000-0000-4000-8000-00000000b0e1';
const issuer = 'https://api.botframework.com';
const sam = { aadObjectId: 'b2000000-0000-4000-8000-000000000002', name: 'Sam Jones' };
const mallory = { aadObjectId: 'b2000000-0000-4000-8000-000000000066', name: 'Mallory' };

let keys: KeyServer;
let signing: CryptoKey;
let stranger: CryptoKey;
let bot: FaultBot;

beforeAll(async () => {
  keys = await startKeyServer({ kid: 'test-key', use: 'sig', endorsements: ['msteams'] }, issuer);
  ({ signing, stranger } = keys);
  const store = await openTableStore(inject('tablesConnectionString'), 'securityAuth');
  bot = await startFaultBot(store, '2011-09-13T10:00:00Z', {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: 'not-used-offline',
    AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
    BotOpenIdMetadata: keys.openIdUrl,
    ALLOWED_TENANTS: testTenantId,
    TAB_APP_ID_URI: `api://actionbot.example.org/botid-${appId}`,
  });
});
afterAll(async () => {
  await bot?.close();
  await keys?.close();
});

interface Claims { aud?: string; iss?: string; serviceurl?: string; expiresIn?: string; issuedAgo?: number; key?: CryptoKey; kid?: string }

/** A token as the Bot Connector would sign it, with any claim changed. */
async function token(claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl ?? bot.origin.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'test-key', typ: 'JWT' })
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? appId)
    .setIssuedAt(now - (claims.issuedAgo ?? 0))
    .setNotBefore(now - (claims.issuedAgo ?? 0))
    .setExpirationTime(claims.expiresIn ?? '10m')
    .sign(claims.key ?? signing);
}

/** A card press (its answer comes back in the HTTP response, so nothing goes out to Microsoft). */
async function pressWith(authorization: string | null, person = sam): Promise<{ status: number; body: string }> {
  const activity: Partial<Activity> = cardAction(bot.origin, person, 'done', { planId: 'none', actionId: 'none', occurrence: '', dueDate: '' });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  const res = await fetch(`${bot.runtime.server.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

const unsigned = () => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: issuer, aud: appId, serviceurl: bot.origin.serviceUrl, iat: now, exp: now + 600 })}.`;
};

describe('with MicrosoftAppId set, the messaging endpoint checks Bot Framework tokens', () => {
  it('a correctly signed token for this bot is accepted and the press is answered', async () => {
    const res = await pressWith(`Bearer ${await token()}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('not in any stored plan');
  });

  const forgeries: { story: string; authorization: () => Promise<string | null> }[] = [
    { story: 'no Authorization header', authorization: async () => null },
    { story: 'a header that is not a token', authorization: async () => 'Bearer not-a-token' },
    { story: 'an unsigned token (alg none)', authorization: async () => `Bearer ${unsigned()}` },
    { story: 'a token signed by another key under the published key id', authorization: async () => `Bearer ${await token({ key: stranger })}` },
    { story: 'a token naming a key that is not published', authorization: async () => `Bearer ${await token({ kid: 'other-key' })}` },
    { story: 'an expired token', authorization: async () => `Bearer ${await token({ issuedAgo: 7200, expiresIn: '1h ago' })}` },
    { story: 'a token for another bot (wrong audience)', authorization: async () => `Bearer ${await token({ aud: '00000000-0000-4000-8000-00000000beef' })}` },
    { story: 'a token from another issuer', authorization: async () => `Bearer ${await token({ iss: 'https://evil.example' })}` },
    { story: 'a token for another service URL', authorization: async () => `Bearer ${await token({ serviceurl: 'https://evil.example/' })}` },
  ];

  it.each(forgeries)('$story is rejected with 401 and never reaches the bot', async ({ authorization }) => {
    const res = await pressWith(await authorization(), mallory);
    expect(res.status).toBe(401);
    expect(await bot.store.people.get(mallory.aadObjectId)).toBeNull();
  });
});

describe('the start-up log', () => {
  it('says which tenants are accepted (a multi-tenant app must be bounded by ALLOWED_TENANTS)', () => {
    expect(bot.logs.find('actionbot ready')[0]).toMatchObject({ localMode: false, tenants: testTenantId });
  });
});

describe('ALLOWED_TENANTS', () => {
  let local: FaultBot;
  const allowed = '72f988bf-0000-4000-8000-000000000001';
  beforeAll(async () => {
    const store = await openTableStore(inject('tablesConnectionString'), 'securityTenants');
    local = await startFaultBot(store, '2011-09-13T10:00:00Z', { ALLOWED_TENANTS: allowed });
  });
  afterAll(async () => local?.close());

  it('a message from another tenant gets no reply, is not recorded, and is logged', async () => {
    const activity = message({ ...local.origin, tenantId: '99999999-0000-4000-8000-000000000009' }, mallory, 'help');
    const res = await local.post(activity);
    expect(res.status).toBe(200);
    expect(local.connector.calls).toEqual([]);
    expect(await local.store.people.get(mallory.aadObjectId)).toBeNull();
    expect(local.logs.find('tenant that is not allowed')[0]).toMatchObject({ tenantId: '99999999-0000-4000-8000-000000000009' });
  });

  it('a message from the allowed tenant is answered', async () => {
    const [reply] = await local.say(sam, 'help');
    expect(textOf(reply)).toContain('actionbot');
  });
});
