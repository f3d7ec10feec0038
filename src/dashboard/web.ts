// Small HTTP answers shared by the dashboard and the local chat: JSON, text and the page files in web/,
// with headers that keep a page from running anything but its own scripts.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

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

/** The content type for a file name's extension. */
export function typeOf(name: string): string {
  return TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** Sends a body. (restify patches ServerResponse in the same process, so writeHead is not chained.) */
export function sendBody(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Sends JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendBody(res, status, TYPES.json as string, JSON.stringify(body));
}

/** Sends a file from web/ by its plain name ("chat.js"); anything else is not found. */
export async function sendWebFile(res: ServerResponse, name: string): Promise<void> {
  if (!/^[a-z][a-zA-Z]*\.(html|js|css)$/.test(name)) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  try {
    sendBody(res, 200, typeOf(name), await readFile(new URL(name, WEB_DIR)));
  } catch {
    sendJson(res, 404, { error: 'not found' });
  }
}
