// "undo": the caller's own last answer, taken back. "reopen BED-14": a done action opened again by its
// plan's commissioner or an admin.
import { typeableRef } from '../../app/actionCards.ts';
import { findNamed } from '../../app/findActions.ts';
import { reopenAction, undoLastAnswer } from '../../app/undoReopen.ts';
import { readableDates } from '../../cards/format.ts';
import type { StoredAction } from '../../domain/ports.ts';
import { named } from '../answerApply.ts';
import { command } from './chatCommand.ts';

export const undoCommand = command({
  kinds: ['undo'],
  example: 'undo',
  summary: 'take back your last answer (within a day, if nobody changed the action since)',
  async run(turn) {
    const last = turn.state.lastAnswers ?? [];
    if (last.length === 0) return { text: 'Nothing was undone: you have no answer to undo.' };
    // Every action the last message changed, the latest first.
    const lines: string[] = [];
    for (const answer of [...last].reverse()) {
      const outcome = await undoLastAnswer(turn.services, turn.caller, answer);
      if (outcome.ok) lines.push(`Undone: ${named(outcome.stored)} is ${outcome.stored.progress.status} again.`);
      else {
        const stored = last.length > 1 ? await turn.services.store.actions.get(answer.planId, answer.actionId) : null;
        lines.push(`Nothing was undone${stored ? ` for ${named(stored)}` : ''}: ${readableDates(outcome.reason)}`);
      }
    }
    turn.state.lastAnswers = [];
    return { text: lines.join('\n\n') };
  },
});

export const reopenCommand = command({
  kinds: ['reopen'],
  example: 'reopen BED-14',
  summary: 'open a done action again (the plan\'s commissioner and admins)',
  async run(turn, intent) {
    const lines: string[] = [];
    for (const name of intent.names) {
      const text = name.kind === 'code' ? name.code : name.ref;
      const found = await findNamed(turn.services.store, turn.visible, turn.directory.plans, name);
      if (found.length !== 1) {
        lines.push(found.length === 0 ? `I can't find an action "${text}" in your plans.` : `"${text}" is in several places: use its code (${found.slice(0, 5).map(typeableRef).join(', ')}).`);
        continue;
      }
      const outcome = await reopenAction(turn.services, turn.directory, turn.caller, found[0] as StoredAction);
      lines.push(outcome.ok ? `Reopened: ${named(outcome.stored)} is open again.` : `Not reopened: ${named(found[0] as StoredAction)}: ${readableDates(outcome.reason)}`);
    }
    return { text: lines.join('\n\n') || 'Which action? e.g. "reopen BED-14".' };
  },
});
