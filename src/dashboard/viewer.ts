// Who is looking at the dashboard, and which plans they may see. Outside local mode the person comes
// from the tab's sign-on token; in local mode (127.0.0.1 only) from the person picked in the local
// chat (?as=<id>), or nobody picked: the demo's operator, who sees everything.
import type { IncomingMessage } from 'node:http';
import { callerFrom, type Caller } from '../app/caller.ts';
import type { Directory } from '../app/directory.ts';
import type { Settings } from '../app/services.ts';
import { roleKey } from '../domain/owners.ts';
import type { PlanSummary } from '../domain/ports.ts';
import { TabTokenError, type TabViewer } from './tabToken.ts';

/** A person, or the local demo's operator (local mode only). */
export type Viewer =
  | { kind: 'operator' }
  | { kind: 'person'; caller: Caller; tenantId: string };

/** Finds the viewer of a request; throws ViewerRefused (→ 401) when there is none. */
export type ViewerOf = (req: IncomingMessage, directory: Directory) => Promise<Viewer>;

/** No valid sign-on: the reason is for the log only. */
export class ViewerRefused extends Error {}

/** Outside local mode: the person named by a valid tab token. */
export function signedInViewer(check: (authorization: string | undefined) => Promise<TabViewer>, settings: Settings): ViewerOf {
  return async (req, directory) => {
    try {
      const who = await check(req.headers.authorization);
      return { kind: 'person', caller: callerFrom(who.id, who.name, directory, settings), tenantId: who.tenantId };
    } catch (err) {
      if (err instanceof TabTokenError) throw new ViewerRefused(err.message);
      throw err;
    }
  };
}

/** Local mode: the person picked in the local chat (?as= on the page, x-viewer on its requests). */
export function localViewer(settings: Settings, tenantId = 'local'): ViewerOf {
  return async (req, directory) => {
    // A page elsewhere could point a host name at 127.0.0.1 (DNS rebinding): only this machine's names.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? '')) throw new ViewerRefused('not a local host name');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const header = req.headers['x-viewer'];
    const id = (typeof header === 'string' ? header : url.searchParams.get('as') ?? '').trim();
    if (!id) return { kind: 'operator' };
    const person = directory.person(id);
    if (!person) throw new ViewerRefused('no such person');
    return { kind: 'person', caller: callerFrom(person.id, person.name, directory, settings), tenantId: person.tenantId || tenantId };
  };
}

/**
 * The plans a viewer sees: the operator all; the commissioner and admins every plan; anyone else the
 * plans in which they hold a role. (To be answered by src/app/access.ts once it lands.)
 */
export function visiblePlanIds(viewer: Viewer, directory: Directory): Set<string> {
  if (viewer.kind === 'operator') return new Set(directory.plans.map((p) => p.id));
  const { caller } = viewer;
  const tenantOk = (plan: PlanSummary): boolean => {
    const tenant = (plan as PlanSummary & { tenantId?: string }).tenantId;
    return !tenant || tenant === viewer.tenantId;
  };
  const mine = new Set(caller.roles.map(roleKey));
  return new Set(directory.plans
    .filter(tenantOk)
    .filter((plan) => caller.isLead || caller.isAdmin || plan.roles.some((r) => mine.has(roleKey(r.name))))
    .map((p) => p.id));
}

/** Whether the viewer may chase, reassign, accept a delay or close an action of this plan. */
export function mayEscalate(viewer: Viewer, planId: string, directory: Directory): boolean {
  if (viewer.kind === 'operator') return false;
  return visiblePlanIds(viewer, directory).has(planId) && (viewer.caller.isLead || viewer.caller.isAdmin);
}

/** The viewer's name for the page. */
export function viewerName(viewer: Viewer): string {
  return viewer.kind === 'operator' ? 'local demo (everyone)' : viewer.caller.name;
}
