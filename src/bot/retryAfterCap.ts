// Teams may answer 429 with a Retry-After of any length. botbuilder's HTTP pipeline waits out whatever
// it is told before retrying, inside the send: "Retry-After: 86400" would hold a sweep for a day (and
// post the message a day late). This policy, placed under botbuilder's retry step, takes a wait above
// the cap out of the answer before the retry step sees it, so the send fails at once as throttled;
// the messenger counts it failed and the next sweep tries again. Waits up to the cap are left alone.
import type { ConnectorClient } from 'botframework-connector';
import { MAX_RETRY_AFTER_MS, RETRY_AFTER_OVER_CAP, retryAfterMs } from './sendError.ts';

/** The parts of @azure/core-rest-pipeline used here (botbuilder's own pipeline). */
interface Headers { get(name: string): string | undefined; set(name: string, value: string): void; delete(name: string): void }
interface Response { status: number; headers: Headers }
interface Policy { name: string; sendRequest(request: unknown, next: (request: unknown) => Promise<Response>): Promise<Response> }
interface Pipeline { addPolicy(policy: Policy, options?: { afterPhase?: string }): void; getOrderedPolicies(): { name: string }[] }

const POLICY = 'actionbot-retry-after-cap';
/** The headers core-rest-pipeline reads a wait from (milliseconds for the first two). */
const WAIT_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after'];

function waitOf(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms))) return Number(ms);
  return retryAfterMs(headers.get('retry-after'));
}

const capPolicy: Policy = {
  name: POLICY,
  async sendRequest(request, next) {
    const response = await next(request);
    if (response.status !== 429 && response.status !== 503) return response;
    const wait = waitOf(response.headers);
    if (wait === undefined || wait <= MAX_RETRY_AFTER_MS) return response;
    for (const header of WAIT_HEADERS) response.headers.delete(header);
    // Kept under another name, so the messenger still knows why (and does not retry at once).
    response.headers.set(RETRY_AFTER_OVER_CAP, String(Math.ceil(wait / 1000)));
    return response;
  },
};

/** Adds the cap to a connector client's pipeline (once); returns the client. */
export function capRetryAfter(client: ConnectorClient): ConnectorClient {
  // ConnectorClient keeps its core-client ServiceClient in a private field; its pipeline is public API.
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) throw new Error('botbuilder connector client without a pipeline: the Retry-After cap cannot be applied');
  if (!pipeline.getOrderedPolicies().some((p) => p.name === POLICY)) pipeline.addPolicy(capPolicy, { afterPhase: 'Retry' });
  return client;
}
