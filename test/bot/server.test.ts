import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Writable } from 'node:stream';
import { ActivityHandler, type AdaptiveCardInvokeResponse } from 'botbuilder';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startServer, type RunningServer } from '../../src/bot/server.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';
import { cardAction, message, personalConversationId, postActivity } from '../support/teamsActivity.ts';

const sam = { aadObjectId: '00000000-0000-4000-8000-00000000aa01', name: 'Sam Jones' };

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      if (context.activity.text === 'break') throw new Error('database password=hunter2 unreachable');
      await context.sendActivity(`You said: ${context.activity.text}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: Parameters<ActivityHandler['run']>[0]): Promise<AdaptiveCardInvokeResponse> {
    const value = context.activity.value as { action: { verb: string } };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `answered ${value.action.verb}` }] } };
  }
}

let connector: TestConnector;
let server: RunningServer;
const logLines: string[] = [];

beforeAll(async () => {
  connector = await startConnector();
  const logSink = new Writable({ write(chunk: Buffer, _enc, done) { logLines.push(chunk.toString()); done(); } });
  server = await startServer({ config: loadConfig({ PORT: '0' }), bot: new EchoBot(), logger: createLogger('info', logSink) });
});
afterAll(async () => {
  await server.close();
  await connector.close();
});
beforeEach(() => connector.clear());

const origin = () => ({ serviceUrl: connector.url });

describe('the bot server', () => {
  it('answers health checks', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('listens only on loopback in local mode: bound to 127.0.0.1, refused on every other address', async () => {
    expect(server.host).toBe('127.0.0.1');
    const others = Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal && i.family === 'IPv4').map((i) => i?.address ?? '');
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect(server.port, address);
        socket.once('connect', () => { socket.destroy(); resolve(true); });
        socket.once('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it("Sam's message reaches the bot and the bot's reply reaches Teams", async () => {
    const activity = message(origin(), sam, "what's overdue");
    const response = await postActivity(server.url, activity);
    expect(response.status).toBe(200);
    const reply = await connector.waitFor(() => connector.sentTo(personalConversationId(sam))[0]);
    expect(reply.kind).toBe('reply');
    expect(reply.replyToId).toBe(activity.id);
    expect(reply.body.text).toBe("You said: what's overdue");
  });

  it('a card button (Action.Execute) gets the replacement card in the HTTP answer', async () => {
    const response = await postActivity(server.url, cardAction(origin(), sam, 'done', { planId: 'p', actionId: 'a' }));
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('answered done');
  });

  it('refuses bodies that are not JSON, are malformed or are too large', async () => {
    const post = (body: string, type: string) => fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('hello', 'text/plain')).status).toBe(415);
    expect((await post('{"type":', 'application/json')).status).toBe(400);
    expect((await post('[1,2]', 'application/json')).status).toBe(400);
    expect((await post(JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }), 'application/json')).status).toBe(413);
    expect(connector.calls).toEqual([]);
  });

  it('when a turn fails the person is told and the log keeps the error without secrets from the request', async () => {
    logLines.length = 0;
    const activity = { ...message(origin(), sam, 'break') };
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-123' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBeGreaterThanOrEqual(200);
    const apology = await connector.waitFor(() => connector.sentTo(personalConversationId(sam))[0]);
    expect(String(apology.body.text)).toMatch(/something went wrong/);
    const log = logLines.join('');
    expect(log).toContain('turn failed');
    expect(log).not.toContain('secret-token-123');
  });
});
