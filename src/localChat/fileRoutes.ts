// Files both ways, as Teams does them. A person sends a file: the server keeps it and posts the bot a
// message with a download URL on this server. The bot offers a file (consent card): on Allow the
// server opens an upload session here, sends the bot fileConsent/invoke with its URL, takes the bot's
// PUT, and the bot's file info card then links to the stored file. Decline sends action 'decline'.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import { sendBody, sendJson } from '../dashboard/web.ts';
import { consentOf, type ChatFile, type Consent } from './fileCards.ts';
import { cleanFileName, FileStore, fileTypeOf, MAX_CHAT_FILE_BYTES, type StoredFile } from './fileStore.ts';
import { readBytes, RequestError, stringField } from './http.ts';
import type { PageContext } from './pageApi.ts';
import { fileConsentActivity, fileMessageActivity, personalConversationId, postToBot, type ChatPerson, type FileConsentAnswer } from './teamsActivity.ts';

const DOWNLOAD = /^\/files\/([0-9a-f-]{36})\/([^/]+)$/;
const UPLOAD = /^\/upload\/([0-9a-f-]{36})$/;

const MEDIA: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The files of the local chat and the consent cards not yet answered. */
export class ChatFiles {
  readonly store = new FileStore();
  private readonly consents = new Map<string, Consent>();
  /** This server's origin (http://127.0.0.1:port), known once it listens. */
  origin = '';

  /** Where a stored file is served (the download URL the bot is given, and the page's link). */
  urlOf(file: Pick<StoredFile, 'id' | 'name'>): string {
    return `${this.origin}/files/${file.id}/${encodeURIComponent(file.name)}`;
  }

  /** The URL when it names a file this server stored, else null: the page links to nothing else. */
  readonly local = (contentUrl: string): string | null => {
    let url: URL;
    try {
      url = new URL(contentUrl);
    } catch {
      return null;
    }
    const m = DOWNLOAD.exec(url.pathname);
    if (url.origin !== this.origin || !m) return null;
    const file = this.store.get(m[1] ?? '', safeDecode(m[2] ?? ''));
    return file ? this.urlOf(file) : null;
  };

  /** Keeps the consent card of a bot's message, to answer it later. */
  noteConsent(conversationId: string, activityId: string, activity: Partial<Activity>): void {
    const consent = consentOf(activity);
    if (consent) this.consents.set(`${conversationId}|${activityId}`, consent);
  }

  /** The consent card's contexts, once: an answered card cannot be answered again. */
  takeConsent(conversationId: string, activityId: string): Consent | undefined {
    const key = `${conversationId}|${activityId}`;
    const consent = this.consents.get(key);
    this.consents.delete(key);
    return consent;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

/** POST /api/file?person=…&name=…: the file's bytes as the body (application/octet-stream). */
export async function sendFile(ctx: PageContext, req: IncomingMessage, person: ChatPerson, rawName: string | null): Promise<object> {
  const name = cleanFileName(rawName ?? '');
  if (!name) throw new RequestError(400, 'name must be a file name of 1 to 255 characters');
  // Not a type a form can send: another site's page cannot post here without a preflight it fails.
  if (req.headers['content-type'] !== 'application/octet-stream') throw new RequestError(415, 'Content-Type must be application/octet-stream');
  const bytes = await readBytes(req, MAX_CHAT_FILE_BYTES);
  if (bytes.length === 0) throw new RequestError(400, `${name} is empty`);
  const file = ctx.files.store.put(name, bytes);
  const url = ctx.files.urlOf(file);
  const activity = fileMessageActivity(ctx.origin, person, { name, url, uniqueId: file.id, fileType: fileTypeOf(name) });
  const conversationId = personalConversationId(person.id);
  const sent: ChatFile = { kind: 'sent', name, size: bytes.length, url };
  ctx.transcript.add({ id: activity.id, conversationId, from: 'person', text: null, cards: [], files: [sent], replyToId: null, at: new Date().toISOString() });
  const answer = await postToBot(ctx.botUrl, activity);
  if (answer.status >= 300) ctx.transcript.notice(conversationId, `The bot answered HTTP ${answer.status}.`);
  return { status: answer.status };
}

/** POST /api/consent { personId, activityId, action: 'accept' | 'decline' }: Allow or Decline on a file consent card. */
export async function answerConsent(ctx: PageContext, person: ChatPerson, body: Record<string, unknown>): Promise<object> {
  const activityId = stringField(body, 'activityId', 200);
  const action = body.action;
  if (action !== 'accept' && action !== 'decline') throw new RequestError(400, "action must be 'accept' or 'decline'");
  const conversationId = personalConversationId(person.id);
  const entry = ctx.transcript.find(conversationId, activityId);
  const offered = entry?.files?.find((f) => f.kind === 'consent');
  if (!entry || !offered) throw new RequestError(404, 'no file consent card with that id in this chat');
  const consent = ctx.files.takeConsent(conversationId, activityId);
  if (!consent) throw new RequestError(409, 'that file consent card has been answered already');
  ctx.transcript.setFiles(conversationId, activityId, (entry.files ?? []).map((f) => (f.kind === 'consent' ? { ...f, answer: action } : f)));
  let answer: FileConsentAnswer = { action: 'decline', context: consent.declineContext };
  if (action === 'accept') {
    const name = cleanFileName(consent.name) ?? 'file';
    const session = ctx.files.store.openSession(name);
    answer = {
      action: 'accept',
      context: consent.acceptContext,
      uploadInfo: { name, uploadUrl: `${ctx.files.origin}/upload/${session}`, contentUrl: ctx.files.urlOf({ id: session, name }), uniqueId: session, fileType: fileTypeOf(name) },
    };
  }
  const result = await postToBot(ctx.botUrl, fileConsentActivity(ctx.origin, person, activityId, answer));
  if (result.status >= 300) ctx.transcript.notice(conversationId, `The bot could not take that answer (HTTP ${result.status}).`, activityId);
  return { status: result.status };
}

/** GET /files/<id>/<name> (only files this server stored) and the bot's PUT /upload/<session>; false for other paths. */
export async function serveFiles(req: IncomingMessage, res: ServerResponse, files: ChatFiles): Promise<boolean> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  const download = DOWNLOAD.exec(pathname);
  const upload = UPLOAD.exec(pathname);
  if (download && (req.method === 'GET' || req.method === 'HEAD')) {
    const file = files.store.get(download[1] ?? '', safeDecode(download[2] ?? ''));
    if (!file) sendJson(res, 404, { error: 'no such file' });
    else sendBody(res, 200, MEDIA[fileTypeOf(file.name)] ?? 'application/octet-stream', file.bytes, { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` });
    return true;
  }
  if (upload && req.method === 'PUT') {
    const body = await readBytes(req, MAX_CHAT_FILE_BYTES);
    const result = files.store.upload(upload[1] ?? '', req.headers['content-range'], body);
    if (result.kind === 'partial') sendJson(res, 202, { nextExpectedRanges: [`${result.nextExpected}-`] });
    else if (result.kind === 'complete') sendJson(res, 201, { id: result.file.id, name: result.file.name, size: result.file.bytes.length });
    else sendJson(res, result.status, { error: { code: 'UploadRefused', message: result.message } });
    return true;
  }
  if (download || upload || pathname.startsWith('/files/') || pathname.startsWith('/upload/')) {
    sendJson(res, download || upload ? 405 : 404, { error: download || upload ? 'method not allowed' : 'no such file' });
    return true;
  }
  return false;
}
