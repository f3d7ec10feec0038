// Who is looking at the dashboard, and which plans they may see. Outside local mode the person comes
// from the tab's sign-on token; in local mode (127.0.0.1 only) from the person picked in the local
// chat (?as=<id>), or nobody picked: the demo's operator, who sees everything.
import type { IncomingMessage } from 'node:http';
import { mayManagePlan, visiblePlanIds as callerPlanIds } from '../app/access.ts';
import { callerFrom, type Caller } from '../app/caller.ts';
import type { Directory } from '../app/directory.ts';
import type { Settings } from '../app/services.ts';
import { TabTokenError, type TabViewer } from './tabToken.ts';

/** A person, or the local demo's operator (local mode only). */
export type Viewer =
  | { kind: 'operator' }
  | { kind: 'person'; caller: Caller };

/**
 * Finds the viewer of a request in two steps: the sign-on is checked first, with no storage read (a
 * request without a valid token costs nothing and learns nothing), then the person is placed in the
 * directory. Either step throws ViewerRefused (→ 401) when there is nobody.
 */
export type ViewerOf = (req: IncomingMessage) => Promise<(directory: Directory) => Viewer>;

/** No valid sign-on: the reason is for the log only. */
export class ViewerRefused extends Error {}

/** Outside local mode: the person named by a valid tab token. */
export function signedInViewer(check: (authorization: string | undefined) => Promise<TabViewer>, settings: Settings): ViewerOf {
  return async (req) => {
    let who: TabViewer;
    try {
      who = await check(req.headers.authorization);
    } catch (err) {
      if (err instanceof TabTokenError) throw new ViewerRefused(err.message);
      throw err;
    }
    return (directory) => ({ kind: 'person', caller: callerFrom(who.id, who.name, who.tenantId, directory, settings) });
  };
}

/** Local mode: the person picked in the local chat (?as= on the page, x-viewer on its requests). */
export function localViewer(settings: Settings): ViewerOf {
  return async (req) => {
    // A page elsewhere could point a host name at 127.0.0.1 (DNS rebinding): only this machine's names.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? '')) throw new ViewerRefused('not a local host name');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const header = req.headers['x-viewer'];
    const id = (typeof header === 'string' ? header : url.searchParams.get('as') ?? '').trim();
    return (directory) => {
      if (!id) return { kind: 'operator' };
      const person = directory.person(id);
      if (!person) throw new ViewerRefused('no such person');
      return { kind: 'person', caller: callerFrom(person.id, person.name, person.tenantId, directory, settings) };
    };
  };
}

/** The plans a viewer sees: the operator all; a person what src/app/access.ts allows them (as in chat). */
export function visiblePlanIds(viewer: Viewer, directory: Directory): Set<string> {
  return viewer.kind === 'operator' ? new Set(directory.plans.map((p) => p.id)) : callerPlanIds(viewer.caller, directory);
}

/** Whether the viewer may chase, reassign, accept a delay or close an action of this plan: its commissioner or an admin. */
export function mayEscalate(viewer: Viewer, planId: string, directory: Directory): boolean {
  return viewer.kind === 'person' && mayManagePlan(viewer.caller, planId, directory);
}

/** The viewer's name for the page. */
export function viewerName(viewer: Viewer): string {
  return viewer.kind === 'operator' ? 'local demo (everyone)' : viewer.caller.name;
}
