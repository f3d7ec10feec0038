import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseByWhen } from '../../src/domain/byWhen.ts';
import type { Due, PlanPeriod } from '../../src/domain/plan.ts';

const plan2008: PlanPeriod = { start: '2008-04-01', end: '2009-03-31' }; // Isle of Wight, Bedfordshire
const plan2009: PlanPeriod = { start: '2009-04-01', end: '2010-03-31' }; // Worcestershire
const plan2010: PlanPeriod = { start: '2010-04-01', end: '2011-03-31' }; // Gloucestershire
const plan2011: PlanPeriod = { start: '2011-04-01', end: '2014-03-31' }; // Peterborough 2011-14

const seeds = join(import.meta.dirname, '../../seeds/plans');

const date = (d: string): Due => ({ kind: 'date', date: d });
const dates = (...ds: string[]): Due => ({ kind: 'dates', dates: ds });
const every = (e: Extract<Due, { kind: 'recurring' }>['every'], from: string | null = null, until: string | null = null): Due =>
  ({ kind: 'recurring', every: e, from, until });

function expectReads(raw: string, period: PlanPeriod, due: Due): void {
  const reading = parseByWhen(raw, period);
  expect(reading.due).toEqual(due);
  expect(reading.warning).toBeNull();
}

describe('a month alone means its last day', () => {
  it.each<[string, PlanPeriod, string]>([
    ['Sept 11', plan2011, '2011-09-30'],
    ['June 2008', plan2008, '2008-06-30'],
    ['Mar 09', plan2008, '2009-03-31'],
    ['Feb 12', plan2011, '2012-02-29'],
    ['Feb 2009', plan2008, '2009-02-28'],
    ['September 2008', plan2008, '2008-09-30'],
    ['December 2008', plan2008, '2008-12-31'],
    ['Dec 08', plan2008, '2008-12-31'],
    ['January 09', plan2008, '2009-01-31'],
    ['Sept 08', plan2008, '2008-09-30'],
    ['Sep 08', plan2008, '2008-09-30'],
    ['Jan 12', plan2011, '2012-01-31'],
    ['Apr 11', plan2011, '2011-04-30'],
    ['April 11', plan2011, '2011-04-30'],
    ['Jun 11', plan2011, '2011-06-30'],
    ['Jul 11', plan2011, '2011-07-31'],
    ['July 2008', plan2008, '2008-07-31'],
    ['Aug 2008', plan2008, '2008-08-31'],
    ['Oct 11', plan2011, '2011-10-31'],
    ['Nov 2008', plan2008, '2008-11-30'],
    ['MARCH 2010', plan2009, '2010-03-31'],
    ['sept. 11', plan2011, '2011-09-30'],
    ['Dec. 2008', plan2008, '2008-12-31'],
    ['Sept 13', plan2011, '2013-09-30'],
    ['starting Oct 11', plan2011, '2011-10-31'],
  ])('"%s" is due %s', (raw, period, d) => expectReads(raw, period, date(d)));
});

describe('explicit days survive PDF damage', () => {
  it.each<[string, string]>([
    ['April 1 st 2008', '2008-04-01'],
    ['1 st June 2008', '2008-06-01'],
    ['May 1st 2008', '2008-05-01'],
    ['September 1 st 2008', '2008-09-01'],
    ['1 st April 2008', '2008-04-01'],
    ['June 1st 2008', '2008-06-01'],
    ['October 1st 2008', '2008-10-01'],
    ['1 st May 2008', '2008-05-01'],
    ['March 31st 2009', '2009-03-31'],
    ['March 31 2009', '2009-03-31'],
    ['15 August 2008', '2008-08-15'],
  ])('"%s" is due %s', (raw, d) => expectReads(raw, plan2008, date(d)));

  it('a day the month does not have is not a date', () => {
    expect(parseByWhen('31st June 2008', plan2008).due).toEqual({ kind: 'unparsed' });
  });
});

describe('months without a year fall inside the plan period', () => {
  it.each<[string, PlanPeriod, Due]>([
    ['June', plan2008, date('2008-06-30')],
    ['March', plan2008, date('2009-03-31')],
    ['April', plan2011, date('2011-04-30')],
    ['May', plan2009, date('2009-05-31')],
    ['1st April', plan2009, date('2009-04-01')],
    ['Jun, Sept, Dec 11 & Mar 12', plan2011, dates('2011-06-30', '2011-09-30', '2011-12-31', '2012-03-31')],
    ['Sept 11, Dec', plan2011, dates('2011-09-30', '2011-12-31')],
  ])('"%s" reads as %j', (raw, period, due) => expectReads(raw, period, due));
});

describe('a financial year alone means its 31 March', () => {
  it('"2009/10" is due 2010-03-31', () => expectReads('2009/10', plan2009, date('2010-03-31')));
});

