// A plan file sent to the bot in Teams arrives as an attachment with a short-lived download URL
// (application/vnd.microsoft.teams.file.download.info). This fetches it with limits: https only
// outside local mode, at most 10 MB, and a timeout, so a slow or huge file cannot tie the bot up.
import { z } from 'zod';

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

/** Limits of one download. */
export interface DownloadLimits {
  /** Local mode (no Bot Framework tokens) may fetch http://127.0.0.1; otherwise https only. */
  allowHttp: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** The bytes of the file, or why there are none (in words for the person who sent it). */
export type Download = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Fetches a file attachment within `limits`; never throws. */
export async function downloadFile(file: FileAttachment, limits: DownloadLimits): Promise<Download> {
  const url = new URL(file.downloadUrl);
  if (url.protocol !== 'https:' && !(limits.allowHttp && url.protocol === 'http:')) {
    return { ok: false, reason: 'the file link is not https, so I did not fetch it' };
  }
  const megabytes = `${Math.round(limits.maxBytes / 1024 / 1024)} MB`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'error' });
    if (!response.ok || response.body === null) return { ok: false, reason: `Teams did not give me the file (HTTP ${response.status}); please send it again` };
    if (Number(response.headers.get('content-length') ?? '0') > limits.maxBytes) {
      await response.body.cancel();
      return { ok: false, reason: `the file is larger than ${megabytes}` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      // A server may not say the length, or say it wrongly: count what arrives.
      if (size > limits.maxBytes) return { ok: false, reason: `the file is larger than ${megabytes}` };
      chunks.push(chunk);
    }
    return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ok: false, reason: timedOut ? 'the file took too long to download; please send it again' : 'the file could not be downloaded; please send it again' };
  }
}
