// A real code to put in a suggestion ("done IW-1.2.2"): one of the caller's own open actions, so a
// suggestion copied back does something, instead of naming a code that exists nowhere ("PB-14").
import { mayAnswer, visiblePlanIds } from './access.ts';
import { typeableRef } from './actionCards.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import type { Services } from './services.ts';

/** The code of the caller's most pressing open action they may answer (earliest due); null when none. */
export async function exampleCode(services: Services, directory: Directory, caller: Caller): Promise<string | null> {
  const visible = [...visiblePlanIds(caller, directory)];
  for (const planId of visible) {
    const open = (await services.store.actions.listPlanActions(planId))
      .filter((a) => a.progress.status !== 'done' && a.action.owners.some((o) => caller.roles.some((r) => r.toLowerCase() === o.toLowerCase())) && mayAnswer(caller, planId, a.action, directory))
      .sort((a, b) => (a.progress.dueDate ?? '9999').localeCompare(b.progress.dueDate ?? '9999'));
    if (open[0]) return typeableRef(open[0]);
  }
  return null;
}
