// Typed answers. An answer about named actions is applied when the reading is sure; an answer that
// names no action, or a loose reading, gets a question card and changes nothing until "yes". A name
// that points at nothing never falls back to another action; one that points at several lists them.
import { typeableRef } from '../../app/actionCards.ts';
import { actionsByWords } from '../../app/actionsByWords.ts';
import { findNamed } from '../../app/findActions.ts';
import { mine } from '../../app/questions.ts';
import { dueLabel } from '../../cards/format.ts';
import { renderCard } from '../../cards/render.ts';
import type { Answer } from '../../domain/answers.ts';
import { addDays } from '../../domain/calendar.ts';
import type { PendingAnswer } from '../../domain/chatState.ts';
import { shiftDate } from '../../domain/newDates.ts';
import { occurrences } from '../../domain/occurrences.ts';
import type { StoredAction } from '../../domain/ports.ts';
import type { ActionName, Intent } from '../../domain/reading/intent.ts';
import { answerQuestion, applyAnswer, candidateList, named } from '../answerApply.ts';
import { command, type ChatReply, type ChatTurn } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

type AnswerIntent = Extract<Intent, { kind: 'answer' }>;

// Only actions this close (or already late) count as "the one pending" for a bare "done".
const PENDING_DAYS = 14;

const nameText = (name: ActionName): string => (name.kind === 'code' ? name.code : name.ref);

export function answerOf(intent: Pick<AnswerIntent, 'status' | 'newDate' | 'shift' | 'reason'>, stored: StoredAction, today: string): Answer | string {
  if (intent.status === 'done') return { kind: 'done' };
  if (intent.status === 'blocked') return intent.reason ? { kind: 'blocked', reason: intent.reason } : `say what is blocking it, e.g. "blocked ${typeableRef(stored)}: waiting for the PCT".`;
  // "By two weeks" moves the date in hand; for an action already late, two weeks from today.
  const from = stored.progress.dueDate && stored.progress.dueDate > today ? stored.progress.dueDate : today;
  const newDate = intent.newDate ?? (intent.shift ? shiftDate(from, intent.shift) : null);
  if (!newDate) return `say the new date, e.g. "delayed ${typeableRef(stored)} to 30 June because the provider is late".`;
  return { kind: 'delayed', newDate, reason: intent.reason ?? 'no reason given' };
}

/** Says back how a span was counted for an action already late: from today, not from its old date. */
function shiftNote(intent: AnswerIntent, stored: StoredAction, today: string): string {
  const due = stored.progress.dueDate;
  if (intent.newDate || !intent.shift || !due || due > today) return '';
  return `${typeableRef(stored)} was already due ${dueLabel(due)}, so the new date is counted from today. `;
}

/** The question card for a pending answer; `choices` default to Yes / No. */
export function questionCard(title: string, message: string, pending: PendingAnswer, choices = [{ title: 'Yes', choice: 'yes' }, { title: 'No', choice: 'no' }]): object {
  return renderCard('question', { title, message, facts: [], choices: choices.map((c) => ({ ...c, asked: pending.askedAt })) });
}

/** Missed occurrences of a recurring action (the one in hand and any later ones already past). */
function missed(turn: ChatTurn, stored: StoredAction): string[] {
  const plan = turn.directory.plan(stored.planId);
  if (!plan || stored.action.due.kind !== 'recurring' || !stored.progress.occurrence || stored.progress.status === 'delayed') return [];
  return occurrences(stored.action.due, plan.period).filter((d) => d >= (stored.progress.occurrence ?? '') && d < turn.today);
}

async function ask(turn: ChatTurn, targets: StoredAction[], answer: Answer, why: string): Promise<ChatReply> {
  const pending: PendingAnswer = { targets: targets.map((t) => ({ planId: t.planId, actionId: t.action.id, etag: t.etag })), answer, askedAt: turn.services.clock.now().toISOString() };
  turn.state.pending = pending;
  const only = targets[0] as StoredAction;
  const behind = targets.length === 1 && answer.kind === 'done' ? missed(turn, only) : [];
  if (behind.length > 1) {
    pending.upTo = behind[behind.length - 1];
    const message = `${why}${named(only)} has ${behind.length} missed occurrences, from ${dueLabel(behind[0] as string)} to ${dueLabel(pending.upTo as string)}. Close them all, or only the oldest? (Type "yes" for all, "no" to cancel.)`;
    return { card: questionCard('Close the missed occurrences?', message, pending, [{ title: `All ${behind.length}`, choice: 'all' }, { title: 'Only the oldest', choice: 'oldest' }, { title: 'Cancel', choice: 'no' }]) };
  }
  const message = targets.length === 1 ? answerQuestion(only, answer) : `${answer.kind === 'done' ? 'Mark as done' : `Mark as ${answer.kind}`}: ${targets.map(named).join('; ')}?`;
  return { card: questionCard('Please confirm', `${why}${message} Nothing changes until you say yes.`, pending) };
}

