// A person's reminder settings and the rules that follow from them: how often their digest comes,
// pauses and leave, snoozed actions. Pure: today is passed in.
import { addDays, dayOfWeek, daysBetween } from './calendar.ts';
import type { IsoDate } from './plan.ts';
import type { ReminderMode } from './reading/intent.ts';
import { isWorkingDay, nextWorkingDay } from './workingDays.ts';

/** One action a person asked not to hear about until a date. */
export interface Snooze {
  planId: string;
  actionId: string;
  /** The first day it may be reminded again. */
  until: IsoDate;
}

/** How and when one person wants reminders. */
export interface PersonSettings {
  personId: string;
  /** Daily (working days, the default), weekly on a weekday (0 Sunday … 6 Saturday), or only when overdue. */
  mode: ReminderMode;
  /** Nothing is sent before this day; null when not paused. */
  pausedUntil: IsoDate | null;
  /** The pause is leave: the commissioner's lists say so. */
  onLeave: boolean;
  snoozes: Snooze[];
}

/** The settings of someone who never changed them. */
export function defaultSettings(personId: string): PersonSettings {
  return { personId, mode: { kind: 'daily' }, pausedUntil: null, onLeave: false, snoozes: [] };
}

/** True while reminders are paused (leave included). */
export function isPaused(settings: PersonSettings, today: IsoDate): boolean {
  return settings.pausedUntil !== null && today < settings.pausedUntil;
}

/** True while the person is on leave. */
export function isOnLeave(settings: PersonSettings, today: IsoDate): boolean {
  return settings.onLeave && isPaused(settings, today);
}

/**
 * The working day a weekly digest goes out in the week of `today`: the chosen weekday, or the next
 * working day after it when that is a bank holiday.
 */
function weeklyDay(weekday: number, today: IsoDate): IsoDate {
  const back = (dayOfWeek(today) - weekday + 7) % 7;
  return nextWorkingDay(addDays(today, -back));
}

/** Whether this person gets a digest today at all. */
export function digestDay(settings: PersonSettings, today: IsoDate): boolean {
  if (!isWorkingDay(today) || isPaused(settings, today)) return false;
  return settings.mode.kind !== 'weekly' || weeklyDay(settings.mode.weekday, today) === today;
}

/** How many days back a step may be and still be sent: a weekly reader gets the whole week's steps. */
export function lookBackDays(settings: PersonSettings, catchUpDays: number): number {
  return settings.mode.kind === 'weekly' ? Math.max(catchUpDays, 6) : catchUpDays;
}

/** True when the person asked to hear only about overdue (or blocked) actions. */
export function onlyOverdue(settings: PersonSettings): boolean {
  return settings.mode.kind === 'overdue-only';
}

/** True while an action is snoozed for this person. */
export function isSnoozed(settings: PersonSettings, planId: string, actionId: string, today: IsoDate): boolean {
  return settings.snoozes.some((s) => s.planId === planId && s.actionId === actionId && today < s.until);
}

/** Snoozes that ended today or in the last `catchUpDays`: those actions come back once. */
export function snoozesEnding(settings: PersonSettings, today: IsoDate, catchUpDays: number): Snooze[] {
  return settings.snoozes.filter((s) => s.until <= today && daysBetween(s.until, today) <= catchUpDays);
}

/** A snooze choice on a card: one working day, a week, or a date. */
export type SnoozeChoice = 'day' | 'week' | IsoDate;

/** The day a snoozed action comes back. */
export function snoozeUntil(choice: SnoozeChoice, today: IsoDate): IsoDate {
  if (choice === 'day') return nextWorkingDay(addDays(today, 1));
  if (choice === 'week') return nextWorkingDay(addDays(today, 7));
  return choice;
}

/** Adds (or moves) a snooze, dropping those long over so the list stays short. */
export function withSnooze(settings: PersonSettings, snooze: Snooze, today: IsoDate): PersonSettings {
  const kept = settings.snoozes.filter((s) => !(s.planId === snooze.planId && s.actionId === snooze.actionId) && daysBetween(s.until, today) <= 30);
  return { ...settings, snoozes: [...kept, snooze] };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "daily on working days", "weekly on Monday", "only when overdue". */
export function modeLabel(mode: ReminderMode): string {
  if (mode.kind === 'daily') return 'daily on working days';
  if (mode.kind === 'weekly') return `weekly on ${WEEKDAYS[mode.weekday] ?? 'Monday'}`;
  return 'only when overdue';
}
