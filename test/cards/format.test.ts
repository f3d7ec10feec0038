import { describe, expect, it } from 'vitest';
import { countLabel, dueDistance, dueLabel, shorten } from '../../src/cards/format.ts';

describe('how cards write dates and texts', () => {
  it("'Sept 11' is written as a UK day", () => {
    expect(dueLabel('2011-09-30')).toBe('Fri 30 Sep 2011');
  });

  it('says how far away or how late a due date is', () => {
    expect(dueDistance('2011-09-30', '2011-09-23')).toBe('in 7 days');
    expect(dueDistance('2011-09-30', '2011-09-29')).toBe('tomorrow');
    expect(dueDistance('2011-09-30', '2011-09-30')).toBe('due today');
    expect(dueDistance('2011-09-30', '2011-10-01')).toBe('1 day late');
    expect(dueDistance('2011-09-30', '2011-10-03')).toBe('3 days late');
    // Across the clocks going back (30 Oct 2011) a day is still a day.
    expect(dueDistance('2011-11-01', '2011-10-29')).toBe('in 3 days');
  });

  it('shortens a long action at a word and leaves a short one alone', () => {
    const long = 'Ensure that all young people identified as having substance misuse needs are referred to specialist services within five days';
    const short = shorten(long, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shorten('Train  school\nstaff', 60)).toBe('Train school staff');
  });

  it('counts in words', () => {
    expect(countLabel(1, 'action')).toBe('1 action');
    expect(countLabel(12, 'action')).toBe('12 actions');
  });
});
