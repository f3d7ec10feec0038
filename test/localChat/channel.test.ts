// The local chat's server is the bot's channel and connector: what it posts looks like Teams, what the
// bot sends lands in the right chat, and card answers come back the way Teams shows them.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationReference } from 'botbuilder';
import { cardActionActivity, installActivity, messageActivity, personalConversationId } from '../../src/localChat/teamsActivity.ts';
import type { ChatEntry } from '../../src/localChat/transcript.ts';
import { entryText, jane, monday, pageApi, robin, sam, startChatDemo, tenantId, type ChatDemo } from './fixture.ts';

let demo: ChatDemo;
beforeAll(async () => { demo = await startChatDemo('localchat'); });
afterAll(async () => demo?.close());

const chatOf = async (personId: string): Promise<ChatEntry[]> => (await pageApi<ChatEntry[]>(demo.chat, `/api/chat?person=${personId}`)).body;
const cardAbout = async (personId: string, text: string): Promise<ChatEntry | undefined> =>
  (await chatOf(personId)).find((e) => e.from === 'bot' && e.cards.length > 0 && entryText(e).includes(text));

/** A raw request, so the Host header can be set. */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(body);
  });
}

describe('what the page posts to the bot looks like Teams', () => {
  const origin = { serviceUrl: 'http://127.0.0.1:1/', tenantId };

  it('a typed message comes from the person on msteams, in their personal chat, in the tenant', () => {
    const activity = messageActivity(origin, sam, "what's overdue?");
    expect(activity).toMatchObject({
      type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', text: "what's overdue?",
      from: { id: `29:${sam.id}`, aadObjectId: sam.id, name: 'Sam Patel' },
      conversation: { id: `a:1${sam.id}`, conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
    });
  });

  it('a button press is an adaptiveCard/action invoke replying to the card', () => {
    const activity = cardActionActivity(origin, sam, 'done', { planId: 'p', actionId: 'a' }, 'msg-7');
    expect(activity).toMatchObject({
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'msg-7',
      value: { action: { type: 'Action.Execute', verb: 'done', data: { planId: 'p', actionId: 'a' } }, trigger: 'manual' },
    });
    expect(installActivity(origin, sam)).toMatchObject({ type: 'installationUpdate', action: 'add', from: { aadObjectId: sam.id } });
  });
});

describe('the local chat plays Teams for the demo people', () => {
  it('installs the bot for everyone at start: each is greeted and can be reached at the page', async () => {
    for (const person of [jane, sam, robin]) {
      const [greeting] = await chatOf(person.id);
      expect(greeting?.from).toBe('bot');
      expect(entryText(greeting!)).toContain(`Hello ${person.name}`);
      const reference = (await demo.store.people.conversationOf(person.id)) as Partial<ConversationReference>;
      expect(reference.serviceUrl).toBe(`${demo.chat.url}/`);
      expect(reference.channelId).toBe('msteams');
      expect(reference.conversation).toMatchObject({ id: personalConversationId(person.id), tenantId });
    }
  });

  it('the sweep control sends the reminders of the chosen day to the owners’ chats', async () => {
    const sweep = await pageApi<{ today: string; sent: number }>(demo.chat, '/api/sweep', { date: monday });
    expect(sweep.status).toBe(200);
    expect(sweep.body.today).toBe(monday);
    expect(sweep.body.sent).toBe(3);
    expect(await cardAbout(sam.id, 'Agree the needs assessment')).toBeDefined();
    expect(await cardAbout(robin.id, 'treatment plan')).toBeDefined();
    const state = await pageApi<{ today: string; people: { id: string; roles: string[] }[] }>(demo.chat, '/api/state');
    expect(state.body.today).toBe(monday);
    expect(state.body.people.find((p) => p.id === sam.id)?.roles).toEqual(['SMLO']);
  });

  it('Delayed with a date and a reason replaces the card with the new date', async () => {
    const card = await cardAbout(sam.id, 'Agree the needs assessment');
    const answer = await pageApi(demo.chat, '/api/press', {
      personId: sam.id, activityId: card!.id, verb: 'delayed',
      // The version the card carries: a press without one is stale and changes nothing.
      data: { planId: 'testshire-2025', actionId: 'act-1-1', occurrence: '2025-06-09', dueDate: '2025-06-09', newDate: '2025-07-15', reason: 'waiting for the census data', version: (await demo.store.actions.get('testshire-2025', 'act-1-1'))!.etag },
    });
    expect(answer.status).toBe(200);
    const replaced = (await chatOf(sam.id)).find((e) => e.id === card!.id)!;
    expect(entryText(replaced)).toContain('Delayed to Tue 15 Jul 2025');
    expect(entryText(replaced)).toContain('Sam Patel');
    expect(entryText(replaced)).toContain('waiting for the census data');
    expect((await demo.store.actions.get('testshire-2025', 'act-1-1'))?.progress).toMatchObject({ status: 'delayed', dueDate: '2025-07-15' });
  });

  it('an answer the bot refuses shows its message and leaves the card as it was', async () => {
    const card = await cardAbout(robin.id, 'treatment plan');
    await pageApi(demo.chat, '/api/press', { personId: robin.id, activityId: card!.id, verb: 'delayed', data: { planId: 'testshire-2025', actionId: 'act-1-2' } });
    const chat = await chatOf(robin.id);
    expect(chat.find((e) => e.id === card!.id)?.cards).toEqual(card!.cards);
    expect(chat.at(-1)).toMatchObject({ from: 'notice' });
    expect(chat.at(-1)?.text).toMatch(/could not be used|Nothing was changed/);
  });

  it('Blocked from one owner’s card replaces every owner’s copy (the bot updates them in place)', async () => {
    const samsCard = await cardAbout(sam.id, 'treatment plan');
    const robinsCard = await cardAbout(robin.id, 'treatment plan');
    await pageApi(demo.chat, '/api/press', {
      personId: sam.id, activityId: samsCard!.id, verb: 'blocked',
      data: { planId: 'testshire-2025', actionId: 'act-1-2', occurrence: '2025-05-05', dueDate: '2025-05-05', blockedReason: 'no venue', version: (await demo.store.actions.get('testshire-2025', 'act-1-2'))!.etag },
    });
    const robinsNow = (await chatOf(robin.id)).find((e) => e.id === robinsCard!.id)!;
    expect(entryText(robinsNow)).toContain('Blocked');
    expect(entryText(robinsNow)).toContain('no venue');
  });

  it('a typed question is answered in the same chat', async () => {
    await pageApi(demo.chat, '/api/say', { personId: jane.id, text: "what's overdue?" });
    const chat = await chatOf(jane.id);
    expect(chat.at(-2)).toMatchObject({ from: 'person', text: "what's overdue?" });
    expect(entryText(chat.at(-1)!)).toContain('Hold the annual review with providers');
  });
});

describe('the connector routes answer the bot as Teams does', () => {
  const conversation = encodeURIComponent(personalConversationId(jane.id));

  it('a send gets an id and shows in the chat; an update replaces it; an unknown one is 404', async () => {
    const post = await fetch(`${demo.chat.url}/v3/conversations/${conversation}/activities`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'first words' }),
    });
    expect(post.status).toBe(201);
    const { id } = (await post.json()) as { id: string };
    expect((await chatOf(jane.id)).find((e) => e.id === id)?.text).toBe('first words');
    const put = await fetch(`${demo.chat.url}/v3/conversations/${conversation}/activities/${id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', id, text: 'second words' }),
    });
    expect(put.status).toBe(200);
    expect((await chatOf(jane.id)).find((e) => e.id === id)?.text).toBe('second words');
    const missing = await fetch(`${demo.chat.url}/v3/conversations/${conversation}/activities/nope`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'x' }),
    });
    expect(missing.status).toBe(404);
  });

  it('refuses requests naming another host, and form posts from other sites', async () => {
    const body = JSON.stringify({ date: monday });
    expect(await rawPost(`${demo.chat.url}/api/sweep`, { host: 'evil.example', 'content-type': 'application/json' }, body)).toBe(403);
    expect(await rawPost(`${demo.chat.url}/api/sweep`, { 'content-type': 'text/plain' }, body)).toBe(415);
    expect((await pageApi(demo.chat, '/api/sweep', { date: '2025-02-30' })).status).toBe(400);
  });
});
