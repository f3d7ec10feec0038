import { describe, expect, it } from 'vitest';
import { parseByWhen } from '../../src/domain/byWhen.ts';
import { occurrences } from '../../src/domain/occurrences.ts';
import type { Due, Every, PlanPeriod } from '../../src/domain/plan.ts';

const oneYear: PlanPeriod = { start: '2008-04-01', end: '2009-03-31' };
const threeYears: PlanPeriod = { start: '2011-04-01', end: '2014-03-31' };
const every = (e: Every, from: string | null = null, until: string | null = null): Due => ({ kind: 'recurring', every: e, from, until });

describe('when a recurring action falls due with no stated start (a 2008/09 plan)', () => {
  it.each<[Every, string[]]>([
    ['1 month', ['2008-04-30', '2008-05-31', '2008-06-30', '2008-07-31', '2008-08-31', '2008-09-30',
      '2008-10-31', '2008-11-30', '2008-12-31', '2009-01-31', '2009-02-28', '2009-03-31']],
    ['2 months', ['2008-05-31', '2008-07-31', '2008-09-30', '2008-11-30', '2009-01-31', '2009-03-31']],
    ['3 months', ['2008-06-30', '2008-09-30', '2008-12-31', '2009-03-31']],
    ['6 months', ['2008-09-30', '2009-03-31']],
    ['1 year', ['2009-03-31']],
  ])('every %s ends each interval from 1 April', (e, expected) => {
    expect(occurrences(every(e), oneYear)).toEqual(expected);
  });

  it('weekly is due on the seventh day of each week from the start', () => {
    const weeks = occurrences(every('1 week'), oneYear);
    expect(weeks.slice(0, 3)).toEqual(['2008-04-07', '2008-04-14', '2008-04-21']);
    expect(weeks).toHaveLength(52);
    expect(weeks.at(-1)).toBe('2009-03-30');
  });
});

describe('when a recurring action falls due across Peterborough\'s three-year plan', () => {
  it('plain "Quarterly" gives the ends of the twelve financial quarters', () => {
    expect(occurrences(parseByWhen('Quarterly', threeYears).due, threeYears)).toEqual([
      '2011-06-30', '2011-09-30', '2011-12-31', '2012-03-31', '2012-06-30', '2012-09-30', '2012-12-31',
      '2013-03-31', '2013-06-30', '2013-09-30', '2013-12-31', '2014-03-31',
    ]);
  });

  it.each<[Every, number, string, string]>([
    ['1 week', 156, '2011-04-07', '2014-03-27'],
    ['1 month', 36, '2011-04-30', '2014-03-31'],
    ['2 months', 18, '2011-05-31', '2014-03-31'],
    ['6 months', 6, '2011-09-30', '2014-03-31'],
    ['1 year', 3, '2012-03-31', '2014-03-31'],
  ])('every %s with no start gives %i dates from %s to %s', (e, count, first, last) => {
    const dates = occurrences(every(e), threeYears);
    expect(dates).toHaveLength(count);
    expect(dates[0]).toBe(first);
    expect(dates.at(-1)).toBe(last);
  });

  it('"Quarterly starting Jun 11" keeps month ends: 30 Jun, 30 Sep, 31 Dec, 31 Mar …', () => {
    const dates = occurrences(parseByWhen('Quarterly starting Jun 11', threeYears).due, threeYears);
    expect(dates.slice(0, 5)).toEqual(['2011-06-30', '2011-09-30', '2011-12-31', '2012-03-31', '2012-06-30']);
    expect(dates).toHaveLength(12);
  });

  it('"Apr 11 and monthly" runs from 30 April 2011 through February\'s leap day to 31 March 2014', () => {
    const dates = occurrences(every('1 month', '2011-04-30'), threeYears);
    expect(dates).toHaveLength(36);
    expect(dates).toContain('2012-02-29');
    expect(dates).toContain('2013-02-28');
    expect(dates.at(-1)).toBe('2014-03-31');
  });

  it('"Refreshed needs assessment by Dec 11 and annually" falls each December', () => {
    expect(occurrences(every('1 year', '2011-12-31'), threeYears)).toEqual(['2011-12-31', '2012-12-31', '2013-12-31']);
  });

  it('"Jul 11; with SCMG meetings at least every two months" comes round every other month end', () => {
    expect(occurrences(every('2 months', '2011-07-31'), threeYears).slice(0, 4)).toEqual(['2011-07-31', '2011-09-30', '2011-11-30', '2012-01-31']);
  });

  it('"Review 6 monthly from Aug 11" falls each February and August, leap day included', () => {
    expect(occurrences(every('6 months', '2011-08-31'), threeYears)).toEqual(
      ['2011-08-31', '2012-02-29', '2012-08-31', '2013-02-28', '2013-08-31', '2014-02-28']);
  });

  it('a weekly review from a stated day steps seven days at a time', () => {
    expect(occurrences(every('1 week', '2011-04-04'), threeYears).slice(0, 3)).toEqual(['2011-04-04', '2011-04-11', '2011-04-18']);
  });

  it('a stated end stops the recurrence early', () => {
    expect(occurrences(every('3 months', '2011-06-30', '2012-03-31'), threeYears)).toEqual(
      ['2011-06-30', '2011-09-30', '2011-12-31', '2012-03-31']);
  });

  it('a mid-month start keeps its day where the month allows', () => {
    expect(occurrences(every('1 month', '2012-01-30', '2012-04-30'), threeYears)).toEqual(
      ['2012-01-30', '2012-02-29', '2012-03-30', '2012-04-30']);
  });

  it('a start after the period end is still one reminder, not none', () => {
    expect(occurrences(every('1 year', '2015-03-31'), threeYears)).toEqual(['2015-03-31']);
  });
});

describe('when dated actions fall due', () => {
  it('one date is one occurrence', () => {
    expect(occurrences({ kind: 'date', date: '2008-09-30' }, oneYear)).toEqual(['2008-09-30']);
  });

  it('a list is sorted and de-duplicated', () => {
    expect(occurrences({ kind: 'dates', dates: ['2010-05-31', '2010-04-30', '2010-05-31'] }, oneYear)).toEqual(['2010-04-30', '2010-05-31']);
  });

  it.each<Due>([{ kind: 'ongoing' }, { kind: 'as-required' }, { kind: 'none' }, { kind: 'unparsed' }])(
    '%j has no dates to remind about', (due) => {
      expect(occurrences(due, oneYear)).toEqual([]);
    });
});
