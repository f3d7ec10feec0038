// Finding an action by its words ("the RESULT newsletter has gone out"): the open actions the person may
// answer whose text holds most of the words written. Only a clear best is offered, for confirmation.
import type { StoredAction, Store } from '../domain/ports.ts';
import { mayAnswer } from './access.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';

const SMALL = new Set(['the', 'and', 'for', 'with', 'has', 'have', 'been', 'our', 'all', 'now', 'from', 'into', 'that', 'this', 'are', 'was', 'by', 'of', 'to', 'in', 'on', 'a', 'an']);
// Words compared by their first five letters: "agreed" and "agreement", "protocols" and "protocol".
const stems = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !SMALL.has(w)).map((w) => w.slice(0, 5));

/** The share of the written words an action's text holds, 0 to 1. */
export function wordsScore(written: string, text: string): number {
  const wanted = [...new Set(stems(written))];
  if (wanted.length === 0) return 0;
  const have = new Set(stems(text));
  return wanted.filter((w) => have.has(w)).length / wanted.length;
}

/** The best match (when clear) and the closest few, among open actions the caller may answer. */
export async function actionsByWords(store: Store, directory: Directory, caller: Caller, visible: ReadonlySet<string>, written: string): Promise<{ best: StoredAction | null; near: StoredAction[] }> {
  const lists = await Promise.all([...visible].map((planId) => store.actions.listPlanActions(planId)));
  const scored = lists.flat()
    .filter((a) => a.progress.status !== 'done' && mayAnswer(caller, a.planId, a.action, directory))
    .map((a) => ({ a, score: wordsScore(written, a.action.text) }))
    .filter((s) => s.score >= 0.5)
    .sort((x, y) => y.score - x.score);
  const [first, second] = scored;
  const best = first && first.score >= 0.6 && (!second || first.score - second.score >= 0.15) ? first.a : null;
  return { best, near: scored.slice(0, 5).map((s) => s.a) };
}
