// Reading requests for the local chat: JSON bodies with a size cap, and a Host check so that a web
// page elsewhere cannot reach this 127.0.0.1 server through a rebound DNS name.
import type { IncomingMessage } from 'node:http';
import { loopbackHost } from '../bot/localBounds.ts';

/** A request the server refuses, with the status to answer. */
export class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Cards with a 500-character reason are a few KB; the bot's own limit is 256 KB. */
const MAX_BODY = 256 * 1024;

/** The JSON object in a request body. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new RequestError(415, 'Content-Type must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RequestError(413, 'body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : {};
  } catch {
    throw new RequestError(400, 'the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RequestError(400, 'the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** True when the request names this server by its loopback address or "localhost". */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  // The same allow-list as the bot's own port in local mode.
  return loopbackHost(req.headers.host, port);
}

/** A string field of a body, or a 400. */
export function stringField(body: Record<string, unknown>, name: string, maxLength = 2000): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) throw new RequestError(400, `${name} must be text of 1 to ${maxLength} characters`);
  return value;
}

/** The raw body, at most `max` bytes (413 beyond, whether the length is declared or only counted). */
export async function readBytes(req: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = (): RequestError => new RequestError(413, `files are limited to ${Math.round(max / 1024 / 1024)} MB`);
  if (Number(req.headers['content-length'] ?? '0') > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
