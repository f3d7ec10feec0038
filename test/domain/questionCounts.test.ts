// Pure parts of questions: Easter Sunday, financial quarters, ages and follow-ups.
import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../src/domain/easter.ts';
import { agedCutoff, followUp } from '../../src/domain/questionCounts.ts';
import { financialQuarter, quarterOfDay } from '../../src/domain/reading/namedPeriods.ts';

describe('Easter Sunday', () => {
  it.each([[1818, '1818-03-22'], [1943, '1943-04-25'], [2000, '2000-04-23'], [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2038, '2038-04-25'], [2285, '2285-03-22']])('%i is %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });
});

describe('financial quarters', () => {
  it('Q1 is April to June and Q4 January to March of the next calendar year', () => {
    expect(financialQuarter(2026, 1)).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(financialQuarter(2026, 4)).toMatchObject({ from: '2027-01-01', to: '2027-03-31', name: 'Q4 2026/27 (Jan–Mar 2027)' });
    expect(quarterOfDay('2027-02-10')).toEqual({ year: 2026, n: 4 });
    expect(quarterOfDay('2026-11-30')).toEqual({ year: 2026, n: 3 });
  });
});

describe('ages and follow-ups', () => {
  it('"more than 3 months overdue" on 30 November is due on or before 29 August', () => {
    expect(agedCutoff('2026-11-30', { amount: 3, unit: 'month' })).toBe('2026-08-29');
    expect(agedCutoff('2026-11-30', { amount: 2, unit: 'week' })).toBe('2026-11-15');
  });

  it('a follow-up changes one part and keeps the rest', () => {
    const late = { ask: 'count' as const, list: 'overdue' as const, filter: { plan: 'WOR', grid: 2 } };
    expect(followUp(late, { filter: { plan: 'BED' } })).toEqual({ ask: 'count', list: 'overdue', filter: { plan: 'BED', grid: 2 } });
    expect(followUp({ ask: 'work', filter: { person: 'Sam Patel' } }, { filter: { role: 'SMLO' } })).toEqual({ ask: 'work', filter: { role: 'SMLO' } });
    expect(followUp({ ask: 'compare', filter: {}, plans: ['BED', 'WOR'] }, { filter: { plan: 'PB' } })).toEqual({ ask: 'compare', filter: {}, plans: ['BED', 'WOR', 'PB'] });
    expect(followUp({ ask: 'rank', filter: {}, order: 'worst' }, { filter: { plan: 'PB' } })).toEqual({ ask: 'progress', filter: { plan: 'PB' } });
  });
});
