// A card button press is untrusted input: it is checked field by field before anything is looked up.
import { z } from 'zod';
import type { Answer } from '../domain/answers.ts';
import { MAX_REASON } from '../domain/answers.ts';
import { isValidIsoDate } from '../domain/calendar.ts';

const id = z.string().min(1).max(200).regex(/^[\w.:|%-]+$/, 'unexpected characters');
const date = z.string().refine(isValidIsoDate, 'not a date (YYYY-MM-DD)');
const reason = z.string().trim().min(1, 'a reason is needed').max(MAX_REASON, `the reason must be at most ${MAX_REASON} characters`);

const submission = z.strictObject({
  verb: z.enum(['done', 'delayed', 'blocked']),
  planId: id,
  actionId: id,
  occurrence: z.union([date, z.literal('')]),
  dueDate: z.union([date, z.literal('')]),
  newDate: z.string().optional(),
  reason: z.string().optional(),
  blockedReason: z.string().optional(),
  version: z.string().max(200).optional(),
});

/** A checked card answer. */
export interface CardSubmission {
  planId: string;
  actionId: string;
  /** null when the card was about an undated action. */
  occurrence: string | null;
  answer: Answer;
  /** The action's version the card showed (cards sent before versions carry none). */
  version: string | null;
}

/** Reads the data of an Action.Execute (verb + data) or an Action.Submit (data with verb). */
export function readCardSubmission(verb: unknown, data: unknown): { ok: true; value: CardSubmission } | { ok: false; problem: string } {
  const merged = typeof data === 'object' && data !== null && !Array.isArray(data) ? { ...data, ...(verb === undefined ? {} : { verb }) } : { verb };
  const parsed = submission.safeParse(merged);
  if (!parsed.success) {
    return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'card'}: ${i.message}`).join('; ') };
  }
  const v = parsed.data;
  const base = { planId: v.planId, actionId: v.actionId, occurrence: v.occurrence === '' ? null : v.occurrence, version: v.version || null };
  if (v.verb === 'done') return { ok: true, value: { ...base, answer: { kind: 'done' } } };
  if (v.verb === 'delayed') {
    const newDate = date.safeParse(v.newDate ?? '');
    if (!newDate.success) return { ok: false, problem: 'newDate: pick the new date from the calendar' };
    const why = reason.safeParse(v.reason ?? '');
    if (!why.success) return { ok: false, problem: `reason: ${why.error.issues[0]?.message ?? 'invalid'}` };
    return { ok: true, value: { ...base, answer: { kind: 'delayed', newDate: newDate.data, reason: why.data } } };
  }
  const why = reason.safeParse(v.blockedReason ?? v.reason ?? '');
  if (!why.success) return { ok: false, problem: `reason: ${why.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, value: { ...base, answer: { kind: 'blocked', reason: why.data } } };
}
