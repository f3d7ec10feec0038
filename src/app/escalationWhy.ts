// Why an escalation line stands, worked out again after the commissioner acts on it: a line sent as
// "nobody who can be reached holds SMLO" becomes "12 days late · now held by Sam Patel" once she has
// reassigned it, so the line (and whether Chase is offered) follows the roles as they are now.
import { daysBetween } from '../domain/calendar.ts';
import type { DigestLine } from '../domain/digestPorts.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import { ownersIn } from './access.ts';
import type { Directory } from './directory.ts';

/** The `why` of an escalation line about a role nobody reachable held, given the roles now. */
export const NOBODY = 'nobody who can be reached holds';

/** The line with its `why` (or, for a blocked or late line, its `unheld`) as of now. */
export function currentWhy(line: DigestLine, stored: StoredAction, directory: Directory, today: IsoDate): DigestLine {
  const owners = ownersIn(stored.planId, stored.action, directory);
  const reachable = [...new Map(owners.flatMap((o) => o.people).filter((p) => p.reachable).map((p) => [p.id, p])).values()];
  if (!line.why?.startsWith(NOBODY) && !line.why?.includes('now held by')) {
    // A blocked or late line keeps its reason; whether anyone can be chased follows the roles now.
    if (reachable.length > 0) return line.unheld === undefined ? line : { ...line, unheld: undefined, seen: `now held by ${reachable.map((p) => p.name).join(', ')}` };
    return { ...line, unheld: `${NOBODY} ${owners.map((o) => o.role).join(', ')}` };
  }
  if (reachable.length === 0) return { ...line, why: `${NOBODY} ${owners.map((o) => o.role).join(', ')}` };
  const late = stored.progress.dueDate ? daysBetween(stored.progress.dueDate, today) : 0;
  const lateness = late > 0 ? `${late} day${late === 1 ? '' : 's'} late` : late === 0 && stored.progress.dueDate ? 'due today' : 'open';
  return { ...line, why: `${lateness} · now held by ${reachable.map((p) => p.name).join(', ')}` };
}
