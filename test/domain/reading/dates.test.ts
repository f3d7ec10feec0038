import { describe, expect, it } from 'vitest';
import { afterShift, readDate, readShift } from '../../../src/domain/reading/dates.ts';

const today = '2026-11-30'; // a Monday
const date = (s: string, on = today) => {
  const read = readDate(s, on);
  return read && 'date' in read ? read.date : read;
};

describe('dates as UK people write them', () => {
  it.each([
    ['31/07/2027', '2027-07-31'], ['31/7/27', '2027-07-31'], ['30/06', '2027-06-30'], ['1/12', '2026-12-01'], ['2027-01-04', '2027-01-04'],
    ['30 June', '2027-06-30'], ['4 Jan', '2027-01-04'], ['4th of January 2028', '2028-01-04'], ['June 30', '2027-06-30'],
    ['end of July', '2027-07-31'], ['the end of February 2028', '2028-02-29'], ['end of the month', '2026-11-30'], ['end of next month', '2026-12-31'],
    ['Monday', '2026-12-07'], ['on Friday', '2026-12-04'], ['Weds', '2026-12-02'], ['thurs.', '2026-12-03'], ['this Wednesday', '2026-12-02'], ['next Friday', '2026-12-11'], ['tomorrow', '2026-12-01'],
  ])('"%s" is %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it('a day without a year is the next one on or after today', () => {
    expect(date('29 Feb')).toBe('2028-02-29');
    expect(date('29/02')).toBe('2028-02-29');
    expect(date('Fri 4 Dec')).toBe('2026-12-04');
    expect(date('June 30th, 2027')).toBe('2027-06-30');
    expect(date('30 November')).toBe('2026-11-30');
    expect(date('29 November')).toBe('2027-11-29');
    expect(date('end of July', '2026-07-15')).toBe('2026-07-31');
  });

  it('says what is wrong with a date it cannot use, and reads nothing from words that are no date', () => {
    expect(readDate('31/02/2027', today)).toEqual({ problem: '"31/02/2027" is not a date' });
    expect(readDate('31/02', today)).toEqual({ problem: '"31/02" is not a date' });
    expect(readDate('31 Sept', today)).toEqual({ problem: '"31 Sept" is not a date' });
    expect(readDate('29 February 2027', today)).toEqual({ problem: '"29 February 2027" is not a date' });
    expect(readDate('next year', today)).toEqual({ problem: 'which day next year?' });
    expect(readDate('July', today)).toEqual({ problem: 'which day of July?', month: 'July' });
    expect(readDate('further notice', today)).toBeNull();
    expect(readDate('wedding season', today)).toBeNull();
    expect(readDate('monthly', today)).toBeNull();
  });

  it('keeps what follows the date', () => {
    expect(readDate('30 June because of the audit', today)).toEqual({ date: '2027-06-30', rest: ' because of the audit' });
  });
});

describe('spans', () => {
  it.each([
    ['by two weeks', 2, 'week'], ['back a month', 1, 'month'], ['3 days', 3, 'day'], ['by 10 days', 10, 'day'], ['a fortnight', 2, 'week'],
    ['another week', 1, 'week'], ['for six months', 6, 'month'], ['2 wks', 2, 'week'],
  ])('"%s" is %i %s(s)', (text, amount, unit) => {
    expect(readShift(text)?.shift).toEqual({ amount, unit });
  });

  it('is not read from words that are no span', () => {
    expect(readShift('to 30 June')).toBeNull();
    expect(readShift('by the council')).toBeNull();
  });

  it('lands on the day a span after a date', () => {
    expect(afterShift(today, { amount: 1, unit: 'week' })).toBe('2026-12-07');
    expect(afterShift('2027-01-31', { amount: 1, unit: 'month' })).toBe('2027-02-28');
  });
});
