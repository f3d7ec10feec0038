// Why a proactive message did not arrive, in the terms the sweep acts on.

/**
 * unreachable: the person removed or blocked the bot, or the chat is gone (403/404): stop sending.
 * throttled: Teams still said 429 after retries. transient: 5xx or no answer after retries.
 * rejected: Teams refused this message (other 4xx): a bug or a bad card, not worth retrying.
 */
export type SendErrorKind = 'unreachable' | 'throttled' | 'transient' | 'rejected';

/** A failed send or update. */
export class SendError extends Error {
  override name = 'SendError';

  constructor(
    readonly kind: SendErrorKind,
    message: string,
    readonly status?: number,
    /** Teams' error code, e.g. "MessageWritesBlocked". */
    readonly code?: string,
    /** How long Teams asked us to wait. */
    readonly retryAfterMs?: number,
    /** Tries made before giving up. */
    readonly attempts = 1,
  ) {
    super(message);
  }
}

interface HttpFailure {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

function retryAfterMs(header: string | undefined): number | undefined {
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
  const wait = retryAfterMs(failure.response?.headers?.get?.('retry-after'));
  return new SendError(kindOf(status), `${status ?? 'no answer'}${code ? ` ${code}` : ''}: ${message}`, status, code, wait, attempts);
}
