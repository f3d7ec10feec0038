// Small HTTP answers shared by the dashboard and the local chat: JSON, text and the page files in web/,
// with headers that keep a page from running anything but its own scripts.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

/** web/ at the project root, next to src/. */
const WEB_DIR = new URL('../../web/', import.meta.url);

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Scripts only from this server; the card renderer sets inline styles, so styles may be inline. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Hosts that may frame the dashboard: Teams on the web, desktop and mobile, and Microsoft 365. */
const TEAMS_FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.skype.com https://*.office.com https://*.cloud.microsoft";

/** The content type for a file name's extension. */
export function typeOf(name: string): string {
  return TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** Sends a body. (restify patches ServerResponse in the same process, so writeHead is not chained.) */
export function sendBody(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Starts a body written in parts (writeChunk), ended by res.end(). */
export function startBody(res: ServerResponse, status: number, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...headers });
}

/** Writes a part of a body, waiting while the client is slower than us; throws once the client has gone. */
export async function writeChunk(res: ServerResponse, text: string): Promise<void> {
  if (res.destroyed) throw new Error('the client went away');
  if (res.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (): void => { res.off('close', gone); resolve(); };
    const gone = (): void => { res.off('drain', done); reject(new Error('the client went away')); };
    res.once('drain', done);
    res.once('close', gone);
  });
}

/** Sends JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendBody(res, status, TYPES.json as string, JSON.stringify(body));
}

/** Sends a file from web/ by its plain name ("chat.js"); anything else is not found. A frameable page may be a Teams tab. */
export async function sendWebFile(res: ServerResponse, name: string, options: { frameable?: boolean } = {}): Promise<void> {
  if (!/^[a-z][a-zA-Z]*\.(html|js|css)$/.test(name)) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  const framing: Record<string, string> = options.frameable
    ? { 'content-security-policy': (SECURITY_HEADERS['content-security-policy'] as string).replace("frame-ancestors 'none'", `frame-ancestors ${TEAMS_FRAME_ANCESTORS}`) }
    : {};
  try {
    sendBody(res, 200, typeOf(name), await readFile(new URL(name, WEB_DIR)), framing);
  } catch {
    sendJson(res, 404, { error: 'not found' });
  }
}

/** Browser builds served from node_modules under /dashboard/vendor/: the Teams client library and the chart library. */
const VENDOR: Record<string, [string, string]> = {
  'teams.js': ['@microsoft/teams-js', 'dist/umd/MicrosoftTeams.min.js'],
  'chart.js': ['chart.js', 'dist/chart.umd.min.js'],
};

/** A package's folder (some packages do not export their package.json, so walk up from the entry). */
function packageDir(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  while (!dir.endsWith(path.join('node_modules', name)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Sends one of the vendor files; anything else is not found. */
export async function sendVendorFile(res: ServerResponse, name: string): Promise<void> {
  const entry = VENDOR[name];
  if (!entry) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  sendBody(res, 200, typeOf(name), await readFile(path.join(packageDir(entry[0]), entry[1])), { 'cache-control': 'max-age=86400' });
}

/** Sends a download. The name is ours, never the caller's: plain ASCII in `filename`, the exact name in `filename*` (RFC 6266). */
export function sendFile(res: ServerResponse, type: string, bytes: Buffer, name: string): void {
  sendBody(res, 200, type, bytes, { 'content-disposition': `attachment; filename="${name.replace(/[^\w .-]/g, '-')}"; filename*=UTF-8''${encodeURIComponent(name)}` });
}

/** Largest JSON body the dashboard takes (a press is a few hundred bytes). */
const MAX_JSON = 16 * 1024;

/** Reads a small JSON object body; throws HttpProblem 413, 415 or 400 otherwise. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpProblem(415, 'send JSON');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON) throw new HttpProblem(413, 'too large');
    chunks.push(chunk);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch { /* answered below */ }
  throw new HttpProblem(400, 'the body must be one JSON object');
}

/** A request the dashboard refuses with this status and message. */
export class HttpProblem extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
