// What the bot-process soak does in the local chat as a person would: find the answer buttons on a
// digest card, and send a plan file then press Import on its preview.
import type { Store } from '../../src/domain/ports.ts';

/** One Action.Execute (or its Action.Submit fallback) as the card carries it. */
interface Button { verb: string; data: Record<string, unknown> }

/** The answer buttons of one digest line (`line` is the `i` its buttons send). */
export interface CardPress { line: number; done?: Button; delayed?: Button; blocked?: Button }

/** Every digest line's Done / Delayed / Blocked buttons on the cards, found wherever they sit (ShowCards included). */
export function pressesOn(cards: object[]): CardPress[] {
  const lines = new Map<number, CardPress>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: unknown; verb?: unknown; data?: unknown };
      if (n.type === 'Action.Execute' && typeof n.verb === 'string' && n.data && typeof n.data === 'object') {
        const data = n.data as Record<string, unknown>;
        const kind = { 'digest.done': 'done', 'digest.delayed': 'delayed', 'digest.blocked': 'blocked' }[n.verb] as 'done' | 'delayed' | 'blocked' | undefined;
        const line = Number(data.i);
        if (kind && Number.isInteger(line)) {
          const press = lines.get(line) ?? { line };
          press[kind] = { verb: n.verb, data };
          lines.set(line, press);
        }
      }
      // The fallback is the same button for clients without Action.Execute: not walked.
      for (const [key, value] of Object.entries(node)) if (key !== 'fallback') walk(value);
    }
  };
  walk(cards);
  return [...lines.values()];
}

/** A text plan of 100 actions over four grids, for the plan year starting `yearStart`, owned by the bench roles. */
export function hundredActionPlan(yearStart: string): string {
  const year = Number(yearStart.slice(0, 4));
  const lines = ['Partnership name: Bench Import DAT', '', `Adult drug treatment plan ${year}/${String(year + 1).slice(2)} Part 3: Planning grids`, ''];
  for (let g = 1; g <= 4; g++) {
    lines.push(`Planning grid ${g}: Grid ${g}`, '', `Objective 1: Improve grid ${g}`, '', 'Actions and milestones\tBy when\tBy whom');
    for (let a = 1; a <= 25; a++) lines.push(`${g}.1.${a} Imported action ${g}-${a}: review provision and report to the board\tMarch ${year + 1}\tLead Officer ${1 + (a % 10)}`);
    lines.push('');
  }
  return lines.join('\n');
}

interface ChatLine { id: string; from: string; cards: object[] }

/** Sends the 100-action plan as a file from `personId`, presses Import on the preview; returns the actions stored. */
export async function importPlanText(chat: string, personId: string, store: Store, yearStart: string): Promise<number> {
  const sent = await fetch(`${chat}/api/file?person=${personId}&name=bench-import.txt`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: hundredActionPlan(yearStart) });
  if (!sent.ok) throw new Error(`botsoak: sending the plan file answered HTTP ${sent.status}`);
  const lines = (await (await fetch(`${chat}/api/chat?person=${personId}`)).json()) as ChatLine[];
  const preview = lines.at(-1);
  const actions = (preview?.cards[0] as { actions?: { type: string; title: string; verb?: string; data: object }[] } | undefined)?.actions ?? [];
  const button = actions.find((a) => a.title === 'Import');
  if (!preview || !button) throw new Error(`botsoak: no import preview; the bot said: ${JSON.stringify(preview?.cards ?? null).slice(0, 400)}`);
  const press = button.type === 'Action.Execute'
    ? { path: '/api/press', body: { personId, activityId: preview.id, verb: button.verb, data: button.data } }
    : { path: '/api/submit', body: { personId, activityId: preview.id, data: button.data } };
  const res = await fetch(`${chat}${press.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(press.body) });
  if (!res.ok) throw new Error(`botsoak: Import answered HTTP ${res.status}`);
  const plan = (await store.plans.listPlans()).find((p) => p.partnership === 'Bench Import DAT');
  return plan ? (await store.actions.listPlanActions(plan.id)).length : 0;
}
