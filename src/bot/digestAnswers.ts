// Buttons on a digest (Action.Execute): Done / Delayed / Blocked / Snooze on an owner's line, Chase /
// Reassign / Accept the delay / Close on the commissioner's, and "Show the other N". The digest is
// redrawn in place for the person who pressed, and every other digest showing that action is refreshed.
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { actionCardFields, typeableRef } from '../app/actionCards.ts';
import { answerAction } from '../app/answerAction.ts';
import { acceptDelay, chase, close, reassign, type EscalationResult, type Nudge } from '../app/escalationActions.ts';
import { asCover, snoozeAction } from '../app/reminderSettings.ts';
import { seenAt } from '../app/seenLabel.ts';
import type { Services } from '../app/services.ts';
import { digestCard } from '../cards/digestCards.ts';
import { dueLabel, readableDates } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import type { Answer } from '../domain/answers.ts';
import { MAX_REASON } from '../domain/answers.ts';
import { isValidIsoDate } from '../domain/calendar.ts';
import { bannerKind } from '../domain/digestItems.ts';
import type { DigestLine, DigestRecord } from '../domain/digestPorts.ts';
import type { CardAnswerResult } from './cardAnswer.ts';
import type { ChatTurn } from './commands/chatCommand.ts';
import { answeredCard, refreshSentCards } from './answeredCard.ts';
import { newDateNote } from './answerApply.ts';
import type { Messenger } from './messenger.ts';

const VERBS = ['digest.done', 'digest.delayed', 'digest.blocked', 'digest.snooze', 'digest.page', 'escalation.chase', 'escalation.reassign', 'escalation.accept', 'escalation.close'] as const;

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
  if (line.outcome) return reply(`Already answered: ${line.outcome}.`);
  const input = (name: string): unknown => fields[`${name}${i}`];

  let result: EscalationResult;
  switch (parsed.data.verb) {
    case 'digest.done': case 'digest.delayed': case 'digest.blocked': {
      const answer = readAnswer(parsed.data.verb, input);
      if (typeof answer === 'string') return refused(services, caller.id, answer);
      result = await answerLine(turn, messenger, line, answer, record.sentAt);
      break;
    }
    case 'digest.snooze': {
      const date = input('snooze');
      if (s === 'date' && !(typeof date === 'string' && isValidIsoDate(date))) return refused(services, caller.id, 'pick the date to snooze until');
      const done = await snoozeAction(services, caller.id, line.planId, line.actionId, s === 'date' ? String(date) : (s ?? 'day'), turn.today);
      result = done.ok ? { ok: true, outcome: done.message, message: done.message } : { ok: false, message: done.message };
      break;
    }
    case 'escalation.chase':
      result = await chase(services, turn.directory, caller, line.planId, line.actionId, nudgeWith(services, messenger, turn));
      break;
    case 'escalation.reassign': {
      const who = text(100).safeParse(input('person'));
      result = who.success ? await reassign(services, turn.directory, caller, line.planId, line.actionId, who.data) : { ok: false, message: 'type the name of the person to give it to' };
      break;
    }
    case 'escalation.accept': {
      const date = input('accept');
      result = typeof date === 'string' && isValidIsoDate(date) ? await acceptDelay(services, turn.directory, caller, line.planId, line.actionId, date) : { ok: false, message: 'pick the new date' };
      break;
    }
    default:
      result = await close(services, turn.directory, caller, line.planId, line.actionId);
  }
  if (!result.ok) return reply(`Not saved: ${readableDates(result.message)}`);
  const updated = withOutcome(record, (l) => l === line, result.outcome);
  await services.store.digests.save(updated);
  // A snooze is the presser's own business; an answer is news for everyone reminded of the action.
  if (parsed.data.verb !== 'digest.snooze' && parsed.data.verb !== 'escalation.chase') await refreshDigests(services, messenger, line.planId, line.actionId, result.outcome, turn.today, record.key);
  return { card: digestCard(updated, turn.today, { line: i }), message: result.message };
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

