// Teams' file attachments as the local chat shows them: a file the person sent, the bot's file consent
// card (Allow / Decline) and the bot's file info card (a link to the uploaded file). The consent's
// contexts stay on the server; the page only says which card and which answer.
import type { Activity, Attachment } from 'botbuilder';
import { FILE_CONSENT_CARD, FILE_INFO_CARD } from '../bot/reportFile.ts';

/** A file in a chat entry. */
export type ChatFile =
  | { kind: 'sent'; name: string; size: number; url: string }
  | { kind: 'consent'; name: string; description: string; sizeInBytes: number; answer: 'accept' | 'decline' | null }
  /** `url` is null when the card points at no file this server stored. */
  | { kind: 'info'; name: string; fileType: string; url: string | null };

/** What comes back to the bot when the person answers a consent card. */
export interface Consent {
  name: string;
  acceptContext: unknown;
  declineContext: unknown;
}

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

function content(a: Attachment): Record<string, unknown> {
  return typeof a.content === 'object' && a.content !== null ? (a.content as Record<string, unknown>) : {};
}

/** The consent and info cards of a bot's activity, for the page; `local` maps a content URL to one of ours, or null. */
export function filesOf(activity: Partial<Activity>, local: (contentUrl: string) => string | null): ChatFile[] {
  return (activity.attachments ?? []).flatMap((a): ChatFile[] => {
    const c = content(a);
    if (a.contentType === FILE_CONSENT_CARD) {
      const size = typeof c.sizeInBytes === 'number' && c.sizeInBytes >= 0 ? c.sizeInBytes : 0;
      return [{ kind: 'consent', name: text(a.name, 255), description: text(c.description, 1000), sizeInBytes: size, answer: null }];
    }
    if (a.contentType === FILE_INFO_CARD) {
      return [{ kind: 'info', name: text(a.name, 255), fileType: text(c.fileType, 20), url: typeof a.contentUrl === 'string' ? local(a.contentUrl) : null }];
    }
    return [];
  });
}

/** The consent card of a bot's activity (Teams shows one per message), with its contexts. */
export function consentOf(activity: Partial<Activity>): Consent | null {
  const card = (activity.attachments ?? []).find((a) => a.contentType === FILE_CONSENT_CARD);
  if (!card) return null;
  const c = content(card);
  return { name: text(card.name, 255), acceptContext: c.acceptContext ?? null, declineContext: c.declineContext ?? null };
}
