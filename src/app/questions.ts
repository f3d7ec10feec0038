// The commissioner's questions that are not about due dates (those are lazyList.ts, from the due index).
import type { StoredAction, Store } from '../domain/ports.ts';
import type { Caller } from './caller.ts';

const byDue = (a: StoredAction, b: StoredAction): number =>
  (a.progress.dueDate ?? '9999').localeCompare(b.progress.dueDate ?? '9999') || a.planId.localeCompare(b.planId);

/** Blocked actions, longest-blocked first. */
export async function blocked(store: Store): Promise<StoredAction[]> {
  const list = await store.actions.blocked();
  return list.sort((a, b) => (a.progress.updatedAt ?? '').localeCompare(b.progress.updatedAt ?? ''));
}

/** Actions the caller's roles own that are not done, soonest due first. */
export async function mine(store: Store, caller: Caller): Promise<StoredAction[]> {
  if (caller.roles.length === 0) return [];
  const list = await store.actions.ofRoles(caller.tenantId, caller.roles);
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
