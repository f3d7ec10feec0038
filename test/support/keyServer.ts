// A local stand-in for published signing keys, as Entra (the tab's JWKS) and the Bot Framework (its OpenID
// metadata) publish them. Tests sign tokens with `signing`; `stranger` is a key nobody published.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';

export interface KeyServer {
  signing: CryptoKey;
  stranger: CryptoKey;
  /** The JWKS: `{ keys: [the signing key's public half] }`. */
  keysUrl: string;
  /** OpenID metadata naming `issuer` and the JWKS. */
  openIdUrl: string;
  close(): Promise<void>;
}

/** Publishes one RS256 key with `fields` (kid, use, alg, endorsements…) on loopback. */
export async function startKeyServer(fields: Record<string, unknown>, issuer = ''): Promise<KeyServer> {
  const pair = await generateKeyPair('RS256');
  const stranger = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), ...fields };
  const server = createServer((req, res) => {
    const body = req.url === '/keys' ? { keys: [jwk] } : { issuer, jwks_uri: `${base()}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  const base = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    signing: pair.privateKey,
    stranger,
    keysUrl: `${base()}/keys`,
    openIdUrl: `${base()}/openid`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
