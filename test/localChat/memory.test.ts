// The local chat's own bounds and memory figures: a long local run (a soak year of daily digests)
// keeps each chat to its latest lines, and the bench can read the bot's memory and force a collection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENTRIES_PER_CHAT, Transcript } from '../../src/localChat/transcript.ts';
import { monday, pageApi, startChatDemo, testshirePlan, type ChatDemo } from './fixture.ts';

describe('a chat keeps its latest lines only', () => {
  it('drops the oldest beyond the cap, keeps the newest, and other chats are untouched', () => {
    const transcript = new Transcript();
    const added = Array.from({ length: MAX_ENTRIES_PER_CHAT + 50 }, (_, n) =>
      transcript.add({ conversationId: 'a:1one', from: 'bot', text: `digest ${n}`, cards: [{ type: 'AdaptiveCard' }], replyToId: null, at: '2026-04-01T08:00:00Z' }));
    transcript.add({ conversationId: 'a:1two', from: 'person', text: 'hello', cards: [], replyToId: null, at: '2026-04-01T08:00:00Z' });
    const chat = transcript.list('a:1one');
    expect(chat).toHaveLength(MAX_ENTRIES_PER_CHAT);
    expect(chat[0]?.text).toBe('digest 50');
    expect(chat.at(-1)?.text).toBe(`digest ${MAX_ENTRIES_PER_CHAT + 49}`);
    expect(transcript.find('a:1one', added[0]?.id ?? '')).toBeUndefined();
    expect(transcript.find('a:1one', added.at(-1)?.id ?? '')).toBeDefined();
    expect(transcript.list('a:1two')).toHaveLength(1);
  });

  it('a card that has scrolled out can no longer be replaced (the connector answers 404 for it)', () => {
    const transcript = new Transcript(3);
    const first = transcript.add({ conversationId: 'c', from: 'bot', text: 'first', cards: [], replyToId: null, at: '' });
    for (let n = 0; n < 3; n++) transcript.add({ conversationId: 'c', from: 'bot', text: `later ${n}`, cards: [], replyToId: null, at: '' });
    expect(transcript.replace('c', first.id, 'changed', [])).toBeNull();
    expect(transcript.list('c').map((e) => e.text)).toEqual(['later 0', 'later 1', 'later 2']);
  });
});

describe('the bot reports its own memory to the local page', () => {
  let demo: ChatDemo;
  beforeAll(async () => { demo = await startChatDemo('localmem'); });
  afterAll(async () => demo?.close());

  interface Figures { rssMb: number; heapUsedMb: number; heapTotalMb: number; afterGc: boolean }

  it('gives RSS and heap in MB, and the heap after a full collection when asked', async () => {
    const plain = await pageApi<Figures>(demo.chat, '/api/memory');
    expect(plain.status).toBe(200);
    expect(plain.body.afterGc).toBe(false);
    expect(plain.body.rssMb).toBeGreaterThan(plain.body.heapUsedMb);
    expect(plain.body.heapUsedMb).toBeGreaterThan(1);
    // Garbage made here is gone after the collection the page asks for.
    const held: { garbage: object[] | null } = { garbage: Array.from({ length: 300_000 }, (_, n) => ({ n, text: `line ${n}` })) };
    const withGarbage = (await pageApi<Figures>(demo.chat, '/api/memory')).body.heapUsedMb;
    expect(held.garbage?.length).toBe(300_000);
    held.garbage = null;
    const collected = await pageApi<Figures>(demo.chat, '/api/memory?gc=1');
    expect(collected.body.afterGc).toBe(true);
    expect(collected.body.heapUsedMb).toBeLessThan(withGarbage - 10);
  });

  it('runs the weekly briefing with the first sweep of a week only (it reads every plan whole)', async () => {
    const planId = testshirePlan().id;
    const first = await pageApi<{ briefings: number; briefingError: string | null }>(demo.chat, '/api/sweep', { date: monday });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ briefings: 1, briefingError: null });
    expect((await demo.store.briefings.snapshotBefore(planId, '2025-06-05'))?.asOf).toBe(monday);
    // Tuesday and Wednesday: no second briefing, no second snapshot that week.
    for (const date of ['2025-06-03', '2025-06-04']) expect((await pageApi<{ briefings: number }>(demo.chat, '/api/sweep', { date })).body.briefings).toBe(0);
    expect((await demo.store.briefings.snapshotBefore(planId, '2025-06-05'))?.asOf).toBe(monday);
    // The next Monday: the next week's briefing.
    expect((await pageApi<{ briefings: number }>(demo.chat, '/api/sweep', { date: '2025-06-09' })).body.briefings).toBe(1);
  });

  it('writes a heap snapshot only for a JSON request', async () => {
    const form = await fetch(`${demo.chat.url}/api/heap-snapshot`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(form.status).toBe(415);
  });
});
