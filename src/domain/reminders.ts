import type { IsoDate } from './plan.ts';
import type { ActionProgress } from './progress.ts';
import { addDays, daysBetween, londonDate } from './calendar.ts';
import { isWorkingDay, nextWorkingDay } from './workingDays.ts';

/** Settings for when reminders go out. */
export interface ReminderRules {
  /** Days before the due date an owner is reminded, e.g. [14, 7, 1, 0]; 0 is "due today". */
  daysBefore: number[];
  /** An overdue action is nudged every this many days after its due date. */
  overdueEveryDays: number;
  /** The lead hears once an action is this many days late. */
  escalateAfterDays: number;
  /** How far back a missed step is still worth sending (the bot was down, a weekend passed). */
  catchUpDays: number;
}

/** An action as the reminder sweep sees it. */
export interface TrackedAction {
  planId: string;
  actionId: string;
  progress: ActionProgress;
}

export type ReminderKind = 'upcoming' | 'due-today' | 'overdue' | 'escalation';

/** One message to send today. `key` is stable, so a sweep that runs twice sends it once. */
export interface Reminder {
  key: string;
  planId: string;
  actionId: string;
  occurrence: IsoDate;
  dueDate: IsoDate;
  kind: ReminderKind;
  /** Which step of the schedule: "before-14", "due", "overdue-7", "escalation", "blocked-<instant>". */
  step: string;
  audience: 'owners' | 'lead';
  sendOn: IsoDate;
  daysLate: number;
  daysLeft: number;
}

interface Step {
  step: string;
  kind: ReminderKind;
  audience: 'owners' | 'lead';
  sendOn: IsoDate;
}

// A step moved off a weekend or bank holiday lands at most this many days later (Christmas at a weekend).
const LONGEST_MOVE = 6;

// '|' separates the parts of a reminder key and '%' escapes, so both are escaped in each part and
// different ids never give the same key. What Azure forbids in keys is the store's business (keys.ts).
const keyPart = (s: string): string => s.replace(/[%|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function stepsBefore(due: IsoDate, rules: ReminderRules): Step[] {
  const days = [...new Set(rules.daysBefore)].filter((n) => n >= 0).sort((a, b) => b - a);
  return days.map((n) => ({
    step: n === 0 ? 'due' : `before-${n}`,
    kind: n === 0 ? 'due-today' : 'upcoming',
    audience: 'owners',
    sendOn: nextWorkingDay(addDays(due, -n)),
  }));
}

/** Only the overdue nudges that could fall in today's window: an action years late costs no more. */
function overdueSteps(due: IsoDate, today: IsoDate, rules: ReminderRules): Step[] {
  const every = rules.overdueEveryDays;
  if (every <= 0) return [];
  const late = daysBetween(due, today);
  const first = Math.max(1, Math.ceil((late - rules.catchUpDays - 1 - LONGEST_MOVE) / every));
  const steps: Step[] = [];
  for (let k = first; k * every <= late; k++) {
    steps.push({ step: `overdue-${k * every}`, kind: 'overdue', audience: 'owners', sendOn: nextWorkingDay(addDays(due, k * every)) });
  }
  return steps;
}

const inWindow = (sendOn: IsoDate, today: IsoDate, rules: ReminderRules): boolean =>
  sendOn <= today && daysBetween(sendOn, today) <= rules.catchUpDays;

function remindersFor(action: TrackedAction, today: IsoDate, rules: ReminderRules): Step[] {
  const { progress } = action;
  if (progress.status === 'done' || !progress.dueDate) return [];
  if (progress.status === 'blocked') {
    // No catch-up limit: the lead must hear of a block however late; the key makes it once per block.
    const since = progress.updatedAt ? londonDate(new Date(progress.updatedAt)) : today;
    const sendOn = nextWorkingDay(since);
    const step = `blocked-${progress.updatedAt ?? 'unknown'}`;
    return sendOn <= today ? [{ step, kind: 'escalation', audience: 'lead', sendOn }] : [];
  }
  const due = progress.dueDate;
  // Steps on or before the day of the last answer are dropped: the owner has just told us.
  const answered = progress.updatedAt ? londonDate(new Date(progress.updatedAt)) : null;
  const fresh = (s: Step): boolean => inWindow(s.sendOn, today, rules) && (answered === null || s.sendOn > answered);

  const ownerSteps = [...stepsBefore(due, rules), ...overdueSteps(due, today, rules)].filter(fresh);
  // Steps are in schedule order and their send days never go backwards, so the last is the latest.
  const latest = ownerSteps.at(-1);
  const result = latest ? [latest] : [];
  const escalation: Step = {
    step: 'escalation', kind: 'escalation', audience: 'lead',
    sendOn: nextWorkingDay(addDays(due, rules.escalateAfterDays)),
  };
  if (daysBetween(due, today) >= rules.escalateAfterDays && fresh(escalation)) result.push(escalation);
  return result;
}

/**
 * The reminders to send today. Each step of an open or delayed action (n days before, due today,
 * overdue nudges, one escalation to the lead) moves to the next working day; a step missed by up to
 * `catchUpDays` is still sent, but of an action's due owner steps only the latest, so a newly
 * imported action gets no burst of old reminders. A blocked action escalates to the lead once per
 * block. Nothing goes out on a weekend or bank holiday: those steps wait for the next working day.
 */
export function remindersDue(actions: TrackedAction[], today: IsoDate, rules: ReminderRules): Reminder[] {
  if (!isWorkingDay(today)) return [];
  return actions.flatMap((action) => {
    const { dueDate } = action.progress;
    if (!dueDate) return [];
    const occurrence = action.progress.occurrence ?? dueDate;
    const left = daysBetween(today, dueDate);
    return remindersFor(action, today, rules).map((s) => ({
      key: [action.planId, action.actionId, occurrence, dueDate, s.step].map(keyPart).join('|'),
      planId: action.planId,
      actionId: action.actionId,
      occurrence,
      dueDate,
      kind: s.kind,
      step: s.step,
      audience: s.audience,
      sendOn: s.sendOn,
      daysLate: Math.max(0, -left),
      daysLeft: Math.max(0, left),
    }));
  });
}

/**
 * The latest due date that can give an owner a reminder today: today plus the longest lead time.
 * Steps only ever move later (to the next working day), so no slack is needed. Overdue actions are
 * due before this anyway; blocked actions escalate whatever their date, so read those regardless.
 */
export function reminderHorizon(today: IsoDate, rules: ReminderRules): IsoDate {
  return addDays(today, Math.max(0, ...rules.daysBefore));
}
