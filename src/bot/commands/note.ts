// Progress notes from chat ("update on BED-14: met the provider, spec agreed") and from the Note button
// of a reminder card: no status change; kept in the history with who and when, and as the action's
// latest note (status, dashboard, CSV and board report show it).
import { z } from 'zod';
import { typeableRef } from '../../app/actionCards.ts';
import { findNamed } from '../../app/findActions.ts';
import { addNote } from '../../app/notes.ts';
import { escapeMarkdown } from '../../cards/markdown.ts';
import { MAX_REASON } from '../../domain/answers.ts';
import type { StoredAction } from '../../domain/ports.ts';
import type { CardAnswerResult } from '../cardAnswer.ts';
import { candidateList, named } from '../answerApply.ts';
import { command, type ChatTurn } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

/** What saving a note says. */
export async function saveNote(turn: ChatTurn, stored: StoredAction, note: string, via: 'typed' | 'button'): Promise<{ ok: boolean; text: string }> {
  const outcome = await addNote(turn.services, turn.directory, turn.caller, stored, note, via);
  if (!outcome.ok) return { ok: false, text: `Not saved: ${typeableRef(stored)}: ${outcome.reason} Nothing was changed.` };
  return { ok: true, text: `Noted on ${named(outcome.stored)}: "${escapeMarkdown(note.trim())}". Its status stays ${outcome.stored.progress.status}; the note is in its history and the board report.` };
}

export const noteCommand = command({
  kinds: ['note', 'invalid-note'],
  example: 'update on BED-14: met the provider, spec agreed',
  summary: 'a line of progress without changing the status ("progress on …", "note for …" work too)',
  async run(turn, intent) {
    if (intent.kind === 'invalid-note') return { text: `I couldn't keep that note: ${intent.problem.replace(/\.$/, '')}. Nothing was changed.` };
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const text = intent.name.kind === 'code' ? intent.name.code : intent.name.ref;
    const found = await findNamed(turn.services.store, turn.visible, turn.directory.plans, intent.name);
    if (found.length === 0) return { text: `I can't find an action "${text}" in your plans. Nothing was noted.` };
    if (found.length > 1) return { text: `"${text}" is in several places. Send the note again with its code:\n\n${candidateList('note for', found, turn)}` };
    return { text: (await saveNote(turn, found[0] as StoredAction, intent.note, 'typed')).text };
  },
});

const press = z.object({ planId: z.string().min(1).max(200), actionId: z.string().min(1).max(300), noteText: z.string().max(4000).optional() });

/** The Note button of a reminder or status card: the note typed into the card, on the card's action. */
export async function noteFromCard(turn: ChatTurn, data: unknown): Promise<CardAnswerResult> {
  const parsed = press.safeParse(data);
  const refuse = (problem: string): CardAnswerResult => {
    turn.services.logger.warn({ personId: turn.caller.id, problem }, 'note press refused');
    return { card: null, message: `That could not be used (${problem}). Nothing was changed.` };
  };
  if (!parsed.success) return refuse('not a note button');
  const note = (parsed.data.noteText ?? '').trim();
  if (note === '') return refuse('type the note first');
  if (note.length > MAX_REASON) return refuse(`the note is too long: at most ${MAX_REASON} characters`);
  const stored = turn.visible.has(parsed.data.planId) ? await turn.services.store.actions.get(parsed.data.planId, parsed.data.actionId) : null;
  if (!stored) return refuse('that action is not in your plans');
  return { card: null, message: (await saveNote(turn, stored, note, 'button')).text };
}
