// What the commissioner sees beside late actions, wherever they look (overdue list, status, dashboard):
// whether the owners opened their reminders ("seen Tue 1 Dec 2026 09:14" / "not opened"), and who is on
// leave. Owners asking about their own actions do not get them: they know whether they read them.
import { dueLabel } from '../cards/format.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import { mapLimit } from '../mapLimit.ts';
import { mayManagePlan, ownersIn } from './access.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import { peopleOnLeave } from './reminderSettings.ts';
import { seenLabel } from './seenLabel.ts';
import type { Services } from './services.ts';

/** What a label needs of an action: known from a due mark before the action is read. */
export type SeenSubject = Pick<StoredAction, 'planId'> & { action: Pick<StoredAction['action'], 'id' | 'owners'>; progress: Pick<StoredAction['progress'], 'status'> };

/** The key of an action in the map `seenLabels` returns. */
export const seenKey = (planId: string, actionId: string): string => `${planId}|${actionId}`;

/**
 * "seen …", "not opened" or "nobody holds its roles" for each open action of `actions` in a plan the caller manages (by
 * `seenKey`); actions of other plans, and done ones, are left out. One small read per action: pass a page.
 */
export async function seenLabels(services: Services, directory: Directory, caller: Caller, actions: readonly SeenSubject[]): Promise<Map<string, string>> {
  const shown = actions.filter((a) => a.progress.status !== 'done' && mayManagePlan(caller, a.planId, directory));
  // An action whose roles nobody (in the plan's tenant, who can be reached) holds was in nobody's digest:
  // "not opened" would blame no one.
  const labels = await mapLimit(shown, 8, (a) => {
    const holders = ownersIn(a.planId, a.action, directory).flatMap((o) => o.people);
    if (holders.length === 0) return Promise.resolve('nobody holds its roles');
    return holders.some((p) => p.reachable) ? seenLabel(services, a.planId, a.action.id) : Promise.resolve('nobody who can be reached holds its roles');
  });
  return new Map(shown.map((a, i) => [seenKey(a.planId, a.action.id), labels[i] ?? 'not opened']));
}

/** The people of the caller's tenant on leave today, for a commissioner of any of `planIds`; [] for others. */
export async function onLeaveFor(services: Services, directory: Directory, caller: Caller, planIds: Iterable<string>, today: IsoDate): Promise<{ name: string; until: IsoDate }[]> {
  if (![...planIds].some((id) => mayManagePlan(caller, id, directory))) return [];
  return peopleOnLeave(services, directory, today, caller.tenantId);
}

/** "On leave: Alex Jones until Mon 3 Oct 2011, Priya Shah until Fri 7 Oct 2011", or '' when nobody is. */
export function leaveLine(people: readonly { name: string; until: IsoDate }[]): string {
  return people.length === 0 ? '' : `On leave: ${people.map((p) => `${p.name} until ${dueLabel(p.until)}`).join(', ')}`;
}
