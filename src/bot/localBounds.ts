// Local mode is loopback in every sense. Nothing authenticates there, so the bot's port answers only
// requests that name this machine (a web page elsewhere cannot reach it through a DNS name rebound to
// 127.0.0.1), and the bot replies only to a serviceUrl on this machine: the local chat's own once it
// has started (tests stand in for it on another loopback port), and Microsoft's Teams emulator's when
// PLAYGROUND_PORT names its port (`npm run playground`).

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

/** The serviceUrl Microsoft's Teams emulator (@microsoft/m365agentsplayground) gives the bot when it runs on `port`. */
export function playgroundServiceUrl(port: number): string {
  return `http://localhost:${port}/_connector`;
}

/** The serviceUrls the bot may send to in local mode. */
export class LocalServiceUrls {
  private only: string | null = null;
  /** Allowed besides the local chat's: the emulator's, named by a setting. */
  private readonly also: ReadonlySet<string>;

  /** `also`: loopback serviceUrls allowed whatever the local chat's is (a serviceUrl off this machine throws). */
  constructor(also: readonly string[] = []) {
    for (const url of also) if (!isLoopback(new URL(url))) throw new Error(`${url}: local mode replies only to this machine`);
    this.also = new Set(also.map((url) => normalised(new URL(url))));
  }

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
    if (!isLoopback(url)) return false;
    return this.only === null || normalised(url) === this.only || this.also.has(normalised(url));
  }
}

/** http(s) on this machine's loopback name, with no credentials in the URL. */
function isLoopback(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname.toLowerCase()) && !url.username && !url.password;
}
