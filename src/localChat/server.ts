// The local chat: a page on 127.0.0.1 that plays Teams. Its server is the bot's channel (it posts
// Teams-shaped activities to the bot's /api/messages) and its connector (the bot's serviceUrl), and
// it also serves the dashboard. Local mode only: nothing here authenticates.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { serveDashboard } from '../dashboard/routes.ts';
import { localViewer } from '../dashboard/viewer.ts';
import { sendBody, sendJson, sendWebFile, typeOf } from '../dashboard/web.ts';
import { serveConnector } from './connector.ts';
import type { DemoClock } from './demoClock.ts';
import { ChatFiles, serveFiles } from './fileRoutes.ts';
import { hostAllowed, RequestError } from './http.ts';
import { servePageApi, type PageContext } from './pageApi.ts';
import { installActivity, postToBot, type ChatPerson } from './teamsActivity.ts';
import { Transcript } from './transcript.ts';

/** What the local chat needs. */
export interface LocalChatOptions {
  runtime: Pick<Runtime, 'services' | 'messenger' | 'server'>;
  /** The demo people (the roles file) and their tenant. */
  people: ChatPerson[];
  tenantId: string;
  /** 0 picks a free port. */
  port: number;
  /** The runtime's clock, when the demo may move it. */
  clock?: DemoClock;
  logger?: Logger;
}

/** A running local chat. */
export interface LocalChat {
  url: string;
  port: number;
  transcript: Transcript;
  /** Files sent and received in the chats. */
  files: ChatFiles;
  close(): Promise<void>;
}

/** A file of the renderer's browser build, from node_modules (its lib/ is not loadable as is). */
function rendererFile(name: string): string {
  const pkg = createRequire(import.meta.url).resolve('adaptivecards/package.json');
  return path.join(path.dirname(pkg), 'dist', name);
}

async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
  if (pathname === '/') await sendWebFile(res, 'chat.html');
  else if (pathname.startsWith('/assets/')) await sendWebFile(res, pathname.slice('/assets/'.length));
  else if (pathname === '/vendor/adaptivecards.js') sendBody(res, 200, typeOf('x.js'), await readFile(rendererFile('adaptivecards.min.js')));
  else if (pathname === '/vendor/adaptivecards.css') sendBody(res, 200, typeOf('x.css'), await readFile(rendererFile('adaptivecards.css')));
  else sendJson(res, 404, { error: 'not found' });
}

/** Starts the page's server and installs the bot for every demo person (they get the greeting). */
export async function startLocalChat(options: LocalChatOptions): Promise<LocalChat> {
  const { runtime, logger } = options;
  const transcript = new Transcript();
  const files = new ChatFiles();
  const ctx: PageContext = {
    services: runtime.services, messenger: runtime.messenger, transcript, people: options.people,
    origin: { serviceUrl: '', tenantId: options.tenantId }, botUrl: runtime.server.url, clock: options.clock, files,
  };
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) {
      sendJson(res, 403, { error: 'use http://127.0.0.1 or http://localhost' });
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname.startsWith('/v3/')) await serveConnector(req, res, transcript, files);
    else if (await serveFiles(req, res, files)) return;
    else if (await serveDashboard(req, res, { services: runtime.services, messenger: runtime.messenger, viewer: localViewer(runtime.services.settings) })) return;
    else if (pathname.startsWith('/api/')) await servePageApi(req, res, ctx);
    else if (req.method === 'GET') await serveStatic(res, pathname);
    else sendJson(res, 405, { error: 'method not allowed' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof RequestError ? err.status : 500;
      if (status === 500) logger?.error({ err: { message: (err as Error).message }, url: req.url }, 'local chat request failed');
      if (!res.headersSent) sendJson(res, status, { error: status === 500 ? 'something went wrong; see the log' : (err as Error).message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => { server.removeListener('error', reject); resolve(); });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  ctx.origin.serviceUrl = `${url}/`;
  // The bot replies to this page only (an activity naming any other serviceUrl is refused).
  runtime.server.onlyServiceUrl(ctx.origin.serviceUrl);
  files.origin = url;

  const close = (): Promise<void> => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  try {
    for (const person of options.people) {
      const answer = await postToBot(ctx.botUrl, installActivity(ctx.origin, person));
      if (answer.status >= 300) throw new Error(`the bot refused to install for ${person.name}: HTTP ${answer.status}`);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { url, port, transcript, files, close };
}
