// Buttons on a digest (Action.Execute): Done / Delayed / Blocked / Snooze on an owner's line, Chase /
// Reassign / Accept the delay / Close on the commissioner's, and "Show the other N". The digest is
// redrawn in place for the person who pressed, and every other digest showing that action is refreshed.
import { z } from 'zod';
import { actionCardFields, typeableRef } from '../app/actionCards.ts';
import { answerAction } from '../app/answerAction.ts';
import { loadDirectory } from '../app/directory.ts';
import { currentWhy } from '../app/escalationWhy.ts';
import { acceptDelay, chase, close, nudgeWith, reassign, type EscalationResult, type Nudge } from '../app/escalationActions.ts';
import { snoozeAction } from '../app/reminderSettings.ts';
import { addNote } from '../app/notes.ts';
import type { Services } from '../app/services.ts';
import { digestCard } from '../cards/digestCards.ts';
import { readableDates } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import type { Answer } from '../domain/answers.ts';
import { MAX_REASON } from '../domain/answers.ts';
import { isValidIsoDate } from '../domain/calendar.ts';
import { bannerKind } from '../domain/digestItems.ts';
import type { DigestLine } from '../domain/digestPorts.ts';
import type { CardAnswerResult } from './cardAnswer.ts';
import type { ChatTurn } from './commands/chatCommand.ts';
import { newDateNote } from './answerApply.ts';
import { outcomeLine, refreshDigests, withNote, withOutcome } from './answerNews.ts';
import type { Messenger } from './messenger.ts';

const VERBS = ['digest.done', 'digest.delayed', 'digest.blocked', 'digest.snooze', 'digest.note', 'digest.page', 'escalation.chase', 'escalation.reassign', 'escalation.accept', 'escalation.close'] as const;

/** True for the verbs of digest buttons (the bot routes these here, not to the single-card answers). */
export function isDigestVerb(verb: unknown): boolean {
  return typeof verb === 'string' && (VERBS as readonly string[]).includes(verb);
}

const index = z.coerce.number().int().min(0).max(9999);
const press = z.object({
  verb: z.enum(VERBS),
  d: z.string().min(1).max(300).regex(/^(owner|escalation)\|[\w.:%@-]+\|\d{4}-\d{2}-\d{2}$/, 'not a digest'),
  i: index.optional(),
  p: index.optional(),
  s: z.enum(['day', 'week', 'date']).optional(),
});
const text = (max: number) => z.string().trim().min(1, 'this cannot be empty').max(max, `at most ${max} characters`);

const reply = (message: string): CardAnswerResult => ({ card: null, message });

/** Handles a digest button pressed by `turn.caller`. Bad input is refused with a reason; nothing changes. */
export async function answerFromDigest(turn: ChatTurn, messenger: Messenger, verb: unknown, data: unknown): Promise<CardAnswerResult> {
  const { services, caller } = turn;
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const parsed = press.safeParse({ ...fields, verb });
  if (!parsed.success) return refused(services, caller.id, parsed.error.issues.map((i) => `${i.path.join('.') || 'card'}: ${i.message}`).join('; '));
  const { d, i, p, s } = parsed.data;
  const record = await services.store.digests.get(d);
  if (!record || record.personId !== caller.id) return refused(services, caller.id, 'that digest is not yours');
  if (parsed.data.verb === 'digest.page') return { card: digestCard(record, turn.today, { page: p ?? 0 }), message: '' };
  const line = i === undefined ? undefined : record.lines[i];
  if (!line || i === undefined) return refused(services, caller.id, 'no such line on the digest');
  if (line.outcome) return reply(`Already answered: ${line.outcome.replace(/\.$/, '')}.`);
  const input = (name: string): unknown => fields[`${name}${i}`];

  let result: EscalationResult;
  switch (parsed.data.verb) {
    case 'digest.done': case 'digest.delayed': case 'digest.blocked': {
      const answer = readAnswer(parsed.data.verb, input);
      if (typeof answer === 'string') return refused(services, caller.id, answer);
      result = await answerLine(turn, line, answer, d);
      break;
    }
    case 'digest.snooze': {
      const date = input('snooze');
      if (s === 'date' && !(typeof date === 'string' && isValidIsoDate(date))) return refused(services, caller.id, 'pick the date to snooze until');
      const done = await snoozeAction(services, caller.id, line.planId, line.actionId, s === 'date' ? String(date) : (s ?? 'day'), turn.today);
      result = done.ok ? { ok: true, settles: true, outcome: done.message, message: done.message } : { ok: false, message: done.message };
      break;
    }
    case 'digest.note': {
      const note = text(MAX_REASON).safeParse(input('note'));
      const stored = note.success ? await services.store.actions.get(line.planId, line.actionId) : null;
      const saved = stored && note.success ? await addNote(services, turn.directory, caller, stored, note.data, 'button') : null;
      result = saved?.ok ? { ok: true, settles: false, outcome: `Note kept: ${note.data}`, message: `Noted on ${typeableRef(saved.stored)}.` }
        : { ok: false, message: saved ? saved.reason : note.success ? 'that action is no longer in the plan' : `note: ${note.error.issues[0]?.message ?? 'invalid'}` };
      break;
    }
    case 'escalation.chase':
      result = await chase(services, turn.directory, caller, line.planId, line.actionId, reminderNudge(services, messenger, turn));
      break;
    case 'escalation.reassign': {
      const who = text(100).safeParse(input('person'));
      result = who.success ? await reassign(services, turn.directory, caller, line.planId, line.actionId, who.data) : { ok: false, message: 'type the name of the person to give it to' };
      break;
    }
    case 'escalation.accept': {
      const date = input('accept');
      result = typeof date === 'string' && isValidIsoDate(date) ? await acceptDelay(services, turn.directory, caller, line.planId, line.actionId, date, { digestKey: d }, line.occurrence) : { ok: false, message: 'pick the new date' };
      break;
    }
    default:
      result = await close(services, turn.directory, caller, line.planId, line.actionId, { digestKey: d }, line.occurrence);
  }
  if (!result.ok) return reply(`Not saved: ${readableDates(result.message)}`);
  // After a reassignment the roles have a holder: the line's "nobody can be reached" (and its missing Chase) goes.
  const reline = parsed.data.verb === 'escalation.reassign' ? await relineAfter(services, line, turn.today) : (l: DigestLine) => l;
  // A chase or a reassignment leaves the action as it was: the line says so and keeps its buttons.
  const noted = result.settles ? withOutcome(record, (l) => l === line, result.outcome) : withNote(record, (l) => l === line, result.outcome);
  const updated = { ...noted, lines: noted.lines.map((l, k) => (k === i ? reline(l) : l)) };
  await services.store.digests.save(updated);
  // Answers reach the other digests through answerAction; a reassignment is not an answer but is news too.
  if (parsed.data.verb === 'escalation.reassign') await refreshDigests(services, messenger, line.planId, line.actionId, result.outcome, turn.today, record.key, 'note', reline);
  return { card: digestCard(updated, turn.today, { line: i }), message: result.message };
}

