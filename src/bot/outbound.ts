// The only HTTP calls the bot makes on a URL someone else gave it: downloading a plan file Teams sent
// (its downloadUrl) and uploading the board report to the session Teams opened (its uploadUrl). Both
// go only where Teams puts files: outside local mode https to the FILE_HOSTS allow-list (SharePoint
// and OneDrive for work by default); in local mode only this machine. No redirects, a timeout on the
// whole call, a size cap counted as the bytes arrive. What went wrong is logged; the person is told
// only that it did not work, never the remote's answer (status, host or body).

/** Where files may come from and go to. */
export interface FileHosts {
  /** Local mode: http or https to 127.0.0.1, localhost or ::1 only. */
  localMode: boolean;
  /** Outside local mode: host names ("contoso.sharepoint.com") or "*.suffix" (any host below suffix), each with an optional ":port". */
  fileHosts: readonly string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True when the URL's host and port are named by `pattern`: "*.sharepoint.com" covers a.sharepoint.com
 * (not sharepoint.com itself) on https' own port; "files.example.org:8443" names a port too.
 */
export function hostMatches(url: URL, pattern: string): boolean {
  const [name = '', port = ''] = pattern.toLowerCase().split(':');
  const host = url.hostname.toLowerCase();
  const portFits = (url.port === '' || url.port === '443') ? port === '' || port === '443' : url.port === port;
  return portFits && (name.startsWith('*.') ? host.endsWith(name.slice(1)) && host.length > name.length - 1 : host === name);
}

/** The URL when the bot may call it, else null: checked before any connection is made. */
export function allowedFileUrl(raw: string, hosts: FileHosts): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // user:password@ in a link is never Teams' and can hide the real host from a reader.
  if (url.username || url.password) return null;
  const host = url.hostname.toLowerCase();
  if (hosts.localMode) return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(host) ? url : null;
  if (url.protocol !== 'https:') return null;
  return hosts.fileHosts.some((pattern) => hostMatches(url, pattern)) ? url : null;
}

/** Limits of one call. */
export interface CallLimits {
  /** The whole call, body included. */
  timeoutMs: number;
  maxBytes: number;
}

/** Why a call gave nothing: for the log only (never shown to the person). */
export type CallFailure = 'not allowed' | 'redirect' | 'refused' | 'too large' | 'timeout' | 'network';

export type Fetched = { ok: true; bytes: Uint8Array } | { ok: false; failure: CallFailure; status?: number };

function failureOf(error: unknown): CallFailure {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
}

/** GETs an allowed URL within the limits; never throws, never follows a redirect. */
export async function fetchFile(raw: string, hosts: FileHosts, limits: CallLimits): Promise<Fetched> {
  const url = allowedFileUrl(raw, hosts);
  if (!url) return { ok: false, failure: 'not allowed' };
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(limits.timeoutMs) });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { ok: false, failure: 'redirect', status: response.status };
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      return { ok: false, failure: 'refused', status: response.status };
    }
    if (Number(response.headers.get('content-length') ?? '0') > limits.maxBytes) {
      await response.body.cancel();
      return { ok: false, failure: 'too large' };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // The declared length may be missing or wrong: count what arrives and stop at the cap.
      if (size > limits.maxBytes) {
        await reader.cancel();
        return { ok: false, failure: 'too large' };
      }
      chunks.push(value);
    }
    return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** PUTs bytes to an allowed URL (an upload session) within the time limit; never throws, never follows a redirect. */
export async function putFile(raw: string, hosts: FileHosts, bytes: Uint8Array<ArrayBuffer>, timeoutMs: number): Promise<{ ok: true } | { ok: false; failure: CallFailure; status?: number }> {
  const url = allowedFileUrl(raw, hosts);
  if (!url) return { ok: false, failure: 'not allowed' };
  try {
    const response = await fetch(url, {
      method: 'PUT',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
    });
    await response.body?.cancel();
    if (response.status >= 300 && response.status < 400) return { ok: false, failure: 'redirect', status: response.status };
    return response.ok ? { ok: true } : { ok: false, failure: 'refused', status: response.status };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}
