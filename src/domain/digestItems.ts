// What goes in a person's digest and in what order: each item's section (blocked, overdue, due today,
// due this week, coming up, recurring review) as of the day it is sent, most urgent first. Pure.
import { daysBetween } from './calendar.ts';
import type { IsoDate } from './plan.ts';
import type { ActionStatus } from './progress.ts';

/** The sections of a digest, most urgent first. */
export const SECTIONS = ['blocked', 'overdue', 'due-today', 'due-this-week', 'recurring', 'coming-up'] as const;
export type DigestSection = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<DigestSection, string> = {
  blocked: 'Blocked',
  overdue: 'Overdue',
  'due-today': 'Due today',
  'due-this-week': 'Due this week',
  recurring: 'Recurring reviews',
  'coming-up': 'Coming up',
};

/** An action as the digest sees it. */
export interface DigestSubject {
  planId: string;
  actionId: string;
  status: ActionStatus;
  dueDate: IsoDate | null;
  recurring: boolean;
}

/** The section an action belongs in on `today`: what it is on the day sent, not what its step was called. */
export function sectionOf(subject: DigestSubject, today: IsoDate): DigestSection {
  if (subject.status === 'blocked') return 'blocked';
  if (!subject.dueDate) return 'coming-up';
  const left = daysBetween(today, subject.dueDate);
  if (left < 0) return 'overdue';
  if (left === 0) return 'due-today';
  if (subject.recurring) return 'recurring';
  return left <= 7 ? 'due-this-week' : 'coming-up';
}

/** The banner of a single-action reminder card, as of the day sent ("Due today" only on the day). */
export function bannerKind(dueDate: IsoDate, today: IsoDate): 'overdue' | 'dueToday' | 'upcoming' {
  const left = daysBetween(today, dueDate);
  return left < 0 ? 'overdue' : left === 0 ? 'dueToday' : 'upcoming';
}

/** Most urgent first: by section, then the latest (or soonest due) first, then plan and action. */
export function byUrgency<T extends DigestSubject>(items: T[], today: IsoDate): T[] {
  const rank = (s: T): number => SECTIONS.indexOf(sectionOf(s, today));
  return [...items].sort((a, b) =>
    rank(a) - rank(b)
    || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')
    || a.planId.localeCompare(b.planId)
    || a.actionId.localeCompare(b.actionId));
}

/** Items grouped by section in urgency order, empty sections left out. */
export function bySection<T extends DigestSubject>(items: T[], today: IsoDate): { section: DigestSection; items: T[] }[] {
  const sorted = byUrgency(items, today);
  return SECTIONS.map((section) => ({ section, items: sorted.filter((i) => sectionOf(i, today) === section) })).filter((g) => g.items.length > 0);
}
