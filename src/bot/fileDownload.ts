// A plan file sent to the bot in Teams arrives as an attachment with a short-lived download URL
// (application/vnd.microsoft.teams.file.download.info). This fetches it through src/bot/outbound.ts:
// only from the file hosts, at most 10 MB, within a timeout, no redirects. The person is told the
// size limit when that is the reason; any other failure gets one sentence that reveals nothing about
// what the remote answered.
import { z } from 'zod';
import { fetchFile, type CallFailure, type FileHosts } from './outbound.ts';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file attachment, checked: its name and where to fetch it. */
export interface FileAttachment {
  name: string;
  downloadUrl: string;
}

const attachment = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().min(1).max(255),
  content: z.object({ downloadUrl: z.string().url().max(4096) }),
});

/** The file attachments of an activity (anything else, such as pasted HTML or cards, is left out). */
export function fileAttachments(attachments: unknown): FileAttachment[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a: unknown) => {
    const parsed = attachment.safeParse(a);
    return parsed.success ? [{ name: parsed.data.name, downloadUrl: parsed.data.content.downloadUrl }] : [];
  });
}

/** Limits of one download, and where files may come from. */
export interface DownloadLimits extends FileHosts {
  maxBytes: number;
  timeoutMs: number;
}

/** The bytes of the file, or why there are none (in words for the person; `failure` for the log). */
export type Download = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; failure: CallFailure; status?: number };

/** The one sentence for every failure but size: the same whether the host was refused, silent or said no. */
export const NOT_FETCHED = 'it could not be fetched from Teams; please send it again';

/** Fetches a file attachment within `limits`; never throws. */
export async function downloadFile(file: FileAttachment, limits: DownloadLimits): Promise<Download> {
  const fetched = await fetchFile(file.downloadUrl, limits, limits);
  if (fetched.ok) return fetched;
  const reason = fetched.failure === 'too large' ? `it is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB` : NOT_FETCHED;
  return { ok: false, reason, failure: fetched.failure, ...(fetched.status !== undefined ? { status: fetched.status } : {}) };
}
