// Turns stored actions into the typed data of the card templates in cards/.
import type { ActionCardFields, CardOwner, DigestGroup, DigestItem } from '../cards/models.ts';
import { dueDistance, dueLabel, shorten } from '../cards/format.ts';
import { showCode } from '../domain/codes.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionStatus } from '../domain/progress.ts';
import { ownersIn } from './access.ts';
import type { Directory } from './directory.ts';
import { seenKey } from './overdueNotes.ts';

const STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', delayed: 'Delayed', blocked: 'Blocked', done: 'Done' };

/** "Open", "Delayed", … */
export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status];
}

/** Owner roles with the names of the people holding them. */
export function cardOwners(stored: StoredAction, directory: Directory): CardOwner[] {
  return ownersIn(stored.planId, stored.action, directory).map(({ role, people }) => ({
    role,
    people: people.length > 0 ? people.map((p) => p.name).join(', ') : 'nobody yet',
  }));
}

/** What every card about one action shows. */
export function actionCardFields(stored: StoredAction, directory: Directory, today: IsoDate): ActionCardFields {
  const { action, progress, planId } = stored;
  const due = progress.dueDate;
  return {
    planId,
    partnership: directory.plan(planId)?.partnership ?? planId,
    gridNumber: action.grid,
    gridTitle: directory.grid(planId, action.grid)?.title ?? '',
    objective: action.objective,
    ref: typeableRef(stored),
    text: action.text,
    actionId: action.id,
    version: stored.etag,
    occurrence: progress.occurrence,
    dueDate: due ?? '',
    dueLabel: due ? dueLabel(due) : action.byWhenRaw || 'no date',
    // A done action is not late, however old its date.
    dueDistance: progress.status === 'done' ? 'done' : due ? dueDistance(due, today) : 'no date',
    statusLabel: statusLabel(progress.status),
    owners: cardOwners(stored, directory),
  };
}

/** What people type to name an action: its code ("BED-14"); a row stored before codes, its ref or "#" id start. */
export function typeableRef(stored: StoredAction): string {
  if (stored.action.code) return showCode(stored.action.code);
  return stored.action.ref ?? `#${stored.action.id.slice(0, 6)}`;
}

/** One line of a list card. */
export function digestItem(stored: StoredAction, directory: Directory, today: IsoDate, seen = ''): DigestItem {
  const { progress } = stored;
  const owners = cardOwners(stored, directory).map((o) => `${o.role} (${o.people})`).join('; ');
  return {
    ref: typeableRef(stored),
    text: shorten(stored.action.text, 110),
    dueLabel: progress.dueDate ? dueLabel(progress.dueDate) : 'no date',
    dueDistance: progress.status === 'done' ? 'done'
      : progress.status === 'blocked' ? `blocked: ${progress.reason ?? ''}`.trim()
      : progress.dueDate ? dueDistance(progress.dueDate, today) : stored.action.byWhenRaw,
    owners: owners || 'no owner named',
    seen,
  };
}

/** How a list is grouped. */
export type Grouping = 'grid' | 'owner' | 'plan';

/**
 * Groups actions under a heading per grid (plan and grid) or per owner role, keeping the given order
 * inside each group; at most `limit` lines in all, the rest counted in `more`. `seen`: labels by seenKey.
 */
export function groupDigest(actions: StoredAction[], directory: Directory, today: IsoDate, grouping: Grouping, limit: number, seen: ReadonlyMap<string, string> = new Map()): { groups: DigestGroup[]; more: number } {
  const groups = new Map<string, DigestItem[]>();
  let shown = 0;
  for (const stored of actions) {
    if (shown >= limit) break;
    const plan = directory.plan(stored.planId);
    const headings = grouping === 'plan' ? [plan ? `${plan.partnership} (${plan.code})` : stored.planId] : grouping === 'grid'
      ? [`${directory.plan(stored.planId)?.partnership ?? stored.planId} · Grid ${stored.action.grid}: ${directory.grid(stored.planId, stored.action.grid)?.title ?? ''}`]
      : stored.action.owners.length > 0 ? stored.action.owners : ['No owner named'];
    const item = digestItem(stored, directory, today, seen.get(seenKey(stored.planId, stored.action.id)));
    for (const heading of headings) groups.set(heading, [...(groups.get(heading) ?? []), item]);
    shown += 1;
  }
  return { groups: [...groups].map(([heading, items]) => ({ heading, items })), more: actions.length - shown };
}
