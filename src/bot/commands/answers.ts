// Several answers in one message ("BED-2 done, BED-4 delayed to 31 Jan because …"): each part found and
// checked, then one confirmation lists them all. A part that cannot be applied (not found, already done,
// not the person's to answer, unreadable) is named and left out; "yes" applies the rest together, and
// one "undo" takes the whole message back (the answers are remembered as one turn's).
import { typeableRef } from '../../app/actionCards.ts';
import { mayAnswer } from '../../app/access.ts';
import { findNamed } from '../../app/findActions.ts';
import type { Answer } from '../../domain/answers.ts';
import type { PendingAnswer } from '../../domain/chatState.ts';
import type { StoredAction } from '../../domain/ports.ts';
import type { ActionName } from '../../domain/reading/intent.ts';
import { answerQuestion, applyAnswer } from '../answerApply.ts';
import { answerOf, questionCard } from './answer.ts';
import { command, type ChatTurn } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

const nameText = (name: ActionName): string => (name.kind === 'code' ? name.code : name.ref);
const UNDO_LINE = '(Type "undo" to take that back.)';

/** Applies each part; one "undo" line at the end when anything was saved. */
export async function applyEach(turn: ChatTurn, each: NonNullable<PendingAnswer['each']>, via: 'typed' | 'button'): Promise<string> {
  const lines: string[] = [];
  for (const part of each) {
    const applied = await applyAnswer(turn, [part.target], part.answer, { via, checked: true });
    lines.push(applied.text.split('\n\n').filter((l) => l !== UNDO_LINE).join('\n\n'));
  }
  if (lines.some((l) => l.includes('Saved:'))) lines.push('(Type "undo" to take all of that back.)');
  return lines.join('\n\n');
}

export const answersCommand = command({
  kinds: ['answers'],
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    const each: { stored: StoredAction; answer: Answer }[] = [];
    const problems: string[] = [];
    for (const part of intent.parts) {
      if (part.kind === 'invalid-answer') {
        problems.push(`${part.names.map(nameText).join(', ')}: ${part.problem}`);
        continue;
      }
      for (const name of part.names) {
        const found = await findNamed(turn.services.store, turn.visible, turn.directory.plans, name);
        if (found.length !== 1) {
          problems.push(found.length === 0 ? `I can't find an action "${nameText(name)}" in your plans.` : `"${nameText(name)}" is in several places: answer it with its code (${found.slice(0, 5).map(typeableRef).join(', ')}).`);
          continue;
        }
        const stored = found[0] as StoredAction;
        const answer = answerOf(part, stored, turn.today);
        if (typeof answer === 'string') problems.push(`${typeableRef(stored)}: ${answer}`);
        else if (stored.progress.status === 'done') problems.push(`${typeableRef(stored)} is already done.`);
        else if (!mayAnswer(turn.caller, stored.planId, stored.action, turn.directory)) problems.push(`${typeableRef(stored)} is not yours to answer (its owners: ${stored.action.owners.join(', ') || 'none named'}).`);
        else if (each.some((e) => e.stored.action.id === stored.action.id && e.stored.planId === stored.planId)) problems.push(`${typeableRef(stored)} is named twice: only its first answer is kept.`);
        else each.push({ stored, answer });
      }
    }
    const left = problems.length > 0 ? `Left out, nothing changes for ${problems.length === 1 ? 'it' : 'them'}:\n\n${problems.map((p) => `- ${p}`).join('\n')}` : '';
    if (each.length === 0) return { text: `${left}\n\nNothing was changed.`.trim() };
    const askedAt = turn.services.clock.now().toISOString();
    const pending: PendingAnswer = {
      targets: [], answer: { kind: 'done' }, askedAt,
      each: each.map((e) => ({ target: { planId: e.stored.planId, actionId: e.stored.action.id, etag: e.stored.etag }, answer: e.answer })),
    };
    turn.state.pending = pending;
    const list = each.map((e, i) => `${i + 1}. ${answerQuestion(e.stored, e.answer).replace(/\?$/, '')}`).join('\n');
    const named = each.length + problems.length;
    const head = problems.length === 0 ? `${named} answers in your message:` : `${named} answers in your message; ${each.length} can be saved:`;
    const save = each.length === 1 ? 'Save it? Nothing changes until you say yes; "undo" takes it back.' : `Save all ${each.length}? Nothing changes until you say yes; one "undo" takes them all back.`;
    const message = `${head}\n\n${list}\n\n${left ? `${left}\n\n` : ''}${save}`;
    return { card: questionCard('Please confirm', message, pending) };
  },
});
