// Why a proactive message did not arrive, in the terms the sweep acts on.

import { SendError, type SendErrorKind } from '../domain/messenger.ts';

export { SendError, type SendErrorKind };

interface HttpFailure {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

/**
 * The longest Retry-After waited out within a sweep. A longer one (Teams has answered a day) fails the
 * send at once as throttled, and the next sweep tries again: see retryAfterCap.ts for botbuilder's own wait.
 */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Where retryAfterCap.ts keeps a wait above the cap (seconds), out of botbuilder's sight. */
export const RETRY_AFTER_OVER_CAP = 'x-actionbot-retry-after-over-cap';

/** A Retry-After header (seconds or an HTTP date) in milliseconds. */
export function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function kindOf(status: number | undefined): SendErrorKind {
  if (status === undefined) return 'transient';
  if (status === 403 || status === 404) return 'unreachable';
  if (status === 429) return 'throttled';
  // 412 is a Teams race on the conversation and passes; so do 5xx.
  if (status === 412 || status >= 500) return 'transient';
  return 'rejected';
}

/** Turns whatever botbuilder threw (RestError, network error, our timeout) into a SendError. */
export function classify(error: unknown, attempts: number): SendError {
  if (error instanceof SendError) {
    return new SendError(error.kind, error.message, error.status, error.code, error.retryAfterMs, attempts);
  }
  const failure = (typeof error === 'object' && error !== null ? error : {}) as HttpFailure;
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : undefined;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const headers = failure.response?.headers;
  const wait = retryAfterMs(headers?.get?.(RETRY_AFTER_OVER_CAP) ?? headers?.get?.('retry-after'));
  return new SendError(kindOf(status), `${status ?? 'no answer'}${code ? ` ${code}` : ''}: ${message}`, status, code, wait, attempts);
}
