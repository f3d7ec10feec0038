import { describe, expect, it } from 'vitest';
import { findPeriod } from '../../../src/domain/reading/periods.ts';

const span = (s: string, today = '2026-11-30') => {
  const found = findPeriod(s, today);
  return found ? [found.from, found.to, found.phrase] : null;
};

describe('the days a question is about', () => {
  it.each([
    ['due today', '2026-11-30', '2026-11-30', 'today'],
    ['due tomorrow', '2026-12-01', '2026-12-01', 'tomorrow'],
    ['this week', '2026-11-30', '2026-12-06', 'this week'],
    ['next week', '2026-12-07', '2026-12-13', 'next week'],
    ['this month', '2026-11-30', '2026-11-30', 'this month'],
    ['next month', '2026-12-01', '2026-12-31', 'next month'],
    ['in January', '2027-01-01', '2027-01-31', 'in January 2027'],
    ['in November', '2026-11-01', '2026-11-30', 'in November 2026'],
    ['in March 2028', '2028-03-01', '2028-03-31', 'in March 2028'],
    ['in the next 14 days', '2026-11-30', '2026-12-14', 'in the next 14 days'],
    ['within two weeks', '2026-11-30', '2026-12-14', 'in the next 14 days'],
    ['due soon', '2026-11-30', '2026-12-14', 'in the next 14 days'],
    ['by Friday', '2026-11-30', '2026-12-04', 'by Fri 4 Dec 2026'],
    ['before 1 January', '2026-11-30', '2026-12-31', 'by Thu 31 Dec 2026'],
    ['on 4/12', '2026-12-04', '2026-12-04', 'on Fri 4 Dec 2026'],
    ['by the end of next month', '2026-11-30', '2026-12-31', 'by Thu 31 Dec 2026'],
  ])('"%s" runs %s to %s', (text, from, to, phrase) => {
    expect(span(text)).toEqual([from, to, phrase]);
  });

  it('weeks run Monday to Sunday: on a Sunday, "this week" is that day and "next week" starts the day after', () => {
    expect(span('this week', '2026-12-06')).toEqual(['2026-12-06', '2026-12-06', 'this week']);
    expect(span('next week', '2026-12-06')).toEqual(['2026-12-07', '2026-12-13', 'next week']);
  });

  it('"next month" in December is January of the next year', () => {
    expect(span('next month', '2026-12-15')).toEqual(['2027-01-01', '2027-01-31', 'next month']);
  });

  it('says where the period was written, and finds none in other words', () => {
    expect(findPeriod("what's due next week in grid 3", '2026-11-30')).toMatchObject({ index: 11, length: 9 });
    expect(findPeriod('overdue for grid 2', '2026-11-30')).toBeNull();
    expect(findPeriod('blocked on 2.1 - no data', '2026-11-30')).toBeNull();
  });
});
