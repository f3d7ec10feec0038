// Applies an answer to the actions it is about, and says per action what happened, in dates people
// can check ("delayed to Fri 1 Jan 2027"). Used by typed answers, "yes" and the confirmation card.
import { typeableRef } from '../app/actionCards.ts';
import { answerAction } from '../app/answerAction.ts';
import { dueLabel, readableDates, shorten } from '../cards/format.ts';
import { escapeMarkdown } from '../cards/markdown.ts';
import type { Answer } from '../domain/answers.ts';
import type { AskedAction, LastAnswer } from '../domain/chatState.ts';
import { dateNotes } from '../domain/newDates.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';
import { answeredCard } from './answeredCard.ts';
import type { ChatTurn } from './commands/chatCommand.ts';

/** How an action is named in a sentence: its code and the start of its text. */
export function named(stored: StoredAction): string {
  return `${typeableRef(stored)} *${escapeMarkdown(shorten(stored.action.text, 70))}*`;
}

/** Actions a name could mean, each as the reply that picks it ("- "done IW-4.1.1/g2": … (Isle of Wight DAT)"). */
export function candidateList(verb: string, found: StoredAction[], turn: ChatTurn): string {
  return found.slice(0, 10).map((a) => `- "${verb} ${typeableRef(a)}": ${shorten(a.action.text, 70)} (${turn.directory.plan(a.planId)?.partnership ?? a.planId})`).join('\n');
}

/** What an answer will do, as a question ("Mark PB-14 *…* as done?"). */
export function answerQuestion(stored: StoredAction, answer: Answer): string {
  if (answer.kind === 'done') return `Mark ${named(stored)} as done?`;
  if (answer.kind === 'delayed') return `Move ${named(stored)} to ${dueLabel(answer.newDate)} (delayed: ${escapeMarkdown(answer.reason)})?`;
  return `Mark ${named(stored)} as blocked (${escapeMarkdown(answer.reason)})?`;
}

/** What to know about a new date (a weekend, a bank holiday, after the plan ends), or '' if nothing. */
export function newDateNote(change: ActionChange, period: { start: string; end: string } | null): string {
  if (change.to !== 'delayed' || !change.dueAfter) return '';
  const notes = dateNotes(change.dueAfter, period, dueLabel);
  return notes.length > 0 ? `Note: ${notes.join('; ')}.` : '';
}

/** What a saved answer did. */
export function savedLine(stored: StoredAction, change: ActionChange, period: { start: string; end: string } | null): string {
  const name = named(stored);
  if (change.to === 'delayed' && change.dueAfter) {
    const note = newDateNote(change, period);
    return `Saved: ${name} is delayed to ${dueLabel(change.dueAfter)} (${escapeMarkdown(change.reason ?? '')}).${note ? ` ${note}` : ''}`;
  }
  if (change.to === 'blocked') return `Saved: ${name} is blocked: ${escapeMarkdown(change.reason ?? '')}. The commissioner will hear of it.`;
  if (change.to === 'open' && change.dueAfter) {
    const closed = /^done for (\d+) occurrences/.exec(change.summary)?.[1];
    return `Saved: ${name}: ${closed ? `${closed} occurrences` : `the occurrence due ${dueLabel(change.dueBefore ?? change.dueAfter)}`} done; next review ${dueLabel(change.dueAfter)}.`;
  }
  return `Saved: ${name} is done.`;
}

const answeringTurns = new WeakSet<ChatTurn>();

/** Remembers a saved answer for "undo": all the answers one message or press saved are taken back together. */
export function remember(turn: ChatTurn, answer: LastAnswer): void {
  if (!answeringTurns.has(turn)) {
    answeringTurns.add(turn);
    turn.state.lastAnswers = [];
  }
  turn.state.lastAnswers.push(answer);
}

/** Applies `answer` to each target. `checked`: refuse where the action changed since it was asked about. */
export async function applyAnswer(turn: ChatTurn, targets: AskedAction[], answer: Answer, options: { via: 'typed' | 'button'; checked: boolean; upTo?: string; skipActivityId?: string }): Promise<{ text: string; card: object | null }> {
  const lines: string[] = [];
  let card: object | null = null;
  for (const target of targets) {
    const outcome = await answerAction(turn.services, turn.directory, turn.caller, {
      planId: target.planId, actionId: target.actionId, occurrence: null, answer, via: options.via,
      ...(options.checked ? { version: target.etag } : {}), ...(options.upTo ? { upTo: options.upTo } : {}),
      shownBy: { activityId: options.skipActivityId },
    });
    if (outcome.kind === 'saved') {
      const plan = turn.directory.plan(outcome.stored.planId);
      lines.push(`${outcome.note ? `${outcome.note} ` : ''}${savedLine(outcome.stored, outcome.change, plan?.period ?? null)}`);
      remember(turn, { planId: target.planId, actionId: target.actionId, before: outcome.before.progress, etagAfter: outcome.stored.etag, at: outcome.change.at });
      if (targets.length === 1) card = answeredCard(outcome.stored, outcome.change, turn.directory, turn.today);
    } else if (outcome.kind === 'stale') {
      const { progress } = outcome.stored;
      lines.push(`${named(outcome.stored)} was changed since I asked: ${progress.updatedBy ?? 'someone'} made it ${progress.status}${progress.dueDate ? ` (due ${dueLabel(progress.dueDate)})` : ''}. Nothing was changed; answer again if you still mean it.`);
    } else if (outcome.kind === 'refused') {
      lines.push(`Not saved: ${outcome.stored ? named(outcome.stored) : 'that action'}: ${readableDates(outcome.reason)}`);
    } else lines.push(outcome.reason);
  }
  if (lines.some((l) => l.startsWith('Saved:')) && turn.state.lastAnswers.length > 0) lines.push('(Type "undo" to take that back.)');
  return { text: lines.join('\n\n'), card };
}
