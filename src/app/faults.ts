// Which errors are storage faults (the plan store is unreachable or failing), as opposed to bugs: only
// these are reported to people as "cannot reach the plan store".

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH', 'REQUEST_SEND_ERROR']);

/** True for errors from the storage client: StoreError, Azure RestError, or a network failure. */
export function isStorageFault(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code, cause } = err as { name?: unknown; code?: unknown; cause?: unknown };
  if (name === 'StoreError' || name === 'RestError') return true;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  return cause !== undefined && cause !== err && isStorageFault(cause);
}
