// People's times are London times: `remind --at 2026-07-01T00:30` is half past midnight in London
// (23:30 UTC the day before, in summer), whatever time zone the server runs in.
import { describe, expect, it } from 'vitest';
import { londonDate, londonInstant } from '../../src/domain/calendar.ts';

describe('London wall-clock times', () => {
  it('a summer time is an hour ahead of UTC, a winter one equal to it', () => {
    expect(londonInstant('2026-07-01T00:30')?.toISOString()).toBe('2026-06-30T23:30:00.000Z');
    expect(londonInstant('2026-12-01T09:00')?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(londonInstant('2026-07-01')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('a time with Z or an offset means exactly that instant', () => {
    expect(londonInstant('2026-07-01T00:30Z')?.toISOString()).toBe('2026-07-01T00:30:00.000Z');
    expect(londonInstant('2026-07-01T00:30+02:00')?.toISOString()).toBe('2026-06-30T22:30:00.000Z');
  });

  it('nonsense is refused', () => {
    expect(londonInstant('tomorrow')).toBeNull();
    expect(londonInstant('2026-02-30T09:00')).toBeNull();
    expect(londonInstant('2026-07-01T25:00')).toBeNull();
  });

  it('an answer at 00:30 BST belongs to that London day, not the UTC day before', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});
