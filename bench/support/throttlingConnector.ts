// A stand-in for the Bot Connector that throttles like a busy Teams: a seeded share of calls get 429
// with Retry-After or 503, and during an outage every call gets 429. It keeps only what the soak
// needs from each message that got through (the conversation, the synthetic actions it shows, and the
// digest it is, if one), so its own memory stays flat over a year of sweeps.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message that reached a person. */
export interface Delivered {
  conversationId: string;
  /** The synthetic actions' indexes, read from its text ("Synthetic action 123: …"). */
  actions: number[];
  /** The digest's key when the message is a digest (its buttons carry it): its later pages hold more lines. */
  digest: string | null;
}

/** How often to fail. */
export interface Throttling {
  /** Share of calls answered 429 with `retryAfterSeconds`. */
  throttled: number;
  retryAfterSeconds: number;
  /** Share of calls answered 503. */
  unavailable: number;
  random: () => number;
}

/** The running stand-in. */
export interface ThrottlingConnector {
  url: string;
  /** While true, every call is answered 429 (Retry-After 0): Teams refusing the whole app. */
  outage: boolean;
  /** Cards delivered since the last call, and forgets them. */
  drain(): Delivered[];
  /** Calls answered, by HTTP status. */
  statuses: Map<number, number>;
  close(): Promise<void>;
}

const SEND = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the connector on a free port of 127.0.0.1. */
export async function startThrottlingConnector(throttling: Throttling): Promise<ThrottlingConnector> {
  let delivered: Delivered[] = [];
  const statuses = new Map<number, number>();
  let counter = 0;
  const connector: ThrottlingConnector = {
    url: '',
    outage: false,
    drain: () => { const out = delivered; delivered = []; return out; },
    statuses,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const count = (status: number): void => { statuses.set(status, (statuses.get(status) ?? 0) + 1); };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const match = SEND.exec((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) {
      count(404);
      return answer(res, 404, {}, { error: { code: 'NotFound', message: req.url ?? '' } });
    }
    const roll = throttling.random();
    if (connector.outage || roll < throttling.throttled) {
      const status = 429;
      count(status);
      return answer(res, status, { 'retry-after': connector.outage ? '0' : String(throttling.retryAfterSeconds) }, { error: { code: 'TooManyRequests', message: 'throttled' } });
    }
    if (roll < throttling.throttled + throttling.unavailable) {
      count(503);
      return answer(res, 503, {}, { error: { code: 'ServiceUnavailable', message: 'try later' } });
    }
    count(201);
    const actions = [...new Set([...body.matchAll(/Synthetic action (\d+):/g)].map((m) => Number(m[1])))];
    const digest = /"d":"((?:owner|escalation)\|[^"]+)"/.exec(body)?.[1] ?? null;
    delivered.push({ conversationId: decodeURIComponent(match[1] ?? ''), actions, digest });
    answer(res, 201, {}, { id: `activity-${++counter}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => { if (!res.headersSent) answer(res, 500, {}, { error: String(error) }); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}
