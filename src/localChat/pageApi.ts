// What the chat page asks of its server: who can be played, each chat so far, live events, and the
// things a person does in Teams (type, press a card button, send a file, answer a file consent card)
// plus the demo's sweep control.
import { unescapeCardText } from '../cards/markdown.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadDirectory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import type { Messenger } from '../bot/messenger.ts';
import { sendJson } from '../dashboard/web.ts';
import { isValidIsoDate, londonDate } from '../domain/calendar.ts';
import { runBriefing, weekOf } from '../scheduler/briefing.ts';
import { runSweep } from '../scheduler/sweep.ts';
import { nineInLondon, type DemoClock } from './demoClock.ts';
import { answerConsent, sendFile, type ChatFiles } from './fileRoutes.ts';
import { heapSnapshot, memoryFigures } from './memory.ts';
import { readJson, RequestError, stringField } from './http.ts';
import { cardActionActivity, cardSubmitActivity, messageActivity, personalConversationId, postToBot, readReceiptActivity, type ChatOrigin, type ChatPerson } from './teamsActivity.ts';
import type { Transcript } from './transcript.ts';

/** What the page's routes work with. */
export interface PageContext {
  services: Services;
  messenger: Messenger;
  transcript: Transcript;
  people: ChatPerson[];
  origin: ChatOrigin;
  botUrl: string;
  files: ChatFiles;
  /** When given, "sweep at a date" moves the bot's clock there too. */
  clock?: DemoClock;
  /** The week (its Monday) the weekly briefing last ran for. */
  briefedWeek?: string;
}

function personOf(ctx: PageContext, id: unknown): ChatPerson {
  const person = ctx.people.find((p) => p.id === id);
  if (!person) throw new RequestError(404, 'no such person in the demo');
  return person;
}

/** The people to play, with the roles they hold now, and the bot's "today". */
async function state(ctx: PageContext): Promise<object> {
  const directory = await loadDirectory(ctx.services.store);
  return {
    today: londonDate(ctx.services.clock.now()),
    people: ctx.people.map((p) => ({ ...p, roles: directory.rolesOf(ctx.origin.tenantId, p.id), conversationId: personalConversationId(p.id) })),
  };
}

async function say(ctx: PageContext, body: Record<string, unknown>): Promise<object> {
  const person = personOf(ctx, body.personId);
  const text = stringField(body, 'text');
  const activity = messageActivity(ctx.origin, person, text);
  const conversationId = personalConversationId(person.id);
  ctx.transcript.add({ id: activity.id, conversationId, from: 'person', text, cards: [], replyToId: null, at: new Date().toISOString() });
  const answer = await postToBot(ctx.botUrl, activity);
  if (answer.status >= 300) ctx.transcript.notice(conversationId, `The bot answered HTTP ${answer.status}.`);
  return { status: answer.status };
}

/** The card pressed and its data, checked: the card must be in the person's own chat. */
function pressOf(ctx: PageContext, body: Record<string, unknown>): { person: ChatPerson; activityId: string; data: Record<string, unknown>; conversationId: string } {
  const person = personOf(ctx, body.personId);
  const activityId = stringField(body, 'activityId', 200);
  const data = body.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new RequestError(400, 'data must be an object');
  const conversationId = personalConversationId(person.id);
  if (!ctx.transcript.find(conversationId, activityId)) throw new RequestError(404, 'no such card in this chat');
  return { person, activityId, data: data as Record<string, unknown>, conversationId };
}

/** An Action.Submit (the import preview's buttons): a message with the data; the bot answers in the chat. */
async function submit(ctx: PageContext, body: Record<string, unknown>): Promise<object> {
  const { person, activityId, data, conversationId } = pressOf(ctx, body);
  const answer = await postToBot(ctx.botUrl, cardSubmitActivity(ctx.origin, person, data, activityId));
  if (answer.status >= 300) ctx.transcript.notice(conversationId, `The bot answered HTTP ${answer.status}.`, activityId);
  return { status: answer.status };
}

/** An Action.Execute: the invoke response replaces the card in place, or shows its message. */
async function press(ctx: PageContext, body: Record<string, unknown>): Promise<object> {
  const verb = stringField(body, 'verb', 100);
  const { person, activityId, data, conversationId } = pressOf(ctx, body);
  const answer = await postToBot(ctx.botUrl, cardActionActivity(ctx.origin, person, verb, data, activityId));
  const response = answer.body as { statusCode?: number; type?: string; value?: unknown } | null;
  const notice = (text: string): void => { ctx.transcript.notice(conversationId, text, activityId); };
  if (answer.status >= 300 || !response || (response.statusCode ?? 200) >= 300) {
    notice(`The bot could not take that answer (HTTP ${answer.status}${response?.statusCode ? `, ${response.statusCode}` : ''}).`);
  } else if (response.type === 'application/vnd.microsoft.card.adaptive' && response.value && typeof response.value === 'object') {
    ctx.transcript.replace(conversationId, activityId, null, [unescapeCardText(response.value) as object]);
  } else if (response.type === 'application/vnd.microsoft.activity.message' && typeof response.value === 'string') {
    notice(response.value);
  }
  return { status: answer.status, type: response?.type ?? null };
}

