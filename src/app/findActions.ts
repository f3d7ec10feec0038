// The actions a person names: by code ("PB-14", "#iw-4.1.1/g2"), by the plan's own reference ("1.2.3")
// or by the legacy "#" and start of an id. Only plans the person can see are searched.
import { isCodeLike, normaliseCode, planPartOf } from '../domain/codes.ts';
import type { ActionName } from '../domain/reading/intent.ts';
import type { StoredAction, Store } from '../domain/ports.ts';

/** The actions `name` points at, in the plans `visible`. */
export async function findNamed(store: Store, visible: ReadonlySet<string>, plans: { id: string; code: string }[], name: ActionName): Promise<StoredAction[]> {
  const seen = plans.filter((p) => visible.has(p.id));
  const text = name.kind === 'code' ? name.code : name.ref;
  if (isCodeLike(text)) {
    const code = normaliseCode(text);
    const plan = seen.find((p) => p.code === planPartOf(code));
    if (plan) {
      const found = (await store.actions.listPlanActions(plan.id)).filter((a) => a.action.code === code);
      if (found.length > 0) return found;
    }
  }
  const hex = /^#?([0-9a-f]{4,})$/i.exec(text.trim())?.[1];
  if (hex && (text.startsWith('#') || name.kind === 'code')) {
    const lists = await Promise.all(seen.map((p) => store.actions.listPlanActions(p.id)));
    return lists.flat().filter((a) => a.action.id.toLowerCase().startsWith(hex.toLowerCase()));
  }
  if (name.kind === 'code') return [];
  const ref = text.trim().replace(/\.$/, '');
  const found = await store.actions.findByRef(ref);
  return found.filter((a) => visible.has(a.planId));
}
