// Local mode is loopback in every sense. Nothing authenticates there, so the bot's port answers only
// requests that name this machine (a web page elsewhere cannot reach it through a DNS name rebound to
// 127.0.0.1), and the bot replies only to a serviceUrl on this machine: the local chat's own once it
// has started (tests stand in for it on another loopback port).

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when a Host header names this server by its loopback address or "localhost" and its port. */
export function loopbackHost(hostHeader: string | undefined, port: number): boolean {
  const host = (hostHeader ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/** "http://127.0.0.1:3979/" and "http://127.0.0.1:3979" are one serviceUrl. */
function normalised(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The serviceUrls the bot may send to in local mode. */
export class LocalServiceUrls {
  private only: string | null = null;

  /** From now on, replies go only to this serviceUrl (the local chat's). */
  restrictTo(serviceUrl: string): void {
    this.only = normalised(new URL(serviceUrl));
  }

  /** Whether the bot may send to `serviceUrl`: on this machine, and the local chat's once it is known. */
  allows(serviceUrl: unknown): boolean {
    if (typeof serviceUrl !== 'string') return false;
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.has(url.hostname.toLowerCase()) || url.username || url.password) return false;
    return this.only === null || normalised(url) === this.only;
  }
}
