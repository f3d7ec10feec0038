// The dashboard under /dashboard: the page (public: it holds no data), and its data, history, CSV
// export, board report download and escalation presses, each answered only for a viewer: a valid
// tab token outside local mode, the local chat's person in local mode. Plain node:http handlers, so
// the local chat serves them and the bot server mounts them.
import { readableDates } from '../cards/format.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadDirectory, type Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import type { Messenger } from '../domain/messenger.ts';
import { londonDate } from '../domain/calendar.ts';
import { makeReport } from '../report/makeReport.ts';
import { lastEndedQuarter, parseQuarter } from '../report/quarter.ts';
import { writeActionsCsv } from './actionsCsv.ts';
import { leaveOf } from './attention.ts';
import { seenLabels, type SeenSubject } from '../app/overdueNotes.ts';
import { dashboardView } from './dashboardData.ts';
import { ESCALATION_VERBS, runEscalation, type EscalationVerb } from './escalation.ts';
import { commissionerOfWords } from '../app/roleGrants.ts';
import { filterFrom, MAX_OVERDUE, MAX_ROWS } from './filters.ts';
import { mayEscalate, ViewerRefused, viewerName, visiblePlanIds, type Viewer, type ViewerOf } from './viewer.ts';
import { HttpProblem, readJsonBody, sendFile, sendJson, sendVendorFile, sendWebFile, startBody, typeOf, writeChunk } from './web.ts';

/** What the dashboard works with. */
export interface DashboardOptions {
  services: Pick<Services, 'store' | 'clock' | 'settings' | 'logger'>;
  /** Who is looking: signedInViewer outside local mode, localViewer in it. */
  viewer: ViewerOf;
  /** Sends the chase from the page; without it, chasing is refused. */
  messenger?: Messenger;
}

const ASSETS = new Set(['dashboard.js', 'dashboardChart.js', 'dashboardTeams.js', 'dashboardConfig.js', 'style.css']);

interface Asked {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  viewer: Viewer;
  directory: Directory;
  visible: Set<string>;
  options: DashboardOptions;
}

async function data({ res, url, viewer, directory, visible, options }: Asked): Promise<void> {
  const today = londonDate(options.services.clock.now());
  const services = options.services as Services;
  const seen = viewer.kind === 'person' ? (actions: SeenSubject[]) => seenLabels(services, directory, viewer.caller, actions) : undefined;
  const view = await dashboardView(services.store, today, (plan) => visible.has(plan.id), directory, { filter: filterFrom(url.searchParams), rows: MAX_ROWS, overdueShown: MAX_OVERDUE, ...(seen ? { seen } : {}) });
  const plans = view.plans.map((plan) => ({ ...plan, canEscalate: mayEscalate(viewer, plan.id, directory) }));
  const onLeave = await leaveOf(services, directory, viewer, new Set(view.plans.map((p) => p.id)), today);
  const shown = directory.plans.filter((p) => visible.has(p.id));
  const owners = [...new Set(shown.flatMap((p) => p.roles.map((r) => r.name)))].sort((a, b) => a.localeCompare(b));
  const choices = { plans: shown.map((p) => ({ id: p.id, partnership: p.partnership, grids: p.grids.map((g) => ({ number: g.number, title: g.title })) })), owners };
  sendJson(res, 200, { today, viewer: viewerName(viewer), choices, plans, onLeave });
}

async function report({ res, url, visible, directory, options }: Asked): Promise<void> {
  const today = londonDate(options.services.clock.now());
  const planId = url.searchParams.get('plan') ?? '';
  const format = url.searchParams.get('format');
  const q = url.searchParams.get('quarter') ? parseQuarter(url.searchParams.get('quarter') as string, today) : lastEndedQuarter(today);
  if (!visible.has(planId)) return sendJson(res, 404, { error: 'no such plan' });
  if (format !== 'docx' && format !== 'pdf') return sendJson(res, 400, { error: 'format must be docx or pdf' });
  if (!q) return sendJson(res, 400, { error: 'quarter must look like 2026-Q3' });
  const file = await makeReport(options.services.store, directory, planId, q, format, today);
  if (!file) return sendJson(res, 404, { error: 'no such plan' });
  sendFile(res, file.contentType, file.bytes, file.name);
}

