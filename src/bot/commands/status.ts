import { actionCardFields } from '../../app/actionCards.ts';
import { findNamed } from '../../app/findActions.ts';
import { noteLine } from '../../app/notes.ts';
import { seenKey, seenLabels } from '../../app/overdueNotes.ts';
import { dueLabel, readableDates } from '../../cards/format.ts';
import { renderCard } from '../../cards/render.ts';
import { londonDate } from '../../domain/calendar.ts';
import { candidateList } from '../answerApply.ts';
import { command } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

/** "status BED-14" — one action in detail, with its recent history. */
export const statusCommand = command({
  kinds: ['status'],
  example: 'status BED-14',
  summary: 'one action in detail, with its history (by code, or the plan\'s reference)',
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const text = intent.name.kind === 'code' ? intent.name.code : intent.name.ref;
    const found = await findNamed(turn.services.store, turn.visible, turn.directory.plans, intent.name);
    if (found.length === 0) return { text: `I can't find an action "${text}" in your plans. Try "my actions" or "what's overdue?" to see codes.` };
    if (found.length > 1) {
      return { text: `"${text}" is in several places. Which one?\n\n${candidateList('status', found, turn)}` };
    }
    const stored = found[0]!;
    const history = await turn.services.store.actions.history(stored.planId, stored.action.id);
    const seen = await seenLabels(turn.services, turn.directory, turn.caller, [stored]);
    return {
      card: renderCard('status', {
        ...actionCardFields(stored, turn.directory, turn.today),
        reason: stored.progress.reason,
        note: noteLine(stored.progress.note),
        history: history.slice(-5).reverse().map((h) => ({ at: dueLabel(londonDate(new Date(h.at))), by: h.by.name, summary: readableDates(h.summary) })),
        seen: seen.get(seenKey(stored.planId, stored.action.id)) ?? '',
      }),
    };
  },
});