/** The page showed a bot message to the person: a read receipt, as Teams sends when a message is read. */
async function read(ctx: PageContext, body: Record<string, unknown>): Promise<object> {
  const person = personOf(ctx, body.personId);
  const activityId = stringField(body, 'activityId', 200);
  if (!ctx.transcript.find(personalConversationId(person.id), activityId)) throw new RequestError(404, 'no such message in this chat');
  const answer = await postToBot(ctx.botUrl, readReceiptActivity(ctx.origin, person, activityId));
  return { status: answer.status };
}

async function sweep(ctx: PageContext, body: Record<string, unknown>): Promise<object> {
  const date = body.date;
  if (date !== undefined && date !== null && (typeof date !== 'string' || !isValidIsoDate(date))) throw new RequestError(400, 'date must be YYYY-MM-DD');
  let at = ctx.services.clock.now();
  if (typeof date === 'string') {
    ctx.clock?.setDay(date);
    at = ctx.clock ? ctx.clock.now() : nineInLondon(date);
  }
  const report = await runSweep(ctx.services, ctx.messenger, at);
  // The demo has no Monday cron: the commissioner's weekly briefing goes with the first sweep of each week.
  // The reminders have gone by then: a failed briefing is said beside them, not as a failed sweep.
  // It runs once per week, as the Monday cron does: every plan is read whole for it, which at 100,000
  // stored actions costs more than the sweep. A failed one is tried again the next week.
  let briefings = 0;
  let briefingError: string | null = null;
  const week = weekOf(report.today);
  if (ctx.briefedWeek !== week) {
    ctx.briefedWeek = week;
    try {
      briefings = await runBriefing(ctx.services, ctx.messenger, at);
    } catch (err) {
      briefingError = (err as Error).message;
      ctx.services.logger.error({ err: { message: briefingError } }, 'local chat: the weekly briefing failed');
    }
  }
  return { today: report.today, due: report.due, sent: report.sent, items: report.items, briefings, briefingError, skipped: report.skipped, failed: report.failed, unheldRoles: report.unheldRoles, unreachable: report.unreachable };
}

/** Server-sent events: every chat change, as JSON. */
function events(ctx: PageContext, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const stop = ctx.transcript.subscribe((event) => { res.write(`data: ${JSON.stringify(event)}\n\n`); });
  const beat = setInterval(() => res.write(': beat\n\n'), 15_000);
  req.on('close', () => { stop(); clearInterval(beat); });
}

/** Answers /api/… requests from the page. */
export async function servePageApi(req: IncomingMessage, res: ServerResponse, ctx: PageContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method ?? ''} ${url.pathname}`;
  if (route === 'GET /api/state') sendJson(res, 200, await state(ctx));
  else if (route === 'GET /api/chat') sendJson(res, 200, ctx.transcript.list(personalConversationId(personOf(ctx, url.searchParams.get('person')).id)));
  else if (route === 'GET /api/events') events(ctx, req, res);
  else if (route === 'POST /api/say') sendJson(res, 200, await say(ctx, await readJson(req)));
  else if (route === 'POST /api/submit') sendJson(res, 200, await submit(ctx, await readJson(req)));
  else if (route === 'POST /api/press') sendJson(res, 200, await press(ctx, await readJson(req)));
  else if (route === 'POST /api/read') sendJson(res, 200, await read(ctx, await readJson(req)));
  else if (route === 'POST /api/file') sendJson(res, 200, await sendFile(ctx, req, personOf(ctx, url.searchParams.get('person')), url.searchParams.get('name')));
  else if (route === 'POST /api/consent') {
    const body = await readJson(req);
    sendJson(res, 200, await answerConsent(ctx, personOf(ctx, body.personId), body));
  } else if (route === 'POST /api/sweep') sendJson(res, 200, await sweep(ctx, await readJson(req)));
  // The bot's own memory, for the soak bench (?gc=1: after a full collection) and a heap snapshot to look into it.
  else if (route === 'GET /api/memory') sendJson(res, 200, memoryFigures(url.searchParams.get('gc') === '1'));
  else if (route === 'POST /api/heap-snapshot') {
    await readJson(req); // JSON only: another site's page cannot post that without a preflight it fails
    sendJson(res, 200, { file: heapSnapshot() });
  }
  else sendJson(res, 404, { error: 'not found' });
}