describe('ongoing, as required and empty cells', () => {
  it.each<[string, Due]>([
    ['Ongoing', { kind: 'ongoing' }],
    ['On going', { kind: 'ongoing' }],
    ['ongoing', { kind: 'ongoing' }],
    ['As required', { kind: 'as-required' }],
    ['As required.', { kind: 'as-required' }],
    ['As appropriate', { kind: 'as-required' }],
    ['', { kind: 'none' }],
    ['   \t ', { kind: 'none' }],
  ])('"%s" reads as %j', (raw, due) => expectReads(raw, plan2008, due));
});

describe('recurrence words', () => {
  it.each<[string, Due]>([
    ['Weekly', every('1 week')],
    ['Monthly', every('1 month')],
    ['Bi monthly', every('2 months')],
    ['bi-monthly', every('2 months')],
    ['every two months', every('2 months')],
    ['at least every two months', every('2 months')],
    ['Quarterly', every('3 months')],
    ['quarterly', every('3 months')],
    ['Quarterly reviews', every('3 months')],
    ['Quarterly review', every('3 months')],
    ['Quarterly provider reviews', every('3 months')],
    ['Monitor quarterly', every('3 months')],
    ['Ongoing - quarterly', every('3 months')],
    ['6 monthly', every('6 months')],
    ['six monthly', every('6 months')],
    ['Review 6 monthly', every('6 months')],
    ['Annually', every('1 year')],
    ['annually', every('1 year')],
    ['Annual offer', every('1 year')],
    ['Review annually', every('1 year')],
    ['annual', every('1 year')],
    ['Monthly/ Quarterly', every('1 month')],
    ['Monthly/Quarterly', every('1 month')],
  ])('"%s" reads as %j', (raw, due) => expectReads(raw, plan2008, due));
});

describe('recurrences with a start (Peterborough 2011-14)', () => {
  it.each<[string, Due]>([
    ['Quarterly starting Jun 11', every('3 months', '2011-06-30')],
    ['Quarterly each year (Jun, Sept, Dec and Mar)', every('3 months')],
    ['Apr 11 and monthly until implementation is fully complete', every('1 month', '2011-04-30')],
    ['April 11 and monthly until implementation is fully complete', every('1 month', '2011-04-30')],
    ['Apr 11 and monthly', every('1 month', '2011-04-30')],
    ['Apr 11 and monthly. Review 6 monthly from Oct 11', every('1 month', '2011-04-30')],
    ['Refreshed needs assessment by Dec 11 and annually', every('1 year', '2011-12-31')],
    ['Jun 11. Review 6 monthly', every('6 months', '2011-06-30')],
    ['Jun 11. Review 6 monthly:', every('6 months', '2011-06-30')],
    ['Jul 11. Review 6 monthly', every('6 months', '2011-07-31')],
    ['Review 6 monthly from Aug 11', every('6 months', '2011-08-31')],
    ['Oct 11 and quarterly thereafter', every('3 months', '2011-10-31')],
    ['Apr11. Review quarterly', every('3 months', '2011-04-30')],
    ['Jul 11. Review annually.', every('1 year', '2011-07-31')],
    ['Jan 12. Review annually', every('1 year', '2012-01-31')],
    ['Audits completed by Dec 11. Review annually', every('1 year', '2011-12-31')],
    ['First completed by Sept 11. All services to have at least one audit annually', every('1 year', '2011-09-30')],
    ['Jul 11; with SCMG meetings at least every two months', every('2 months', '2011-07-31')],
    ['Annually in line with commissioning timetable', every('1 year')],
    ['i) Jul 11 and review 6 monthly ii) review 6 monthly', every('6 months', '2011-07-31')],
    ['Quarterly from Jun 11 until Mar 13', every('3 months', '2011-06-30', '2013-03-31')],
  ])('"%s" reads as %j', (raw, due) => expectReads(raw, plan2011, due));
});

describe('several dates', () => {
  it.each<[string, PlanPeriod, Due]>([
    ['Mar 12; Mar 13; Mar 14', plan2011, dates('2012-03-31', '2013-03-31', '2014-03-31')],
    ['Review at: Jul 11; Jan 12; Jul 12; Jan 13', plan2011, dates('2011-07-31', '2012-01-31', '2012-07-31', '2013-01-31')],
    ['Sept 11. Review Sept 12 and Sept 13', plan2011, dates('2011-09-30', '2012-09-30', '2013-09-30')],
    ['Sept 11. Review Sept 12 and', plan2011, dates('2011-09-30', '2012-09-30')],
    ['Apr 12; Apr 13', plan2011, dates('2012-04-30', '2013-04-30')],
    ['Sept 2010  November 2010', plan2010, dates('2010-09-30', '2010-11-30')],
    ['April 2010 Sept 2010  June 2010 October 2010', plan2010, dates('2010-04-30', '2010-06-30', '2010-09-30', '2010-10-31')],
    ['May 2010 April 2010', plan2010, dates('2010-04-30', '2010-05-31')],
    ['April 2010 May 2010 April 2010 September 2010', plan2010, dates('2010-04-30', '2010-05-31', '2010-09-30')],
    ['i) Sept 11 ii) Starting Nov 11', plan2011, dates('2011-09-30', '2011-11-30')],
    ['i) Jun 11; ii) Dec 11 and review 6 monthly', plan2011,
      dates('2011-06-30', '2011-12-31', '2012-06-30', '2012-12-31', '2013-06-30', '2013-12-31')],
    ['i) Aug 11 ii) Feb 12 and review 6 monthly', plan2011,
      dates('2011-08-31', '2012-02-29', '2012-08-31', '2013-02-28', '2013-08-31', '2014-02-28')],
    ['May 11; review impact at quarterly contract meetings from Sept 11', plan2011,
      dates('2011-05-31', '2011-09-30', '2011-12-31', '2012-03-31', '2012-06-30', '2012-09-30', '2012-12-31',
        '2013-03-31', '2013-06-30', '2013-09-30', '2013-12-31', '2014-03-31')],
    ['Jul 09 to Mar 10', plan2009, date('2010-03-31')],
  ])('"%s" reads as %j', (raw, period, due) => expectReads(raw, period, due));

  it('a range "A – B" means by B, and repeats are dropped (Worcestershire)', () => {
    const reading = parseByWhen('March 09 June 09 July 09 – Mar 10 July 09 – Mar 10', plan2009);
    expect(reading.due).toEqual(dates('2009-03-31', '2009-06-30', '2010-03-31'));
    expect(reading.warning).toBe('2009-03-31 is before the plan starts (2009-04-01): a typo for Mar 10?');
  });
});

