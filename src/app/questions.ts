// The commissioner's questions, answered from the due index rather than by reading every action.
import { addDays } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction, Store } from '../domain/ports.ts';
import type { Caller } from './caller.ts';

const byDue = (a: StoredAction, b: StoredAction): number =>
  (a.progress.dueDate ?? '9999').localeCompare(b.progress.dueDate ?? '9999') || a.planId.localeCompare(b.planId);

/** Open or delayed actions due before today, oldest first. */
export async function overdue(store: Store, today: IsoDate): Promise<StoredAction[]> {
  const due = await store.actions.dueBy(addDays(today, -1));
  return due.filter((a) => a.progress.dueDate !== null && a.progress.dueDate < today).sort(byDue);
}

/** Open or delayed actions due from `from` to `to` inclusive, soonest first. */
export async function dueBetween(store: Store, from: IsoDate, to: IsoDate): Promise<StoredAction[]> {
  const due = await store.actions.dueBy(to);
  return due.filter((a) => a.progress.dueDate !== null && a.progress.dueDate >= from).sort(byDue);
}

/** Blocked actions, longest-blocked first. */
export async function blocked(store: Store): Promise<StoredAction[]> {
  const list = await store.actions.blocked();
  return list.sort((a, b) => (a.progress.updatedAt ?? '').localeCompare(b.progress.updatedAt ?? ''));
}

/** Actions the caller's roles own that are not done, soonest due first. */
export async function mine(store: Store, caller: Caller): Promise<StoredAction[]> {
  if (caller.roles.length === 0) return [];
  const list = await store.actions.ofRoles(caller.roles);
  return list.filter((a) => a.progress.status !== 'done').sort(byDue);
}

/**
 * Actions a typed reference points at: the plan's own ("1.2.3", "6a"), or "#" and the start of an
 * action id for actions the plan left unnumbered.
 */
export async function findActions(store: Store, ref: string): Promise<StoredAction[]> {
  const wanted = ref.trim();
  if (wanted.startsWith('#')) {
    const prefix = wanted.slice(1).toLowerCase();
    if (prefix.length < 4) return [];
    const plans = await store.plans.listPlans();
    const lists = await Promise.all(plans.map((p) => store.actions.listPlanActions(p.id)));
    return lists.flat().filter((a) => a.action.id.toLowerCase().startsWith(prefix));
  }
  return store.actions.findByRef(wanted.replace(/\.$/, ''));
}
