// Pressing the buttons of a digest as Teams would (Action.Execute with the card's data and inputs),
// and reading what a digest card shows.
import type { BotHarness } from './botHarness.ts';
import { cardAction, type TeamsPerson } from './teamsActivity.ts';
import type { InvokeAnswer } from './cardPress.ts';

interface Action { type?: string; title?: string; verb?: string; data?: Record<string, unknown>; card?: { actions?: Action[] } }

/** Every Action.Execute in a card, however deep (line buttons sit in ActionSets and ShowCards). */
export function executes(card: unknown): Action[] {
  const found: Action[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const a = node as Action;
      if (a.type === 'Action.Execute') found.push(a);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The line numbers (`i`) a digest card shows with buttons still on them. */
export function openLines(card: unknown): number[] {
  return [...new Set(executes(card).filter((a) => a.verb === 'digest.done' || a.verb === 'escalation.close').map((a) => Number(a.data?.i)))];
}

/** Presses the button `verb` (with `title`, when several share a verb) of line `line`, or the card's paging button. */
export async function pressDigest(bot: BotHarness, person: TeamsPerson, card: unknown, verb: string, line: number | null, inputs: Record<string, string> = {}, title?: string): Promise<InvokeAnswer> {
  const action = executes(card).find((a) => a.verb === verb && (line === null || Number(a.data?.i) === line) && (title === undefined || a.title === title));
  if (!action) throw new Error(`no ${verb} button${line === null ? '' : ` on line ${line}`}`);
  const res = await bot.post(cardAction(bot.origin, person, verb, { ...action.data, ...inputs }));
  const body = (res.body ?? {}) as { statusCode?: number; type?: string; value?: unknown };
  return { status: res.status, statusCode: body.statusCode ?? 0, type: body.type ?? '', value: body.value };
}

/** The bytes of a card as Teams would receive it. */
export const cardBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');
