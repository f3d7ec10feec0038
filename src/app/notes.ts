// Progress notes: a line an owner gives without changing the status ("met the provider, spec agreed").
// The note is kept in the action's history (who, when, the words) and as the action's latest note, which
// status, the dashboard, the CSV and the board report show. Same limits and rules as a reason: at most
// 500 characters, only someone who may answer the action (in its plan's tenant), never a done action's
// history rewritten.
import { dueLabel } from '../cards/format.ts';
import { londonDate } from '../domain/calendar.ts';
import { MAX_REASON } from '../domain/answers.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange, AnswerChannel, ProgressNote } from '../domain/progress.ts';
import { mayAnswer } from './access.ts';
import { actorOf, type Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import type { Services } from './services.ts';

/** "met the provider (Sam Patel, Mon 30 Nov 2026)", or '' when there is no note. */
export function noteLine(note: ProgressNote | null | undefined): string {
  return note ? `${note.text} (${note.by}, ${dueLabel(londonDate(new Date(note.at)))})` : '';
}

export type NoteOutcome = { ok: true; stored: StoredAction } | { ok: false; reason: string };

const ATTEMPTS = 3;

/** Keeps a note on an action for the caller; refused when it is not theirs to answer or too long. */
export async function addNote(services: Services, directory: Directory, caller: Caller, target: StoredAction, text: string, via: AnswerChannel): Promise<NoteOutcome> {
  const note = text.trim();
  if (note === '') return { ok: false, reason: 'the note is empty.' };
  if (note.length > MAX_REASON) return { ok: false, reason: `the note is too long (${note.length} characters; at most ${MAX_REASON}).` };
  let stored: StoredAction | null = target;
  for (let attempt = 0; attempt < ATTEMPTS && stored; attempt += 1) {
    if (!mayAnswer(caller, stored.planId, stored.action, directory)) {
      services.logger.warn({ personId: caller.id, planId: stored.planId, actionId: stored.action.id }, 'note refused: not an owner');
      return { ok: false, reason: `only the owners of this action (${stored.action.owners.join(', ') || 'none named'}) or the commissioner can add notes to it.` };
    }
    const at = services.clock.now().toISOString();
    const { progress } = stored;
    const change: ActionChange = {
      at, by: actorOf(caller), via, from: progress.status, to: progress.status, occurrence: progress.occurrence,
      dueBefore: progress.dueDate, dueAfter: progress.dueDate, reason: null, summary: `note: ${note}`,
    };
    const saved = await services.store.actions.update(stored, { ...progress, note: { text: note, by: caller.name, at } }, change);
    if (saved.ok) return { ok: true, stored: saved.action };
    // Someone answered a moment before: the note still belongs, on top of their answer.
    stored = saved.reason === 'missing' ? null : await services.store.actions.get(stored.planId, stored.action.id);
  }
  return { ok: false, reason: stored ? 'several people are changing this action at once; please try again.' : 'that action was removed from the plan a moment ago.' };
}
