import { describe, expect, it } from 'vitest';
import { reminderHorizon, remindersDue, type ReminderRules, type TrackedAction } from '../../src/domain/reminders.ts';
import { applyAnswer } from '../../src/domain/answers.ts';
import { initialProgress } from '../../src/domain/progressStart.ts';
import { addDays } from '../../src/domain/calendar.ts';
import type { ActionProgress } from '../../src/domain/progress.ts';

const rules: ReminderRules = { daysBefore: [14, 7, 1, 0], overdueEveryDays: 7, escalateAfterDays: 14, catchUpDays: 3 };
const sept11 = '2011-09-30'; // a Friday

function tracked(progress: Partial<ActionProgress> & { dueDate: string | null }, actionId = 'grid-1-1.1.1'): TrackedAction {
  return {
    planId: 'isle-of-wight-dat-2011',
    actionId,
    progress: { status: 'open', occurrence: progress.dueDate, reason: null, updatedAt: null, updatedBy: null, ...progress },
  };
}

const steps = (actions: TrackedAction[], today: string) =>
  remindersDue(actions, today, rules).map((r) => `${r.audience}:${r.step}:${r.sendOn}`);

describe("the SMLO's reminders for 'Sept 11' (due Friday 2011-09-30)", () => {
  const action = tracked({ dueDate: sept11 });

  it('come 14, 7 and 1 days before and on the day', () => {
    expect(steps([action], '2011-09-16')).toEqual(['owners:before-14:2011-09-16']);
    expect(steps([action], '2011-09-23')).toEqual(['owners:before-7:2011-09-23']);
    expect(steps([action], '2011-09-29')).toEqual(['owners:before-1:2011-09-29']);
    expect(steps([action], '2011-09-30')).toEqual(['owners:due:2011-09-30']);
  });

  it('carry the kind, the days left and a key made of plan, action, occurrence, due date and step', () => {
    const [r] = remindersDue([action], '2011-09-23', rules);
    expect(r).toEqual({
      key: 'isle-of-wight-dat-2011|grid-1-1.1.1|2011-09-30|2011-09-30|before-7',
      planId: 'isle-of-wight-dat-2011', actionId: 'grid-1-1.1.1', occurrence: sept11, dueDate: sept11,
      kind: 'upcoming', step: 'before-7', audience: 'owners', sendOn: '2011-09-23', daysLate: 0, daysLeft: 7,
    });
    expect(remindersDue([action], sept11, rules)[0]?.kind).toBe('due-today');
  });

  it('say nothing on the days between', () => {
    for (const day of ['2011-09-15', '2011-09-21', '2011-09-22', '2011-09-28']) expect(steps([action], day)).toEqual([]);
  });

  it('nudge weekly once overdue, and tell the lead once at 14 days late', () => {
    expect(steps([action], '2011-10-07')).toEqual(['owners:overdue-7:2011-10-07']);
    expect(steps([action], '2011-10-14')).toEqual(['owners:overdue-14:2011-10-14', 'lead:escalation:2011-10-14']);
    expect(steps([action], '2011-10-21')).toEqual(['owners:overdue-21:2011-10-21']);
    const [nudge] = remindersDue([action], '2011-10-21', rules);
    expect(nudge).toMatchObject({ kind: 'overdue', daysLate: 21, daysLeft: 0 });
  });
});

describe('working days', () => {
  it('a reminder falling on Saturday goes out on Monday', () => {
    const action = tracked({ dueDate: '2026-06-20' }); // 7 days before is Saturday 13 June
    expect(steps([action], '2026-06-13')).toEqual([]);
    expect(steps([action], '2026-06-15')).toEqual(['owners:before-7:2026-06-15']);
  });

  it('one falling on Good Friday goes out on the Tuesday after Easter Monday', () => {
    const action = tracked({ dueDate: '2026-04-10' }); // 7 days before is Good Friday, 3 April
    expect(steps([action], '2026-04-06')).toEqual([]);
    expect(steps([action], '2026-04-07')).toEqual(['owners:before-7:2026-04-07']);
  });

  it('one falling on Easter Monday goes out on the Tuesday', () => {
    const action = tracked({ dueDate: '2026-04-20' }); // 14 days before is Easter Monday, 6 April
    expect(steps([action], '2026-04-07')).toEqual(['owners:before-14:2026-04-07']);
  });

  it('one falling on Christmas Day goes out after the Boxing Day substitute, on 29 December', () => {
    const action = tracked({ dueDate: '2027-01-01' }); // 7 days before is Friday 25 December 2026
    expect(steps([action], '2026-12-28')).toEqual([]);
    expect(steps([action], '2026-12-29')).toEqual(['owners:before-7:2026-12-29']);
  });

  it('nothing at all goes out on a weekend', () => {
    expect(steps([tracked({ dueDate: '2026-06-13' })], '2026-06-13')).toEqual([]);
  });
});

