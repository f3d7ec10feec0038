// Activities shaped as Microsoft Teams sends them, for the local chat to post to the bot's own
// /api/messages: the bot cannot tell the page from Teams.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { FILE_DOWNLOAD_INFO } from '../bot/fileDownload.ts';
import { FILE_CONSENT_INVOKE } from '../bot/reportFile.ts';

/** A demo person the page can play. */
export interface ChatPerson {
  /** Stands in for the AAD object id. */
  id: string;
  name: string;
}

/** Where activities come from: the local chat's own URL (the bot answers there) and the tenant. */
export interface ChatOrigin {
  serviceUrl: string;
  tenantId: string;
}

const BOT = { id: '28:actionbot', name: 'actionbot' };

/** The id Teams gives the one-to-one chat between a person and the bot. */
export function personalConversationId(personId: string): string {
  return `a:1${personId}`;
}

function base(origin: ChatOrigin, person: ChatPerson, type: string): Partial<Activity> {
  return {
    type,
    id: `local-${randomUUID()}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: origin.serviceUrl,
    from: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id },
    recipient: BOT,
    conversation: { id: personalConversationId(person.id), conversationType: 'personal', tenantId: origin.tenantId, isGroup: false, name: '' },
    channelData: { tenant: { id: origin.tenantId } },
    locale: 'en-GB',
  };
}

/** A typed message. */
export function messageActivity(origin: ChatOrigin, person: ChatPerson, text: string): Partial<Activity> {
  return { ...base(origin, person, 'message'), text, textFormat: 'plain' };
}

/** An Action.Execute pressed on the card with activity id `replyToId`. */
export function cardActionActivity(origin: ChatOrigin, person: ChatPerson, verb: string, data: Record<string, unknown>, replyToId: string): Partial<Activity> {
  return {
    ...base(origin, person, 'invoke'),
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** An Action.Submit pressed on the card with activity id `replyToId`: Teams posts a message whose value is the card's data. */
export function cardSubmitActivity(origin: ChatOrigin, person: ChatPerson, data: Record<string, unknown>, replyToId: string): Partial<Activity> {
  return { ...base(origin, person, 'message'), replyToId, value: data, channelData: { tenant: { id: origin.tenantId }, postBack: true } };
}

/** A file the person sent in the personal chat: Teams gives the bot its name and a short-lived download URL. */
export function fileMessageActivity(origin: ChatOrigin, person: ChatPerson, file: { name: string; url: string; uniqueId: string; fileType: string }): Partial<Activity> {
  return {
    ...base(origin, person, 'message'),
    text: '',
    textFormat: 'plain',
    attachments: [{
      contentType: FILE_DOWNLOAD_INFO,
      contentUrl: file.url,
      name: file.name,
      content: { downloadUrl: file.url, uniqueId: file.uniqueId, fileType: file.fileType },
    }],
  };
}

/** The person's answer to the file consent card with activity id `replyToId`; on accept, where to upload. */
export function fileConsentActivity(origin: ChatOrigin, person: ChatPerson, replyToId: string, answer: FileConsentAnswer): Partial<Activity> {
  return {
    ...base(origin, person, 'invoke'),
    name: FILE_CONSENT_INVOKE,
    replyToId,
    value: { type: 'fileUpload', ...answer },
  };
}

/** What Teams puts in a fileConsent/invoke's value besides its type. */
export type FileConsentAnswer =
  | { action: 'accept'; context: unknown; uploadInfo: { name: string; uploadUrl: string; contentUrl: string; uniqueId: string; fileType: string } }
  | { action: 'decline'; context: unknown };

/** Teams' read receipt: the person has read the chat up to message `lastReadMessageId`. */
export function readReceiptActivity(origin: ChatOrigin, person: ChatPerson, lastReadMessageId: string): Partial<Activity> {
  return { ...base(origin, person, 'event'), name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId } };
}

/** The app installed in the person's personal scope. */
export function installActivity(origin: ChatOrigin, person: ChatPerson): Partial<Activity> {
  return { ...base(origin, person, 'installationUpdate'), action: 'add' };
}

/** Posts an activity to the bot's messaging endpoint; returns the status and the parsed body. */
export async function postToBot(botUrl: string, activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/api/messages', botUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body };
}
