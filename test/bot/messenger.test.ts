import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationReference } from 'botbuilder';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createAdapter } from '../../src/bot/server.ts';
import { BotMessenger, SendError } from '../../src/bot/messenger.ts';
import { Pacer, teamsLimits } from '../../src/bot/pacing.ts';
import { startConnector, type TestConnector } from '../support/connector.ts';

let connector: TestConnector;
const adapter = createAdapter(loadConfig({}), createLogger('silent'));

beforeAll(async () => { connector = await startConnector(); });
afterAll(async () => { await connector.close(); });
beforeEach(() => connector.clear());

function chatWith(person: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: `a:1${person}`, conversationType: 'personal', isGroup: false, name: '', tenantId: 'tenant-1' },
    bot: { id: '28:actionbot', name: 'actionbot' },
    user: { id: `29:${person}`, name: person },
  };
}

const reminder = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Review the needs assessment' }] };
const answered = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Done' }] };
const fast = (extra: Partial<ConstructorParameters<typeof BotMessenger>[1]> = {}) =>
  new BotMessenger(adapter, { appId: '', limits: teamsLimits(50), backoffMs: 50, ...extra });

async function failureOf(promise: Promise<unknown>): Promise<SendError> {
  const outcome = await promise.then(() => undefined, (error: unknown) => error);
  expect(outcome).toBeInstanceOf(SendError);
  return outcome as SendError;
}

describe('proactive reminders', () => {
  it('the SMLO gets the reminder as a new message carrying the Adaptive Card', async () => {
    const { activityId } = await fast().send(chatWith('smlo'), reminder);
    const [call] = connector.sentTo('a:1smlo');
    expect(call?.kind).toBe('send');
    expect(call?.activityId).toBe(activityId);
    expect(call?.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: reminder }]);
  });

  it('an answered reminder is replaced in place', async () => {
    const messenger = fast();
    const { activityId } = await messenger.send(chatWith('smlo'), reminder);
    await messenger.update(chatWith('smlo'), activityId, answered);
    const update = connector.sentTo('a:1smlo').find((c) => c.kind === 'update');
    expect(update?.method).toBe('PUT');
    expect(update?.activityId).toBe(activityId);
    expect(update?.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: answered }]);
  });

  it('when Teams throttles (429, Retry-After: 1) past botbuilder’s own retries, the messenger waits and the card still arrives', async () => {
    // botbuilder tries four times itself; the fifth try is the messenger's.
    connector.fail({ status: 429, retryAfter: 1, times: 4 });
    const started = Date.now();
    await fast().send(chatWith('busy'), reminder);
    expect(connector.calls.filter((c) => c.status === 429)).toHaveLength(4);
    expect(connector.sentTo('a:1busy')).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_500);
  });

  it('a person who blocked the bot (403 MessageWritesBlocked) is unreachable, without retries', async () => {
    connector.fail({ status: 403, code: 'MessageWritesBlocked' });
    const failure = await failureOf(fast().send(chatWith('gone'), reminder));
    expect(failure.kind).toBe('unreachable');
    expect(failure.code).toBe('MessageWritesBlocked');
    expect(connector.calls).toHaveLength(1);
  });

  it('a conversation Teams no longer knows (404) is unreachable', async () => {
    connector.fail({ status: 404 });
    expect((await failureOf(fast().send(chatWith('left'), reminder))).kind).toBe('unreachable');
  });

  it('a card Teams refuses (400) is rejected and not sent again', async () => {
    connector.fail({ status: 400, code: 'BadArgument' });
    const failure = await failureOf(fast().send(chatWith('smlo'), reminder));
    expect(failure.kind).toBe('rejected');
    expect(failure.status).toBe(400);
    expect(connector.calls).toHaveLength(1);
  });

  it('a send with no answer is given up as transient and not repeated (it may have arrived); an update is retried', async () => {
    connector.fail({ status: 200, delayMs: 1_500 });
    const messenger = fast({ attemptTimeoutMs: 300 });
    const failure = await failureOf(messenger.send(chatWith('slow'), reminder));
    expect(failure.kind).toBe('transient');
    await connector.waitFor(() => connector.calls.length === 1);

    connector.clear();
    connector.fail({ status: 200, delayMs: 1_500, when: (c) => c.kind === 'update' });
    await messenger.update(chatWith('slow'), 'activity-9', answered);
    await connector.waitFor(() => connector.calls.filter((c) => c.kind === 'update').length === 2, 3_000);
  });

  it('a burst of 20 reminders to one person is paced to about 7 a second', async () => {
    const messenger = fast();
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => messenger.send(chatWith('burst'), reminder)));
    const elapsed = Date.now() - started;
    expect(connector.sentTo('a:1burst')).toHaveLength(20);
    expect(elapsed).toBeGreaterThanOrEqual(2_500);
  });
});

describe('the test connector', () => {
  it('creates a one-to-one chat for a person who has never talked to the bot, and the card goes there', async () => {
    let reference: Partial<ConversationReference> | undefined;
    await adapter.createConversationAsync('', 'msteams', connector.url, '', {
      isGroup: false, bot: { id: '28:actionbot', name: 'actionbot' }, members: [{ id: '29:new-person', name: 'New Person' }],
      tenantId: 'tenant-1', channelData: { tenant: { id: 'tenant-1' } },
    }, async (context) => { reference = context.activity.conversation ? { ...chatWith('x'), conversation: context.activity.conversation } : undefined; });
    const created = connector.calls.find((c) => c.kind === 'create');
    expect(created?.body.members).toEqual([{ id: '29:new-person', name: 'New Person' }]);
    expect(reference?.conversation?.id).toBe(created?.conversationId);
    await fast().send(reference ?? {}, reminder);
    expect(connector.sentTo(created?.conversationId ?? '')).toHaveLength(1);
  });
});

describe('pacing', () => {
  it('holds one conversation to 7 a second but lets other conversations through', () => {
    let now = 0;
    const pacer = new Pacer(teamsLimits(50), () => now);
    const waits = Array.from({ length: 20 }, () => pacer.reserve('a'));
    expect(waits[0]).toBe(0);
    expect(waits[19]).toBeCloseTo((19 / 7) * 1000, 0);
    expect(pacer.reserve('b')).toBeLessThan(100);
    now = 10_000;
    expect(pacer.reserve('a')).toBe(0);
  });

  it('holds all conversations together to the overall rate', () => {
    const pacer = new Pacer(teamsLimits(10), () => 0);
    const waits = Array.from({ length: 30 }, (_, i) => pacer.reserve(`person-${i}`));
    expect(waits.slice(0, 10).every((w) => w === 0)).toBe(true);
    expect(waits[29]).toBeCloseTo(2_000, 0);
  });

  it('a sender that keeps going gets no more than 60 messages into any 30 seconds of one conversation', () => {
    let now = 0;
    const pacer = new Pacer({ perConversation: teamsLimits(50).perConversation, overall: { perSecond: 1_000, burst: 1_000 } }, () => now);
    const sentAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      now += pacer.reserve('a');
      sentAt.push(now);
    }
    const busiest = Math.max(...sentAt.map((start) => sentAt.filter((t) => t >= start && t < start + 30_000).length));
    expect(busiest).toBeLessThanOrEqual(60);
    expect(busiest).toBeGreaterThanOrEqual(55);
  });
});
