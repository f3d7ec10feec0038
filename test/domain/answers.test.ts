import { describe, expect, it } from 'vitest';
import { applyAnswer, describeStatus, type Answer, type AnswerInput } from '../../src/domain/answers.ts';
import { initialProgress, nextOccurrence } from '../../src/domain/progressStart.ts';
import type { ActionProgress, Actor } from '../../src/domain/progress.ts';

const smlo: Actor = { id: 'aad-smlo', name: 'Sam Lowe' };
const at = '2011-06-20T09:15:00.000Z';
const today = '2011-06-20';
const sept11 = ['2011-09-30'];
const quarterlyReview = ['2011-06-30', '2011-09-30', '2011-12-31', '2012-03-31'];

function answer(progress: ActionProgress, occurrences: string[], a: Answer, extra: Partial<AnswerInput> = {}) {
  return applyAnswer({ progress, occurrences, answer: a, by: smlo, via: 'button', at, today, ...extra });
}

function ok(result: ReturnType<typeof applyAnswer>) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('a freshly imported action', () => {
  it("is open with 'Sept 11' in hand", () => {
    expect(initialProgress(sept11, today)).toEqual({
      status: 'open', occurrence: '2011-09-30', dueDate: '2011-09-30', reason: null, updatedAt: null, updatedBy: null,
    });
  });

  it('keeps a past date in hand, so it shows as overdue', () => {
    const p = initialProgress(['2011-12-31', '2011-03-31', '2011-06-30'], today);
    expect(p.occurrence).toBe('2011-03-31');
    expect(describeStatus(p, today).label).toBe('overdue');
  });

  it('a quarterly review imported in October is chased for September, not for June as well', () => {
    expect(initialProgress(quarterlyReview, '2011-10-05').occurrence).toBe('2011-09-30');
  });

  it('a review whose first date is still ahead starts at that first date', () => {
    expect(initialProgress(quarterlyReview, '2011-05-01').occurrence).toBe('2011-06-30');
  });

  it('an ongoing action has no date', () => {
    expect(initialProgress([], today)).toMatchObject({ status: 'open', occurrence: null, dueDate: null });
  });

  it('finds the next occurrence strictly after a date', () => {
    expect(nextOccurrence(quarterlyReview, '2011-06-30')).toBe('2011-09-30');
    expect(nextOccurrence(quarterlyReview, '2012-03-31')).toBeNull();
  });
});

describe('answering done', () => {
  it("closes 'Sept 11' for good", () => {
    const r = ok(answer(initialProgress(sept11, today), sept11, { kind: 'done' }));
    expect(r.progress).toMatchObject({ status: 'done', occurrence: '2011-09-30', dueDate: '2011-09-30', updatedAt: at, updatedBy: 'Sam Lowe' });
    expect(r.change).toMatchObject({ from: 'open', to: 'done', occurrence: '2011-09-30', by: smlo, via: 'button', summary: 'done' });
  });

  it('closes only this quarter of a recurring review: the next one is now in hand', () => {
    const r = ok(answer(initialProgress(quarterlyReview, today), quarterlyReview, { kind: 'done' }));
    expect(r.progress).toMatchObject({ status: 'open', occurrence: '2011-09-30', dueDate: '2011-09-30' });
    expect(r.change).toMatchObject({ occurrence: '2011-06-30', dueBefore: '2011-06-30', dueAfter: '2011-09-30', summary: 'done — next review 2011-09-30' });
  });

  it('the last review done closes the action', () => {
    const last: ActionProgress = { ...initialProgress(quarterlyReview, today), occurrence: '2012-03-31', dueDate: '2012-03-31' };
    expect(ok(answer(last, quarterlyReview, { kind: 'done' })).progress.status).toBe('done');
  });

  it('is fine on a blocked or delayed action, and clears the reason', () => {
    const blocked = ok(answer(initialProgress(sept11, today), sept11, { kind: 'blocked', reason: 'waiting for the PCT' })).progress;
    const r = ok(answer(blocked, sept11, { kind: 'done' }));
    expect(r.progress).toMatchObject({ status: 'done', reason: null });
    expect(r.change.from).toBe('blocked');
  });

  it('a done action refuses another answer, saying when and by whom', () => {
    const done = ok(answer(initialProgress(sept11, today), sept11, { kind: 'done' })).progress;
    const again = answer(done, sept11, { kind: 'blocked', reason: 'x' });
    expect(again).toEqual({ ok: false, reason: 'already done on 2011-06-20 by Sam Lowe' });
  });
});

