// The dashboard's read-only routes under /dashboard: the page, its data, an action's history and the
// CSV export. Plain node:http handlers, so the local chat serves them and the bot server can mount them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type restify from 'restify';
import type { Clock } from '../app/services.ts';
import { londonDate } from '../domain/calendar.ts';
import type { Store } from '../domain/ports.ts';
import { actionsCsv } from './actionsCsv.ts';
import { dashboardView } from './dashboardData.ts';
import { sendBody, sendJson, sendWebFile, typeOf } from './web.ts';

/** What the dashboard reads. */
export interface DashboardOptions {
  store: Store;
  clock: Clock;
  /**
   * Who may look. The bot's server faces the internet in a real deployment: mount it there only
   * behind a check like this (or a proxy that signs people in). Default: everyone.
   */
  authorize?: (req: IncomingMessage) => boolean;
}

const ASSETS: Record<string, string> = { 'dashboard.js': 'dashboard.js', 'style.css': 'style.css' };

/** Answers a /dashboard request; false when the path is not the dashboard's. */
export async function serveDashboard(req: IncomingMessage, res: ServerResponse, options: DashboardOptions): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '/dashboard' && !path.startsWith('/dashboard/')) return false;
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: 'the dashboard is read-only' });
    return true;
  }
  if (options.authorize && !options.authorize(req)) {
    sendJson(res, 403, { error: 'not allowed' });
    return true;
  }
  const today = londonDate(options.clock.now());
  const sub = path.slice('/dashboard'.length);
  if (sub === '') await sendWebFile(res, 'dashboard.html');
  else if (sub === '/data.json') sendJson(res, 200, await dashboardView(options.store, today));
  else if (sub === '/history.json') {
    const planId = url.searchParams.get('plan') ?? '';
    const actionId = url.searchParams.get('action') ?? '';
    if (!planId || !actionId) sendJson(res, 400, { error: 'plan and action are needed' });
    else sendJson(res, 200, await options.store.actions.history(planId, actionId));
  } else if (sub === '/actions.csv') {
    sendBody(res, 200, typeOf('x.csv'), await actionsCsv(options.store, today), { 'content-disposition': `attachment; filename="actions-${today}.csv"` });
  } else if (sub.startsWith('/assets/') && ASSETS[sub.slice('/assets/'.length)]) {
    await sendWebFile(res, ASSETS[sub.slice('/assets/'.length)] as string);
  } else sendJson(res, 404, { error: 'not found' });
  return true;
}

/**
 * Mounts the dashboard on the bot's restify server (use as RuntimeOptions.extraRoutes). The store is
 * opened inside startRuntime, after routes are declared, so options may be given late by a function.
 */
export function mountDashboard(options: DashboardOptions | (() => DashboardOptions | undefined)): (server: restify.Server) => void {
  return (server) => {
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      const current = typeof options === 'function' ? options() : options;
      if (!current) {
        sendJson(res, 503, { error: 'starting up' });
        return;
      }
      try {
        await serveDashboard(req, res, current);
      } catch {
        if (!res.headersSent) sendJson(res, 500, { error: 'the dashboard could not read the plans' });
      }
    };
    server.get('/dashboard', handler);
    server.get('/dashboard/*', handler);
  };
}
