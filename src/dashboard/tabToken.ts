// Single sign-on for the Teams tab: the page sends the token Teams gave it (getAuthToken), and this
// checks it as Microsoft Entra issued it: signature against the published keys, issuer of the token's
// own tenant, audience exactly this app's, issued to a Teams client, not expired, scope access_as_user,
// tenant allowed.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/** Where Entra publishes the keys that sign its tokens (all tenants, v1 and v2). */
export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** What the check needs. */
export interface TabTokenOptions {
  /** The app registration's client id (the bot's MicrosoftAppId). */
  clientId: string;
  /** The Application ID URI exposed for the tab ("api://host/botid-<client id>"); required (tokens for it or the bare client id only). */
  appIdUri: string;
  /** The JSON Web Key Set URL (tests serve their own). */
  keysUrl: string;
  /** Tenants whose people may look; empty: any tenant (the plans' own tenants still apply). */
  allowedTenants: string[];
}

/** The person a valid token names. */
export interface TabViewer {
  id: string;
  tenantId: string;
  name: string;
}

/** Why a token was refused: a word for the log, never the token. */
export class TabTokenError extends Error {}

const SCOPE = 'access_as_user';
/** Clock skew allowed between Entra and this server. */
const TOLERANCE_SECONDS = 300;

function issuerFits(iss: string | undefined, tid: string): boolean {
  return iss === `https://login.microsoftonline.com/${tid}/v2.0` || iss === `https://sts.windows.net/${tid}/`;
}

/**
 * The client apps a tab token may be issued to: Teams itself, as pre-authorised in the app registration
 * ("Expose an API", Microsoft's SSO guide for tabs). Teams desktop and mobile, then Teams on the web.
 * Outlook and Microsoft 365 (for a tab extended to them) would add d3590ed6-52b3-4102-aeff-aad2292ab01c,
 * bc59ab01-8403-45c6-8796-ac3ef710b3e3, 4765445b-32c6-49b0-83e6-1d93765276ca and others: not extended here.
 */
export const TEAMS_CLIENT_IDS: readonly string[] = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

function audienceFits(aud: JWTPayload['aud'], options: TabTokenOptions): boolean {
  const audiences = Array.isArray(aud) ? aud : aud ? [aud] : [];
  return audiences.some((a) => a === options.clientId || a === options.appIdUri);
}

const claim = (payload: JWTPayload, name: string): string => {
  const value = payload[name];
  return typeof value === 'string' ? value : '';
};

/** A checker for Authorization headers; it fetches and caches the keys (jose refetches on an unknown kid). */
export function tabTokenChecker(options: TabTokenOptions): (authorization: string | undefined) => Promise<TabViewer> {
  if (!options.clientId) throw new Error('the tab needs MicrosoftAppId (the app registration the tab signs in to)');
  if (!options.appIdUri) throw new Error('the tab needs TAB_APP_ID_URI (the Application ID URI its tokens are for)');
  const keys = createRemoteJWKSet(new URL(options.keysUrl), { cooldownDuration: 60_000 });
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match?.[1]) throw new TabTokenError('no bearer token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, { algorithms: ['RS256'], clockTolerance: TOLERANCE_SECONDS, requiredClaims: ['exp', 'iss', 'aud'] }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new TabTokenError('expired');
      if (err instanceof errors.JWKSNoMatchingKey) throw new TabTokenError('unknown signing key');
      throw new TabTokenError(err instanceof errors.JOSEError ? err.code : 'not a token');
    }
    const tenantId = claim(payload, 'tid');
    const id = claim(payload, 'oid');
    if (!tenantId || !id) throw new TabTokenError('no tenant or person in the token');
    if (!issuerFits(payload.iss, tenantId)) throw new TabTokenError('wrong issuer');
    if (!audienceFits(payload.aud, options)) throw new TabTokenError('wrong audience');
    // v2 tokens name the client app in azp, v1 tokens in appid.
    if (!TEAMS_CLIENT_IDS.includes(claim(payload, 'azp') || claim(payload, 'appid'))) throw new TabTokenError('not issued to a Teams client');
    if (!claim(payload, 'scp').split(' ').includes(SCOPE)) throw new TabTokenError(`no ${SCOPE} scope`);
    if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(tenantId)) throw new TabTokenError('tenant not allowed');
    return { id, tenantId, name: claim(payload, 'name') || claim(payload, 'preferred_username') || id };
  };
}