async function escalate({ req, res, viewer, directory, visible, options }: Asked): Promise<void> {
  const body = await readJsonBody(req);
  const verb = body.verb as EscalationVerb;
  const planId = typeof body.planId === 'string' ? body.planId : '';
  const actionId = typeof body.actionId === 'string' ? body.actionId : '';
  if (!ESCALATION_VERBS.includes(verb) || !planId || !actionId) return sendJson(res, 400, { error: 'verb, planId and actionId are needed' });
  if (!visible.has(planId)) return sendJson(res, 404, { error: 'that action is not in any plan you can see' });
  if (viewer.kind !== 'person' || !mayEscalate(viewer, planId, directory)) {
    // Say who can, as the chat does: the plan's commissioner by name (the plan is one the viewer sees).
    const plan = directory.plan(planId);
    const who = plan ? `: ${commissionerOfWords(plan, directory, options.services.settings.LEAD_ROLE)}` : '';
    return sendJson(res, 403, { error: `only the plan’s commissioner or an admin can do that${who}` });
  }
  const input = { ...(typeof body.who === 'string' ? { who: body.who } : {}), ...(typeof body.newDate === 'string' ? { newDate: body.newDate } : {}) };
  const outcome = await runEscalation(options.services as Services, options.messenger, directory, viewer.caller, verb, planId, actionId, input);
  options.services.logger.info({ verb, planId, actionId, personId: viewer.caller.id, ok: outcome.ok }, 'dashboard escalation');
  if (outcome.ok) sendJson(res, 200, { message: outcome.message });
  else sendJson(res, outcome.status, { error: outcome.message });
}

async function history({ res, url, visible, options }: Asked): Promise<void> {
  const planId = url.searchParams.get('plan') ?? '';
  const actionId = url.searchParams.get('action') ?? '';
  if (!planId || !actionId) return sendJson(res, 400, { error: 'plan and action are needed' });
  if (!visible.has(planId)) return sendJson(res, 404, { error: 'no such action' });
  // Dates in the history's sentences as people read them ("delayed to Mon 30 Jun 2025"), not ISO.
  sendJson(res, 200, (await options.services.store.actions.history(planId, actionId)).map((c) => ({ ...c, summary: readableDates(c.summary) })));
}

async function csv({ res, visible, directory, options }: Asked): Promise<void> {
  const today = londonDate(options.services.clock.now());
  const { store, logger } = options.services;
  const plans = (await store.plans.listPlans()).filter((plan) => visible.has(plan.id));
  // Streamed a page at a time: once the first rows are out, a failure can only cut the download short.
  startBody(res, 200, typeOf('x.csv'), { 'content-disposition': `attachment; filename="actions-${today}.csv"` });
  // A cancelled download stops reading at once: else it reads on through a page of 500 histories.
  const stop = new AbortController();
  res.once('close', () => stop.abort());
  try {
    await writeActionsCsv(store, directory, today, plans, (text) => writeChunk(res, text), stop.signal);
    res.end();
  } catch (err) {
    logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'CSV export stopped part-way');
    res.destroy();
  }
}

const ROUTES: Record<string, (asked: Asked) => Promise<void>> = {
  'GET /data.json': data, 'GET /history.json': history, 'GET /actions.csv': csv, 'GET /report': report, 'POST /escalate': escalate,
};

/** Answers a /dashboard request; false when the path is not the dashboard's. */
export async function serveDashboard(req: IncomingMessage, res: ServerResponse, options: DashboardOptions): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '/dashboard' && !path.startsWith('/dashboard/')) return false;
  const sub = path.slice('/dashboard'.length);
  if (req.method === 'GET' && sub === '') await sendWebFile(res, 'dashboard.html', { frameable: true });
  else if (req.method === 'GET' && sub === '/config') await sendWebFile(res, 'dashboardConfig.html', { frameable: true });
  else if (req.method === 'GET' && sub.startsWith('/assets/') && ASSETS.has(sub.slice('/assets/'.length))) await sendWebFile(res, sub.slice('/assets/'.length));
  else if (req.method === 'GET' && sub.startsWith('/vendor/')) await sendVendorFile(res, sub.slice('/vendor/'.length));
  else {
    const route = ROUTES[`${req.method ?? ''} ${sub}`];
    let directory: Directory;
    if (!route) {
      const known = Object.keys(ROUTES).some((key) => key.endsWith(` ${sub}`));
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return true;
    }
    let viewer: Viewer;
    try {
      // The sign-on is checked before anything is read from storage.
      const place = await options.viewer(req);
      directory = await loadDirectory(options.services.store);
      viewer = place(directory);
    } catch (err) {
      if (!(err instanceof ViewerRefused)) throw err;
      options.services.logger.warn({ path: sub, reason: err.message }, 'dashboard request refused: no valid sign-on');
      sendJson(res, 401, { error: 'sign-in needed' });
      return true;
    }
    try {
      await route({ req, res, url, viewer, directory, visible: visiblePlanIds(viewer, directory), options });
    } catch (err) {
      if (!(err instanceof HttpProblem)) throw err;
      sendJson(res, err.status, { error: err.message });
    }
  }
  return true;
}
