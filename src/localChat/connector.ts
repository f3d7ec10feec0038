// The Bot Connector side of the local channel: the bot sends, replies and updates at its serviceUrl,
// which is this server, and each message lands in the person's chat on the page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import { sendJson } from '../dashboard/web.ts';
import { filesOf } from './fileCards.ts';
import type { ChatFiles } from './fileRoutes.ts';
import { readJson } from './http.ts';
import { cardsOf, type Transcript } from './transcript.ts';

const SEND = /^\/v3\/conversations\/([^/]+)\/activities\/?$/;
const ONE = /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/;

function notFound(res: ServerResponse, message: string): void {
  sendJson(res, 404, { error: { code: 'NotFound', message } });
}

/** Answers a /v3/… request from the bot as the Teams connector would. */
export async function serveConnector(req: IncomingMessage, res: ServerResponse, transcript: Transcript, files: ChatFiles): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const send = SEND.exec(path);
  const one = ONE.exec(path);
  if (req.method === 'POST' && (send || one)) {
    const conversationId = decodeURIComponent((send ?? one)?.[1] ?? '');
    const activity = (await readJson(req)) as Partial<Activity>;
    const id = transcript.nextId();
    // Typing indicators and other non-messages are accepted and not shown.
    if (activity.type === 'message') {
      const shown = filesOf(activity, files.local);
      files.noteConsent(conversationId, id, activity);
      transcript.add({
        id, conversationId, from: 'bot',
        text: typeof activity.text === 'string' && activity.text !== '' ? activity.text : null,
        cards: cardsOf(activity),
        ...(shown.length > 0 ? { files: shown } : {}),
        replyToId: one ? decodeURIComponent(one[2] ?? '') : null,
        at: new Date().toISOString(),
      });
    }
    sendJson(res, 201, { id });
    return;
  }
  if (req.method === 'PUT' && one) {
    const conversationId = decodeURIComponent(one[1] ?? '');
    const activityId = decodeURIComponent(one[2] ?? '');
    const activity = (await readJson(req)) as Partial<Activity>;
    const text = typeof activity.text === 'string' && activity.text !== '' ? activity.text : null;
    if (!transcript.replace(conversationId, activityId, text, cardsOf(activity))) {
      notFound(res, `no activity ${activityId} in ${conversationId}`);
      return;
    }
    sendJson(res, 200, { id: activityId });
    return;
  }
  notFound(res, `${req.method ?? ''} ${path} is not a connector route here`);
}