describe('a date then "ongoing" is ongoing from that date (no deadline to nag about)', () => {
  it.each<[string, PlanPeriod, string]>([
    ['July 2008 - ongoing', plan2008, '2008-07-31'],
    ['April 2008 Ongoing', plan2008, '2008-04-30'],
    ['June 2008 - ongoing', plan2008, '2008-06-30'],
    ['July 2009 and ongoing', plan2009, '2009-07-31'],
    ['October 2009 and ongoing', plan2009, '2009-10-31'],
  ])('"%s" is ongoing from %s', (raw, period, d) => expectReads(raw, period, { kind: 'ongoing', from: d }));
});

describe('dates outside the plan period are kept, with a warning', () => {
  it('Worcestershire 2009/10 has "June 08"', () => {
    expect(parseByWhen('June 08', plan2009)).toEqual({
      due: date('2008-06-30'),
      warning: '2008-06-30 is before the plan starts (2009-04-01): a typo for June 09?',
    });
  });

  it('Gloucestershire 2010/11 has "March 2010"', () => {
    expect(parseByWhen('March 2010', plan2010)).toEqual({
      due: date('2010-03-31'),
      warning: '2010-03-31 is before the plan starts (2010-04-01): a typo for Mar 11?',
    });
  });

  it('Bedfordshire 2008/09 has "April 2009", after the period', () => {
    expect(parseByWhen('April 2009', plan2008).warning).toBe('2009-04-30 is after the plan period 2008-04-01 – 2009-03-31');
  });

  it('a recurrence starting before the period says so', () => {
    expect(parseByWhen('Quarterly starting Jun 08', plan2009).warning).toBe('2008-06-30 is before the plan starts (2009-04-01): a typo for June 09?');
  });
});

describe('anything else is unparsed, never an exception', () => {
  const junk: string[] = [
    'Dy Wileli', 'Data monitoring', 'Conditional cautioning', 'Business', 'review', '-----------', 'By when',
    '1.5.1 Clarify expectations of providers within updated contract specifications as appropriate',
    'Staff may attend', '2010', '😀🗓️ soon', '\u0000\u0007\u001b[31m', 'null', 'undefined', 'NaN/NaN',
  ];
  it.each(junk)('"%s" is unparsed, with a warning quoting it', (raw) => {
    const reading = parseByWhen(raw, plan2008);
    expect(reading.due).toEqual({ kind: 'unparsed' });
    expect(reading.warning).toBe(`could not read "By when": "${raw}"`);
  });

  it('10 KB of junk is unparsed quickly', () => {
    const big = 'Sept 11 ☃ quarterly \u0000 from '.repeat(400);
    const started = performance.now();
    const reading = parseByWhen(big, plan2011);
    expect(reading.due).toEqual({ kind: 'unparsed' });
    expect(reading.warning).toMatch(/^could not read "By when": /);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('every "By when" cell of the five seed plans is read in well under 100 ms', () => {
    const cells = readdirSync(seeds).flatMap((f) => readFileSync(join(seeds, f), 'utf8').split('\n'))
      .map((line) => line.split('\t')).filter((cols) => cols.length >= 3).map((cols) => cols[1] ?? '');
    expect(cells.length).toBeGreaterThan(500);
    parseByWhen('Quarterly starting Jun 11', plan2011); // compile the patterns once, as an import would
    const started = performance.now();
    for (const c of cells) parseByWhen(c, plan2011);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('random byte strings never throw', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 500; i += 1) {
      const raw = String.fromCharCode(...Array.from({ length: next() % 60 }, () => next() % 0x3000));
      expect(() => parseByWhen(raw, plan2011)).not.toThrow();
    }
  });
});