describe('catching up', () => {
  const action = tracked({ dueDate: sept11 });

  it('a step missed on Friday is still sent on Monday, but not once the window has passed', () => {
    expect(steps([action], '2011-09-19')).toEqual(['owners:before-14:2011-09-16']);
    expect(steps([action], '2011-09-20')).toEqual([]);
  });

  it('of several missed steps only the latest is sent', () => {
    expect(steps([action], '2011-10-03')).toEqual(['owners:due:2011-09-30']);
  });

  it('an action imported three months overdue gets one nudge, not a burst, and no late escalation', () => {
    const imported = tracked({ ...initialProgress(['2011-06-30'], '2011-09-30') });
    expect(steps([imported], '2011-09-29')).toEqual(['owners:overdue-91:2011-09-29']);
    expect(steps([imported], '2011-09-30')).toEqual(['owners:overdue-91:2011-09-29']);
    expect(steps([imported], '2011-10-04')).toEqual([]);
  });
});

describe('answers change the reminders', () => {
  const smlo = { id: 'aad-smlo', name: 'Sam Lowe' };

  it('a done action gets nothing', () => {
    const done = tracked({ dueDate: sept11, status: 'done', updatedAt: '2011-09-20T10:00:00Z' });
    for (const day of ['2011-09-23', sept11, '2011-10-14']) expect(steps([done], day)).toEqual([]);
  });

  it('a delayed action is reminded before its new date, under fresh keys', () => {
    const delayed = tracked({ status: 'delayed', occurrence: sept11, dueDate: '2011-10-31', reason: 'provider late', updatedAt: '2011-09-28T10:00:00Z' });
    expect(steps([delayed], sept11)).toEqual([]);
    expect(steps([delayed], '2011-10-14')).toEqual([]);
    const [r] = remindersDue([delayed], '2011-10-17', rules);
    expect(r?.key).toBe('isle-of-wight-dat-2011|grid-1-1.1.1|2011-09-30|2011-10-31|before-14');
    expect(steps([delayed], '2011-10-31')).toEqual(['owners:due:2011-10-31']);
  });

  it("an owner who has just answered isn't reminded of a step due that same day", () => {
    const delayed = tracked({ status: 'delayed', occurrence: sept11, dueDate: '2011-10-07', reason: 'venue', updatedAt: '2011-09-30T08:00:00Z' });
    expect(steps([delayed], sept11)).toEqual([]); // 7 days before the new date is today
    expect(steps([delayed], '2011-10-06')).toEqual(['owners:before-1:2011-10-06']);
  });

  it("a quarterly review's next occurrence gets its own reminders once this one is done", () => {
    const quarters = ['2011-06-30', sept11, '2011-12-31'];
    const answered = applyAnswer({
      progress: initialProgress(quarters, '2011-06-01'), occurrences: quarters, answer: { kind: 'done' },
      by: smlo, via: 'button', at: '2011-06-30T11:00:00Z', today: '2011-06-30',
    });
    if (!answered.ok) throw new Error(answered.reason);
    const review = { planId: 'isle-of-wight-dat-2011', actionId: 'grid-3-review', progress: answered.progress };
    expect(steps([review], '2011-06-30')).toEqual([]);
    const [r] = remindersDue([review], '2011-09-16', rules);
    expect(r).toMatchObject({ occurrence: sept11, step: 'before-14', key: 'isle-of-wight-dat-2011|grid-3-review|2011-09-30|2011-09-30|before-14' });
  });

  it('a blocked action escalates to the lead once per block, and its owners are not nudged', () => {
    const blockedAt = '2011-10-08T09:00:00.000Z'; // a Saturday, a week overdue
    const blocked = tracked({ status: 'blocked', dueDate: sept11, reason: 'waiting for the PCT', updatedAt: blockedAt });
    expect(steps([blocked], '2011-10-08')).toEqual([]);
    const [r] = remindersDue([blocked], '2011-10-10', rules);
    expect(r).toMatchObject({ kind: 'escalation', audience: 'lead', sendOn: '2011-10-10', step: `blocked-${blockedAt}`, daysLate: 10 });
    expect(r?.key).toContain(blockedAt);
    expect(steps([blocked], '2011-10-14')).toEqual([`lead:blocked-${blockedAt}:2011-10-10`]);
    const blockedAgain = tracked({ ...blocked.progress, updatedAt: '2011-11-01T09:00:00.000Z' });
    expect(remindersDue([blockedAgain], '2011-11-01', rules)[0]?.key).not.toBe(r?.key);
  });
});

describe('keys', () => {
  it('stay distinct whatever characters the ids hold (the store makes them valid table keys)', () => {
    const odd = [tracked({ dueDate: sept11 }, 'grid/1#2?\\x\n'), tracked({ dueDate: sept11 }, 'grid|1'), tracked({ dueDate: sept11 }, 'grid%7C1')];
    const keys = remindersDue(odd, sept11, rules).map((r) => r.key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});

describe('the reminder horizon', () => {
  it('is today plus the longest lead time', () => {
    expect(reminderHorizon('2011-09-16', rules)).toBe(sept11);
  });

  it('no action due after the horizon is reminded today, on any day of 2026', () => {
    for (let today = '2026-01-01'; today <= '2026-12-31'; today = addDays(today, 1)) {
      const horizon = reminderHorizon(today, rules);
      const beyond = [1, 2, 3, 5, 8].map((n) => tracked({ dueDate: addDays(horizon, n) }));
      expect(remindersDue(beyond, today, rules)).toEqual([]);
    }
  });
});
