import { describe, expect, it } from 'vitest';
import { changesSince, gridRating } from '../../src/domain/briefing.ts';
import { bannerKind, bySection, sectionOf } from '../../src/domain/digestItems.ts';
import { defaultSettings, digestDay, isOnLeave, isSnoozed, snoozeUntil, withSnooze } from '../../src/domain/personSettings.ts';
import { whoNeedsWhat } from '../../src/domain/whoNeedsWhat.ts';
import type { Reminder } from '../../src/domain/reminders.ts';

const subject = (dueDate: string | null, status: 'open' | 'blocked' = 'open', recurring = false) => ({ planId: 'p', actionId: `a${dueDate}`, status, dueDate, recurring });

describe('what a digest line is, as of the day sent', () => {
  it('sections: blocked, overdue, due today, due this week, recurring, coming up', () => {
    const today = '2026-12-01';
    expect(sectionOf(subject('2026-11-20', 'blocked'), today)).toBe('blocked');
    expect(sectionOf(subject('2026-11-27'), today)).toBe('overdue');
    expect(sectionOf(subject('2026-12-01'), today)).toBe('due-today');
    expect(sectionOf(subject('2026-12-08'), today)).toBe('due-this-week');
    expect(sectionOf(subject('2026-12-15', 'open', true), today)).toBe('recurring');
    expect(sectionOf(subject('2026-12-15'), today)).toBe('coming-up');
  });

  it('a "due" step moved past Christmas is headed overdue on the day it goes', () => {
    expect(bannerKind('2026-12-25', '2026-12-29')).toBe('overdue');
    expect(bannerKind('2026-12-29', '2026-12-29')).toBe('dueToday');
    expect(bannerKind('2026-12-30', '2026-12-29')).toBe('upcoming');
  });

  it('most urgent first: the oldest overdue before the newer', () => {
    const groups = bySection([subject('2026-12-10'), subject('2026-11-01'), subject('2026-11-20'), subject('2026-11-25', 'blocked')], '2026-12-01');
    expect(groups.map((g) => [g.section, g.items.map((i) => i.dueDate)])).toEqual([['blocked', ['2026-11-25']], ['overdue', ['2026-11-01', '2026-11-20']], ['coming-up', ['2026-12-10']]]);
  });
});

describe('settings', () => {
  const sam = defaultSettings('sam');

  it('weekly on Monday: the Monday, or the Tuesday after a bank holiday Monday', () => {
    const weekly = { ...sam, mode: { kind: 'weekly' as const, weekday: 1 } };
    expect(digestDay(weekly, '2026-11-30')).toBe(true);
    expect(digestDay(weekly, '2026-12-01')).toBe(false);
    // Easter Monday 2027 is 29 March.
    expect(digestDay(weekly, '2027-03-29')).toBe(false);
    expect(digestDay(weekly, '2027-03-30')).toBe(true);
  });

  it('leave until a date: nothing before it, and the person counts as on leave', () => {
    const away = { ...sam, pausedUntil: '2027-01-04', onLeave: true };
    expect(digestDay(away, '2026-12-31')).toBe(false);
    expect(isOnLeave(away, '2026-12-31')).toBe(true);
    expect(digestDay(away, '2027-01-04')).toBe(true);
  });

  it('snooze a day, a week or to a date; a new snooze of the same action replaces the old', () => {
    expect(snoozeUntil('day', '2026-12-04')).toBe('2026-12-07');
    expect(snoozeUntil('week', '2026-12-01')).toBe('2026-12-08');
    const once = withSnooze(sam, { planId: 'p', actionId: 'a', until: '2026-12-08' }, '2026-12-01');
    const twice = withSnooze(once, { planId: 'p', actionId: 'a', until: '2026-12-10' }, '2026-12-01');
    expect(twice.snoozes).toEqual([{ planId: 'p', actionId: 'a', until: '2026-12-10' }]);
    expect(isSnoozed(twice, 'p', 'a', '2026-12-09')).toBe(true);
    expect(isSnoozed(twice, 'p', 'a', '2026-12-10')).toBe(false);
  });

  it('who needs what: one line per action per person; "only when overdue" keeps overdue and blocked', () => {
    const reminder = (actionId: string, kind: Reminder['kind']): Reminder => ({ key: actionId, planId: 'p', actionId, occurrence: '2026-12-01', dueDate: '2026-12-01', kind, step: 's', audience: 'owners', sendOn: '2026-12-01', daysLate: 0, daysLeft: 0 });
    const settings = (id: string) => (id === 'omar' ? { ...defaultSettings(id), mode: { kind: 'overdue-only' as const } } : defaultSettings(id));
    const got = whoNeedsWhat([
      { personId: 'sam', reminder: reminder('a1', 'upcoming'), blocked: false },
      { personId: 'sam', reminder: reminder('a1', 'upcoming'), blocked: false },
      { personId: 'omar', reminder: reminder('a2', 'upcoming'), blocked: false },
      { personId: 'omar', reminder: reminder('a3', 'overdue'), blocked: false },
      { personId: 'omar', reminder: reminder('a4', 'upcoming'), blocked: true },
    ], settings, '2026-12-01');
    expect(got.get('sam')?.map((r) => r.actionId)).toEqual(['a1']);
    expect(got.get('omar')?.map((r) => r.actionId)).toEqual(['a3', 'a4']);
  });
});

describe('the weekly briefing rules', () => {
  it('changes since last week: done, newly late, newly blocked, dates moved', () => {
    const before = { asOf: '2026-11-23', actions: { a: { status: 'open' as const, dueDate: '2026-11-20' }, b: { status: 'open' as const, dueDate: '2026-11-27' }, c: { status: 'open' as const, dueDate: '2026-12-20' }, d: { status: 'open' as const, dueDate: '2026-12-20' } } };
    const now = { asOf: '2026-11-30', actions: { a: { status: 'done' as const, dueDate: '2026-11-20' }, b: { status: 'open' as const, dueDate: '2026-11-27' }, c: { status: 'blocked' as const, dueDate: '2026-12-20' }, d: { status: 'delayed' as const, dueDate: '2027-01-31' } } };
    expect(changesSince(before, now)).toEqual({ done: 1, newlyLate: 1, newlyBlocked: 1, datesMoved: 1 });
  });

  it('a grid is red when a fifth or more of its actions are red, amber when any is red or a fifth amber, else green', () => {
    expect(gridRating({ red: 2, amber: 0, total: 10 })).toBe('Red');
    expect(gridRating({ red: 1, amber: 0, total: 10 })).toBe('Amber');
    expect(gridRating({ red: 0, amber: 2, total: 10 })).toBe('Amber');
    expect(gridRating({ red: 0, amber: 1, total: 10 })).toBe('Green');
    expect(gridRating({ red: 1, amber: 0, total: 5 })).toBe('Red');
    expect(gridRating({ red: 0, amber: 0, total: 0 })).toBe('Green');
  });
});
