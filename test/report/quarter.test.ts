import { describe, expect, it } from 'vitest';
import { lastEndedQuarter, nextQuarter, parseQuarter, quarter, quarterKey, quarterLabel, quarterOf } from '../../src/report/quarter.ts';

describe('UK financial quarters', () => {
  it('Q1 is April-June and Q4 is January-March of the next calendar year', () => {
    expect(quarter(2026, 1)).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarter(2026, 3)).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarter(2026, 4)).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
    expect(quarterLabel(quarter(2026, 4))).toBe('Q4 2026/27 (Jan-Mar 2027)');
  });

  it('finds the quarter of a date, the next one, and the last one ended (the default)', () => {
    expect(quarterKey(quarterOf('2027-02-10'))).toBe('2026-Q4');
    expect(quarterKey(nextQuarter(quarter(2026, 4)))).toBe('2027-Q1');
    expect(quarterKey(lastEndedQuarter('2026-11-30'))).toBe('2026-Q2');
    expect(quarterKey(lastEndedQuarter('2026-04-15'))).toBe('2025-Q4');
    expect(quarterKey(lastEndedQuarter('2026-06-30'))).toBe('2026-Q1');
  });

  it('reads "2026-Q3" and "Q3" (the latest Q3 that has started), and refuses anything else', () => {
    expect(quarterKey(parseQuarter('2026-Q3', '2026-11-30')!)).toBe('2026-Q3');
    expect(quarterKey(parseQuarter('q3', '2026-11-30')!)).toBe('2026-Q3');
    expect(quarterKey(parseQuarter('Q4', '2026-11-30')!)).toBe('2025-Q4');
    expect(parseQuarter('2026-Q5', '2026-11-30')).toBeNull();
    expect(parseQuarter('autumn', '2026-11-30')).toBeNull();
  });
});