async function pendingFor(turn: ChatTurn): Promise<StoredAction[]> {
  const horizon = addDays(turn.today, PENDING_DAYS);
  return (await mine(turn.services.store, turn.caller)).filter((a) => turn.visible.has(a.planId)
    && (a.progress.status === 'blocked' || (a.progress.dueDate !== null && a.progress.dueDate <= horizon)));
}

export const answerCommand = command({
  kinds: ['answer', 'invalid-answer'],
  async run(turn, intent): Promise<ChatReply> {
    if (intent.kind === 'invalid-answer') {
      // A bare "blocked" or "delayed" may be a question as much as an answer: offer the list too.
      const list = intent.names.length === 0 && intent.status !== 'done' ? ` To see what is ${intent.status}, say "what's ${intent.status}?".` : '';
      return { text: `I couldn't read that: ${intent.problem.replace(/\.$/, '')}. Nothing was changed.${list}` };
    }
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const targets: StoredAction[] = [];
    const problems: string[] = [];
    if (intent.about !== undefined) {
      // Named by its words: the clear best match is offered with its code; never applied without a yes.
      const { best, near } = await actionsByWords(turn.services.store, turn.directory, turn.caller, turn.visible, intent.about);
      if (best) return ask(turn, [best], { kind: 'done' }, `I think you mean ${typeableRef(best)}. `);
      if (near.length > 0) return { text: `Which action do you mean? Reply with one of these:\n\n${candidateList(intent.status, near, turn)}` };
      return { text: `I couldn't find an open action of yours that says "${intent.about}". Nothing was changed. Use its code, e.g. "done BED-14" ("my actions" lists yours).` };
    }
    if (intent.names.length === 0) {
      const pending = await pendingFor(turn);
      if (pending.length === 0) return { text: `Which action? Add its code, e.g. "${intent.status} BED-14" ("my actions" lists yours with their codes).` };
      if (pending.length > 1) return { text: `Several of your actions could be meant. Reply with one of these:\n\n${candidateList(intent.status, pending, turn)}` };
      targets.push(...pending);
    } else {
      for (const name of intent.names) {
        const found = await findNamed(turn.services.store, turn.visible, turn.directory.plans, name);
        if (found.length === 0) problems.push(`I can't find an action "${nameText(name)}" in your plans. Nothing was changed for it.`);
        else if (found.length > 1) problems.push(`"${nameText(name)}" is in several places. Reply with its code:\n\n${candidateList(intent.status, found, turn)}`);
        else targets.push(found[0] as StoredAction);
      }
    }
    if (targets.length === 0) return { text: problems.join('\n\n') };
    const answers = targets.map((t) => answerOf(intent, t, turn.today));
    const missing = answers.find((a): a is string => typeof a === 'string');
    if (missing) return { text: `Nearly: ${missing} Nothing was changed.` };
    const sure = intent.sure && intent.names.length > 0 && problems.length === 0;
    if (!sure) {
      const why = intent.names.length === 0 ? 'You named no action; the one waiting on you is this. ' : problems.length > 0 ? `${problems.join(' ')} ` : '';
      return ask(turn, targets, answers[0] as Answer, `${why}${targets.map((t) => shiftNote(intent, t, turn.today)).join('')}`);
    }
    // A recurring action several occurrences behind is asked about; the others are applied now.
    const behind = intent.status === 'done' ? targets.filter((t) => missed(turn, t).length > 1) : [];
    const lines: string[] = [];
    for (const [i, t] of targets.entries()) {
      if (behind.includes(t)) continue;
      lines.push(shiftNote(intent, t, turn.today) + (await applyAnswer(turn, [{ planId: t.planId, actionId: t.action.id, etag: t.etag }], answers[i] as Answer, { via: 'typed', checked: false })).text);
    }
    const applied = lines.join('\n\n');
    if (behind.length === 0) return { text: applied };
    const later = behind.slice(1).map((t) => typeableRef(t));
    const before = `${applied ? `${applied}\n\n` : ''}${later.length > 0 ? `${later.join(', ')} ${later.length === 1 ? 'is' : 'are'} behind too: answer ${later.length === 1 ? 'it' : 'them'} next. ` : ''}`;
    return ask(turn, [behind[0] as StoredAction], answers[0] as Answer, before);
  },
});