describe('answering delayed', () => {
  const open = initialProgress(['2011-06-30'], today);

  it('moves the due date, keeps the occurrence, and records why', () => {
    const r = ok(answer(open, ['2011-06-30'], { kind: 'delayed', newDate: '2011-07-31', reason: '  provider late ' }, { via: 'typed' }));
    expect(r.progress).toMatchObject({ status: 'delayed', occurrence: '2011-06-30', dueDate: '2011-07-31', reason: 'provider late' });
    expect(r.change).toMatchObject({ from: 'open', to: 'delayed', dueBefore: '2011-06-30', dueAfter: '2011-07-31', via: 'typed', summary: 'delayed to 2011-07-31: provider late' });
  });

  it('refuses a date that is today, past, or not a date', () => {
    for (const newDate of ['2011-06-20', '2011-06-01', '2011-02-30', 'soon']) {
      expect(answer(open, [], { kind: 'delayed', newDate, reason: 'r' }).ok).toBe(false);
    }
  });

  it('needs a reason of at most 500 characters', () => {
    expect(answer(open, [], { kind: 'delayed', newDate: '2011-07-31', reason: '   ' })).toEqual({ ok: false, reason: 'a reason is needed' });
    expect(answer(open, [], { kind: 'delayed', newDate: '2011-07-31', reason: 'x'.repeat(501) }).ok).toBe(false);
    expect(answer(open, [], { kind: 'delayed', newDate: '2011-07-31', reason: 'x'.repeat(500) }).ok).toBe(true);
  });
});

describe('answering blocked', () => {
  it('keeps the date and records the block', () => {
    const r = ok(answer(initialProgress(sept11, today), sept11, { kind: 'blocked', reason: 'waiting for the PCT' }));
    expect(r.progress).toMatchObject({ status: 'blocked', dueDate: '2011-09-30', reason: 'waiting for the PCT', updatedAt: at });
    expect(r.change.summary).toBe('blocked: waiting for the PCT');
  });

  it('needs a reason', () => {
    expect(answer(initialProgress(sept11, today), sept11, { kind: 'blocked', reason: '' }).ok).toBe(false);
  });
});

describe('describing where an action stands', () => {
  const due = (dueDate: string | null, status: ActionProgress['status'] = 'open'): ActionProgress =>
    ({ status, occurrence: dueDate, dueDate, reason: status === 'blocked' ? 'waiting for the PCT' : null, updatedAt: null, updatedBy: null });

  it('counts days late and left', () => {
    expect(describeStatus(due('2011-06-08'), today)).toEqual({ label: 'overdue', daysLate: 12, daysLeft: 0, text: 'overdue by 12 days' });
    expect(describeStatus(due('2011-06-20'), today)).toMatchObject({ label: 'due soon', daysLeft: 0, text: 'due today' });
    expect(describeStatus(due('2011-07-04'), today)).toMatchObject({ label: 'due soon', daysLeft: 14 });
    expect(describeStatus(due('2011-07-05'), today)).toMatchObject({ label: 'on track', daysLeft: 15, text: 'due in 15 days' });
  });

  it('blocked and done win over dates; no date is said plainly', () => {
    expect(describeStatus(due('2011-06-08', 'blocked'), today)).toMatchObject({ label: 'blocked', daysLate: 12, text: 'blocked: waiting for the PCT' });
    expect(describeStatus(due('2011-06-08', 'done'), today).label).toBe('done');
    expect(describeStatus(due(null), today)).toEqual({ label: 'no date', daysLate: null, daysLeft: null, text: 'no date' });
  });

  it('a delayed action is judged by its new date', () => {
    const delayed: ActionProgress = { ...due('2011-06-08', 'delayed'), dueDate: '2011-09-30' };
    expect(describeStatus(delayed, today).label).toBe('on track');
  });
});
