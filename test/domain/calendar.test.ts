import { describe, expect, it } from 'vitest';
import {
  addDays, addMonthsKeepingMonthEnd, compareDates, dayOfWeek, daysBetween, financialYearOf,
  isMonthEnd, isValidIsoDate, lastDayOfMonth, londonDate,
} from '../../src/domain/calendar.ts';

describe('calendar days in the UK plan year', () => {
  it.each([
    ['2008-03-31', 1, '2008-04-01'],
    ['2012-02-28', 1, '2012-02-29'],
    ['2011-02-28', 1, '2011-03-01'],
    ['2011-12-31', 1, '2012-01-01'],
    ['2012-03-01', -1, '2012-02-29'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2008-04-01', 365, '2009-04-01'],
  ])('%s plus %i days is %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['2008-04-01', '2009-03-31', 364],
    ['2011-04-01', '2014-03-31', 1095],
    ['2012-03-01', '2012-02-28', -2],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
  ])('from %s to %s is %i days', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it.each([
    [2012, 2, '2012-02-29'],
    [2011, 2, '2011-02-28'],
    [2000, 2, '2000-02-29'],
    [2100, 2, '2100-02-28'],
    [2011, 9, '2011-09-30'],
    [2011, 12, '2011-12-31'],
    [2008, 6, '2008-06-30'],
  ])('the last day of %i-%i is %s', (y, m, expected) => {
    expect(lastDayOfMonth(y, m)).toBe(expected);
  });

  it.each([
    ['2011-06-30', 3, '2011-09-30'],
    ['2011-09-30', 3, '2011-12-31'],
    ['2011-12-31', 2, '2012-02-29'],
    ['2012-02-29', 12, '2013-02-28'],
    ['2011-02-28', 12, '2012-02-29'],
    ['2011-03-31', -1, '2011-02-28'],
    ['2011-01-30', 1, '2011-02-28'],
    ['2011-01-15', 1, '2011-02-15'],
    ['2008-04-01', 216, '2026-04-01'],
  ])('%s moved %i months is %s (a month-end stays a month-end)', (d, n, expected) => {
    expect(addMonthsKeepingMonthEnd(d, n)).toBe(expected);
  });

  it('knows a month end when it sees one', () => {
    expect(isMonthEnd('2012-02-29')).toBe(true);
    expect(isMonthEnd('2012-02-28')).toBe(false);
    expect(isMonthEnd('2011-02-28')).toBe(true);
  });

  it('sorts dates', () => {
    expect(['2011-09-30', '2008-06-30', '2011-04-30'].sort(compareDates)).toEqual(['2008-06-30', '2011-04-30', '2011-09-30']);
    expect(compareDates('2011-01-01', '2011-01-01')).toBe(0);
  });

  it.each([
    ['2012-02-29', true],
    ['2011-02-29', false],
    ['2011-04-31', false],
    ['2011-13-01', false],
    ['2011-00-10', false],
    ['2011-1-10', false],
    ['Sept 11', false],
    ['', false],
    ['2011-09-30T00:00:00Z', false],
    ['2026-04-01', true],
  ])('%j is a real date: %s', (d, ok) => {
    expect(isValidIsoDate(d)).toBe(ok);
  });

  it('reads the London day across the change to British Summer Time', () => {
    expect(londonDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('reads the London day in summer time, an hour ahead of UTC, and back in October', () => {
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });

  it.each([
    ['2008-04-01', '2008-04-01', '2009-03-31'],
    ['2009-03-31', '2008-04-01', '2009-03-31'],
    ['2026-01-15', '2025-04-01', '2026-03-31'],
    ['2026-12-25', '2026-04-01', '2027-03-31'],
  ])('%s falls in the financial year %s – %s', (d, start, end) => {
    expect(financialYearOf(d)).toEqual({ start, end });
  });

  it.each([
    ['2026-03-29', 0],
    ['2026-03-30', 1],
    ['2026-04-04', 6],
    ['2012-02-29', 3],
  ])('%s is day %i of the week', (d, dow) => {
    expect(dayOfWeek(d)).toBe(dow);
  });
});
