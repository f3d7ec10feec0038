// The files of the local chat, in memory: plans a person sends the bot (Teams keeps them in OneDrive
// and gives the bot a download URL) and files the bot uploads after a file consent (Teams gives the
// bot an upload session). Only ids this store issued are served; sizes are capped.
import { randomUUID } from 'node:crypto';
import { MAX_FILE_BYTES } from '../bot/fileDownload.ts';

/** Teams' limit for a plan file the bot reads, and this page's for any one file. */
export const MAX_CHAT_FILE_BYTES = MAX_FILE_BYTES;
/** Everything kept at once; the oldest files go first beyond it. */
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
/** How long an upload session stays open, as OneDrive's do for a while. */
const SESSION_MS = 15 * 60 * 1000;

/** A stored file. */
export interface StoredFile {
  id: string;
  name: string;
  bytes: Buffer;
}

/** What a PUT to an upload session did, in OneDrive's terms. */
export type UploadResult =
  | { kind: 'partial'; nextExpected: number }
  | { kind: 'complete'; file: StoredFile }
  | { kind: 'refused'; status: number; message: string };

interface Session {
  id: string;
  name: string;
  openedAt: number;
  total: number | null;
  chunks: Buffer[];
  received: number;
}

/** A file name as a person would see it: its last path part, no control characters, at most 255 characters. */
export function cleanFileName(raw: string): string | null {
  const name = raw.split(/[/\\]/).pop()?.trim() ?? '';
  // eslint-disable-next-line no-control-regex
  if (name === '' || name === '.' || name === '..' || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}

/** The extension Teams reports as fileType ("docx"), lower case; empty when there is none. */
export function fileTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** `bytes 0-99/1000` as numbers, or null. */
function parseRange(header: string): { start: number; end: number; total: number } | null {
  const m = /^bytes (\d{1,10})-(\d{1,10})\/(\d{1,10})$/.exec(header.trim());
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return end >= start && end < total ? { start, end, total } : null;
}

/** The local chat's files and upload sessions. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps `bytes` under `name`; returns the stored file (its id goes in the URL). */
  put(name: string, bytes: Buffer): StoredFile {
    return this.keep({ id: randomUUID(), name, bytes });
  }

  private keep(file: StoredFile): StoredFile {
    this.files.set(file.id, file);
    let total = [...this.files.values()].reduce((sum, f) => sum + f.bytes.length, 0);
    for (const [id, old] of this.files) {
      if (total <= MAX_TOTAL_BYTES || id === file.id) break;
      this.files.delete(id);
      total -= old.bytes.length;
    }
    return file;
  }

  /** The file with this id and name (both must match), or undefined. */
  get(id: string, name: string): StoredFile | undefined {
    const file = this.files.get(id);
    return file && file.name === name ? file : undefined;
  }

  /** Opens an upload session for a file the person agreed to receive; returns its id. */
  openSession(name: string): string {
    for (const [key, old] of this.sessions) if (this.now() - old.openedAt > SESSION_MS) this.sessions.delete(key);
    const id = randomUUID();
    this.sessions.set(id, { id, name, openedAt: this.now(), total: null, chunks: [], received: 0 });
    return id;
  }

  /**
   * Takes one PUT of an upload session: the bytes at `Content-Range` (the whole file when absent).
   * Chunks must come in order; the last one completes the file, which is then served like any other.
   */
  upload(sessionId: string, range: string | undefined, body: Buffer): UploadResult {
    const session = this.sessions.get(sessionId);
    if (!session || this.now() - session.openedAt > SESSION_MS) {
      this.sessions.delete(sessionId);
      return { kind: 'refused', status: 404, message: 'no such upload session (or it expired)' };
    }
    const r = range === undefined ? (body.length > 0 ? { start: 0, end: body.length - 1, total: body.length } : null) : parseRange(range);
    if (!r) return { kind: 'refused', status: 400, message: 'Content-Range must be "bytes start-end/total"' };
    if (r.total > MAX_CHAT_FILE_BYTES) return { kind: 'refused', status: 413, message: `files here are at most ${MAX_CHAT_FILE_BYTES} bytes` };
    if (session.total !== null && session.total !== r.total) return { kind: 'refused', status: 400, message: 'the total size changed between chunks' };
    if (r.start !== session.received) return { kind: 'refused', status: 416, message: `expected bytes from ${session.received}` };
    if (body.length !== r.end - r.start + 1) return { kind: 'refused', status: 400, message: 'the body is not the length Content-Range says' };
    session.total = r.total;
    session.chunks.push(body);
    session.received += body.length;
    if (session.received < r.total) return { kind: 'partial', nextExpected: session.received };
    this.sessions.delete(sessionId);
    // The content URL given at consent names the session: the finished file keeps its id.
    return { kind: 'complete', file: this.keep({ id: session.id, name: session.name, bytes: Buffer.concat(session.chunks) }) };
  }
}