async function answerLine(turn: ChatTurn, messenger: Messenger, line: DigestLine, answer: Answer, sentAt: string | null): Promise<EscalationResult> {
  const { services, directory } = turn;
  const stored = await services.store.actions.get(line.planId, line.actionId);
  // A digest carries no version: an action changed since it was sent (a co-owner's typed answer) is not overwritten.
  if (stored && sentAt && stored.progress.updatedAt && stored.progress.updatedAt > sentAt) {
    const who = stored.progress.updatedBy ? directory.person(stored.progress.updatedBy)?.name ?? stored.progress.updatedBy : 'someone';
    return { ok: false, message: `${typeableRef(stored)} changed since this digest was sent: ${who} made it ${stored.progress.status}${stored.progress.dueDate ? ` (due ${dueLabel(stored.progress.dueDate)})` : ''}. Nothing was changed; type your answer (e.g. "done ${typeableRef(stored)}") if you still mean it.` };
  }
  const caller = stored ? await asCover(services, turn.caller, stored.action) : turn.caller;
  const outcome = await answerAction(services, directory, caller, { planId: line.planId, actionId: line.actionId, occurrence: line.occurrence, answer, via: 'button' });
  if (outcome.kind === 'stale') return { ok: false, message: `it changed a moment ago (now ${outcome.stored.progress.status}).` };
  if (outcome.kind !== 'saved') return { ok: false, message: outcome.reason };
  const { change } = outcome;
  const how = change.to === 'delayed' && change.dueAfter ? `Delayed to ${dueLabel(change.dueAfter)} (${change.reason ?? ''})` : change.to === 'blocked' ? `Blocked (${change.reason ?? ''})` : 'Done';
  // The single-action cards sent about it (to others) show the answer too.
  await refreshSentCards(services, messenger, outcome.stored, answeredCard(outcome.stored, change, directory, turn.today), undefined);
  // The redrawn digest is all the presser sees: a note about the new date (weekend, after the plan) goes on the line.
  const note = [outcome.note, newDateNote(change, directory.plan(line.planId)?.period ?? null)].filter(Boolean).join(' ');
  return { ok: true, outcome: `${how} by ${caller.name}, ${seenAt(change.at)}${note ? `. ${note}` : ''}`, message: `Saved: ${typeableRef(outcome.stored)} ${change.summary}.${outcome.note ? ` ${outcome.note}` : ''}` };
}

function withOutcome(record: DigestRecord, which: (l: DigestLine) => boolean, outcome: string): DigestRecord {
  return { ...record, lines: record.lines.map((l) => (which(l) && !l.outcome ? { ...l, outcome } : l)) };
}

/**
 * Shows `outcome` against the action on every digest that lists it (other owners', the commissioner's
 * escalation digest), redrawing each in its chat. Failures are logged: the answer is already saved.
 */
export async function refreshDigests(services: Services, messenger: Messenger, planId: string, actionId: string, outcome: string, today: string, exceptKey?: string): Promise<number> {
  let refreshed = 0;
  for (const record of await services.store.digests.withAction(planId, actionId)) {
    if (record.key === exceptKey || !record.activityId || record.lines.length < 2) continue;
    const updated = withOutcome(record, (l) => l.planId === planId && l.actionId === actionId, outcome);
    try {
      await services.store.digests.save(updated);
      const conversation = (await services.store.people.conversationOf(record.personId)) as Partial<ConversationReference> | null;
      if (!conversation) continue;
      await messenger.update(conversation, record.activityId, digestCard(updated, today));
      refreshed += 1;
    } catch (err) {
      services.logger.warn({ personId: record.personId, err: { message: (err as Error).message } }, 'could not refresh a digest');
    }
  }
  return refreshed;
}

/** Chase: each owner gets the action's reminder card now, headed as of today. */
function nudgeWith(services: Services, messenger: Messenger, turn: ChatTurn): Nudge {
  return async (people, stored) => {
    const card = renderCard('reminder', { ...actionCardFields(stored, turn.directory, turn.today), kind: bannerKind(stored.progress.dueDate ?? turn.today, turn.today) });
    let sent = 0;
    for (const person of people) {
      const conversation = (await services.store.people.conversationOf(person.id)) as Partial<ConversationReference> | null;
      if (!conversation) continue;
      try {
        await messenger.send(conversation, card);
        sent += 1;
      } catch (err) {
        services.logger.warn({ personId: person.id, err: { message: (err as Error).message } }, 'chase not delivered');
      }
    }
    return sent;
  };
}
