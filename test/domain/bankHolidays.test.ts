import { describe, expect, it } from 'vitest';
import { bankHolidays } from '../../src/domain/bankHolidays.ts';
import { isWorkingDay, nextWorkingDay } from '../../src/domain/workingDays.ts';

// The lists published on gov.uk for England and Wales.
const published: Record<number, string[]> = {
  2011: ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('bank holidays in England and Wales', () => {
  for (const [year, days] of Object.entries(published)) {
    it(`match the published list for ${year}`, () => {
      expect(bankHolidays(Number(year))).toEqual(days);
    });
  }

  it('give 2010 its Christmas substitute days (Christmas on a Saturday)', () => {
    expect(bankHolidays(2010).slice(-2)).toEqual(['2010-12-27', '2010-12-28']);
  });
});

describe('working days', () => {
  it('are weekdays that are not bank holidays', () => {
    expect(isWorkingDay('2026-04-02')).toBe(true); // Maundy Thursday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25')).toBe(false);
  });

  it('a working day is its own next working day', () => {
    expect(nextWorkingDay('2026-06-10')).toBe('2026-06-10');
  });

  it('Saturday moves to Monday, Good Friday over Easter to Tuesday', () => {
    expect(nextWorkingDay('2026-06-13')).toBe('2026-06-15');
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07');
  });

  it('Christmas Day 2027 falls on a Saturday: the next working day is after both substitute days', () => {
    expect(nextWorkingDay('2027-12-25')).toBe('2027-12-29');
  });

  it('New Year crosses into the next year', () => {
    expect(nextWorkingDay('2026-12-31')).toBe('2026-12-31');
    expect(nextWorkingDay('2022-12-31')).toBe('2023-01-03');
  });
});
