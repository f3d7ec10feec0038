// A real HTTP server on 127.0.0.1 standing in for the Bot Connector service (serviceUrl): records what the
// bot sends, answers like Teams does, and fails on request (throttling, outages, blocked users).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bot asked the connector to do. */
export type CallKind = 'create' | 'send' | 'reply' | 'update';

/** One request the connector received, with the status it answered. */
export interface ConnectorCall {
  method: string;
  kind: CallKind;
  conversationId: string;
  /** The new activity's id for a send or reply; the updated one's for an update. */
  activityId: string | null;
  /** For a reply: the activity replied to. */
  replyToId: string | null;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

/** A failure to answer with instead of success. */
export interface Fault {
  /** HTTP status to answer; 200 means succeed (after `delayMs`). */
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Error code in the body, e.g. "MessageWritesBlocked", "ConversationNotFound". */
  code?: string;
  /** Wait this long before answering (a slow or hanging service). */
  delayMs?: number;
  /** How many matching requests get this fault; default 1. */
  times?: number;
  /** Only requests this accepts; default all. */
  when?: (call: { kind: CallKind; conversationId: string }) => boolean;
}

/** The running stand-in. */
export interface TestConnector {
  url: string;
  /** Every request, failed ones included, in arrival order. */
  calls: ConnectorCall[];
  /** Successful sends, replies and updates to one conversation. */
  sentTo(conversationId: string): ConnectorCall[];
  /** Queue a fault; faults are used in the order queued. */
  fail(fault: Fault): void;
  /** Resolves with the predicate's first truthy answer, polling; rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Forget calls and pending faults. */
  clear(): void;
  close(): Promise<void>;
}

const routes: { method: string; pattern: RegExp; kind: CallKind }[] = [
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, kind: 'create' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, kind: 'send' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'reply' },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'update' },
];

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Like Teams, a 1:1 chat asked for with one user ("29:<id>") is that user's personal chat with the bot ("a:1<id>"). */
function oneToOneId(body: Record<string, unknown>): string | null {
  const members = body.members;
  if (body.isGroup === true || !Array.isArray(members) || members.length !== 1) return null;
  const id = (members[0] as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.startsWith('29:') ? `a:1${id.slice(3)}` : null;
}

/** restify patches http.ServerResponse in the same process, so writeHead cannot be chained. */
function respond(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a connector on a free port of 127.0.0.1; `basePath` stands in for a serviceUrl with a path (the Teams emulator's "/_connector"). */
export async function startConnector(options: { basePath?: string } = {}): Promise<TestConnector> {
  const calls: ConnectorCall[] = [];
  let faults: (Fault & { left: number })[] = [];
  let counter = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const whole = (req.url ?? '/').split('?')[0] ?? '/';
    const path = options.basePath && whole.startsWith(`${options.basePath}/`) ? whole.slice(options.basePath.length) : whole;
    const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
    const body = await readJson(req);
    if (!route) {
      respond(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'NotFound', message: path } }));
      return;
    }
    const match = route.pattern.exec(path) ?? [];
    const created = route.kind === 'create' ? oneToOneId(body) ?? `conv-${++counter}` : null;
    const conversationId = created ?? decodeURIComponent(match[1] ?? '');
    const fault = faults.find((f) => f.left > 0 && (f.when?.({ kind: route.kind, conversationId }) ?? true));
    if (fault) fault.left--;
    if (fault?.delayMs) await sleep(fault.delayMs);
    const status = fault?.status ?? 200;
    const inPath = match[2] ? decodeURIComponent(match[2]) : null;
    const activityId = route.kind === 'send' || route.kind === 'reply' ? `activity-${++counter}` : inPath;
    const replyToId = route.kind === 'reply' ? inPath : null;
    calls.push({ method: req.method ?? '', kind: route.kind, conversationId, activityId, replyToId, body, status, at: Date.now() });
    if (status >= 400) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault?.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      const code = fault?.code ?? (status === 429 ? 'TooManyRequests' : status === 404 ? 'ConversationNotFound' : 'ServiceError');
      respond(res, status, headers, JSON.stringify({ error: { code, message: `test connector answered ${status}` } }));
      return;
    }
    const answer = route.kind === 'create' ? { id: conversationId, activityId: null } : { id: activityId };
    respond(res, route.kind === 'update' ? 200 : 201, { 'content-type': 'application/json' }, JSON.stringify(answer));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) respond(res, 500, {}, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    sentTo: (conversationId) => calls.filter((c) => c.conversationId === conversationId && c.kind !== 'create' && c.status < 400),
    fail: (fault) => { faults.push({ ...fault, left: fault.times ?? 1 }); },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`waitFor: nothing after ${timeoutMs} ms`);
        await sleep(10);
      }
    },
    clear: () => { calls.length = 0; faults = []; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
