import type { IsoDate } from './plan.ts';
import type { ActionChange, ActionProgress, Actor, AnswerChannel } from './progress.ts';
import { daysBetween, isValidIsoDate, londonDate } from './calendar.ts';
import { nextOccurrence } from './progressStart.ts';

/** What an owner says about an action: done, delayed to a new date (and why), or blocked (and why). */
export type Answer =
  | { kind: 'done' }
  | { kind: 'delayed'; newDate: IsoDate; reason: string }
  | { kind: 'blocked'; reason: string };

/** Everything applyAnswer needs; time and "today" are passed in. */
export interface AnswerInput {
  progress: ActionProgress;
  /** All the action's dated occurrences, from the plan. */
  occurrences: IsoDate[];
  answer: Answer;
  by: Actor;
  via: AnswerChannel;
  /** ISO instant of the answer. */
  at: string;
  today: IsoDate;
}

/** The new progress plus the history entry that explains it, or why the answer was refused. */
export type AnswerResult =
  | { ok: true; progress: ActionProgress; change: ActionChange }
  | { ok: false; reason: string };

/** Longest reason kept; a reason is a line for a card, not a report. */
export const MAX_REASON = 500;

function checkReason(reason: string): string | { problem: string } {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return { problem: 'a reason is needed' };
  if (trimmed.length > MAX_REASON) return { problem: `the reason is too long (${trimmed.length} characters; at most ${MAX_REASON})` };
  return trimmed;
}

/**
 * Applies an owner's answer. "done" closes the occurrence in hand: a recurring action moves on to its
 * next occurrence and stays open, anything else becomes done. "delayed" moves the due date (to a day
 * after today) and keeps the occurrence; "blocked" keeps the date. A done action takes no more answers.
 */
export function applyAnswer(input: AnswerInput): AnswerResult {
  const { progress, answer, by, at } = input;
  if (progress.status === 'done') {
    const when = progress.updatedAt ? ` on ${londonDate(new Date(progress.updatedAt))}` : '';
    const who = progress.updatedBy ? ` by ${progress.updatedBy}` : '';
    return { ok: false, reason: `already done${when}${who}` };
  }

  let next: ActionProgress;
  let summary: string;
  if (answer.kind === 'done') {
    const following = progress.occurrence ? nextOccurrence(input.occurrences, progress.occurrence) : null;
    next = following
      ? { ...progress, status: 'open', occurrence: following, dueDate: following, reason: null }
      : { ...progress, status: 'done', reason: null };
    summary = following ? `done — next review ${following}` : 'done';
  } else if (answer.kind === 'delayed') {
    if (!isValidIsoDate(answer.newDate)) return { ok: false, reason: `"${answer.newDate}" is not a date` };
    if (answer.newDate <= input.today) return { ok: false, reason: `the new date must be after today (${input.today})` };
    const reason = checkReason(answer.reason);
    if (typeof reason !== 'string') return { ok: false, reason: reason.problem };
    next = { ...progress, status: 'delayed', dueDate: answer.newDate, reason };
    summary = `delayed to ${answer.newDate}: ${reason}`;
  } else {
    const reason = checkReason(answer.reason);
    if (typeof reason !== 'string') return { ok: false, reason: reason.problem };
    next = { ...progress, status: 'blocked', reason };
    summary = `blocked: ${reason}`;
  }
  next = { ...next, updatedAt: at, updatedBy: by.name };

  const change: ActionChange = {
    at,
    by,
    via: input.via,
    from: progress.status,
    to: next.status,
    occurrence: progress.occurrence,
    dueBefore: progress.dueDate,
    dueAfter: next.dueDate,
    reason: next.reason,
    summary,
  };
  return { ok: true, progress: next, change };
}

/** How an action stands for people and dashboards; derived, never stored. */
export type StatusLabel = 'done' | 'blocked' | 'overdue' | 'due soon' | 'on track' | 'no date';

/** A status label with the days behind it (null when the action has no due date). */
export interface StatusDescription {
  label: StatusLabel;
  daysLate: number | null;
  daysLeft: number | null;
  /** A short phrase: "overdue by 12 days", "due today", "due in 3 days", "blocked: waiting for the PCT". */
  text: string;
}

/** "Due soon" means due within this many days. */
export const DUE_SOON_DAYS = 14;

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/** Describes where an action stands today. Blocked wins over overdue: the block is the news. */
export function describeStatus(progress: ActionProgress, today: IsoDate): StatusDescription {
  const due = progress.dueDate;
  const left = due ? daysBetween(today, due) : null;
  const daysLate = left === null ? null : Math.max(0, -left);
  const daysLeft = left === null ? null : Math.max(0, left);
  const base = { daysLate, daysLeft };
  if (progress.status === 'done') return { ...base, label: 'done', text: 'done' };
  if (progress.status === 'blocked') return { ...base, label: 'blocked', text: progress.reason ? `blocked: ${progress.reason}` : 'blocked' };
  if (left === null) return { ...base, label: 'no date', text: 'no date' };
  if (left < 0) return { ...base, label: 'overdue', text: `overdue by ${days(-left)}` };
  const when = left === 0 ? 'due today' : `due in ${days(left)}`;
  return { ...base, label: left <= DUE_SOON_DAYS ? 'due soon' : 'on track', text: when };
}