/** Redraws an escalation line's reason from the roles as they are now (read again: the press changed them). */
async function relineAfter(services: Services, line: DigestLine, today: string): Promise<(l: DigestLine) => DigestLine> {
  const [stored, directory] = await Promise.all([services.store.actions.get(line.planId, line.actionId), loadDirectory(services.store)]);
  return (l) => (stored && l.why !== undefined ? currentWhy(l, stored, directory, today) : l);
}

function refused(services: Services, personId: string, problem: string): CardAnswerResult {
  services.logger.warn({ personId, problem }, 'digest button refused');
  return reply(`That could not be used (${problem}). Nothing was changed.`);
}

function readAnswer(verb: 'digest.done' | 'digest.delayed' | 'digest.blocked', input: (name: string) => unknown): Answer | string {
  if (verb === 'digest.done') return { kind: 'done' };
  const reason = text(MAX_REASON).safeParse(input(verb === 'digest.delayed' ? 'reason' : 'blocked'));
  if (!reason.success) return `reason: ${reason.error.issues[0]?.message ?? 'invalid'}`;
  if (verb === 'digest.blocked') return { kind: 'blocked', reason: reason.data };
  const date = input('newDate');
  if (!(typeof date === 'string' && isValidIsoDate(date))) return 'newDate: pick the new date from the calendar';
  return { kind: 'delayed', newDate: date, reason: reason.data };
}

async function answerLine(turn: ChatTurn, line: DigestLine, answer: Answer, digestKey: string): Promise<EscalationResult> {
  const outcome = await answerAction(turn.services, turn.directory, turn.caller, { planId: line.planId, actionId: line.actionId, occurrence: line.occurrence, answer, via: 'button', shownBy: { digestKey } });
  if (outcome.kind === 'stale') return { ok: false, message: `it changed a moment ago (now ${outcome.stored.progress.status}).` };
  if (outcome.kind !== 'saved') return { ok: false, message: outcome.reason };
  // The redrawn digest is all the presser sees: a note about the new date (weekend, after the plan) goes on the line.
  const note = newDateNote(outcome.change, turn.directory.plan(line.planId)?.period ?? null);
  return { ok: true, settles: true, outcome: `${outcomeLine(outcome.change)}${note ? `. ${note}` : ''}`, message: `Saved: ${typeableRef(outcome.stored)} ${outcome.change.summary}.${outcome.note ? ` ${outcome.note}` : ''}` };
}

/** Chase: each owner gets the action's reminder card now, headed as of today. */
function reminderNudge(services: Services, messenger: Messenger, turn: ChatTurn): Nudge {
  return nudgeWith(services, messenger, (stored) => renderCard('reminder', { ...actionCardFields(stored, turn.directory, turn.today), kind: bannerKind(stored.progress.dueDate ?? turn.today, turn.today) }));
}
