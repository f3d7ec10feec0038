import { describe, expect, it } from 'vitest';
import { parseByWhen } from '../../src/domain/byWhen.ts';
import type { Plan, PlanAction, PlanPeriod } from '../../src/domain/plan.ts';
import { rebasePlan } from '../../src/domain/rebase.ts';

function action(id: string, byWhenRaw: string, period: PlanPeriod): PlanAction {
  return {
    id, ref: id, grid: 1, objective: null, text: `action ${id}`, byWhenRaw, ownersRaw: 'Commissioner',
    owners: ['Commissioner'], due: parseByWhen(byWhenRaw, period).due, source: { line: 1 },
  };
}

function plan(id: string, period: PlanPeriod, cells: string[]): Plan {
  return {
    id, partnership: 'Isle of Wight DAT', period, grids: [{ number: 1, title: 'Commissioning' }],
    actions: cells.map((c, i) => action(`a${i}`, c, period)),
    roles: [{ name: 'Commissioner', actions: cells.length }], warnings: [],
  };
}

const isleOfWight = plan('isle-of-wight-dat-2008', { start: '2008-04-01', end: '2009-03-31' },
  ['Sept 2008', 'April 1 st 2008', 'Quarterly', 'Ongoing', 'Feb 2009', 'September 2008 March 2009']);

describe('rebasing the Isle of Wight 2008/09 plan to 2026', () => {
  const rebased = rebasePlan(isleOfWight, '2026-04-01');

  it('moves the period to 2026/27 and renames the plan', () => {
    expect(rebased.period).toEqual({ start: '2026-04-01', end: '2027-03-31' });
    expect(rebased.id).toBe('isle-of-wight-dat-2026');
  });

  it('moves "Sept 2008" from 2008-09-30 to 2026-09-30', () => {
    expect(rebased.actions[0]?.due).toEqual({ kind: 'date', date: '2026-09-30' });
    expect(rebased.actions[0]?.byWhenRaw).toBe('Sept 2008');
  });

  it('moves every kind of due by the same 18 years', () => {
    expect(rebased.actions.map((a) => a.due)).toEqual([
      { kind: 'date', date: '2026-09-30' },
      { kind: 'date', date: '2026-04-01' },
      { kind: 'recurring', every: '3 months', from: null, until: null },
      { kind: 'ongoing' },
      { kind: 'date', date: '2027-02-28' },
      { kind: 'dates', dates: ['2026-09-30', '2027-03-31'] },
    ]);
  });

  it('keeps action ids, so recorded progress still matches', () => {
    expect(rebased.actions.map((a) => a.id)).toEqual(isleOfWight.actions.map((a) => a.id));
  });

  it('leaves the imported plan untouched', () => {
    expect(isleOfWight.period.start).toBe('2008-04-01');
    expect(isleOfWight.actions[0]?.due).toEqual({ kind: 'date', date: '2008-09-30' });
    expect(rebased.actions[0]).not.toBe(isleOfWight.actions[0]);
  });
});

describe('month ends stay month ends', () => {
  const period = { start: '2011-04-01', end: '2014-03-31' };
  const peterborough = plan('safer-peterborough-partnership-2011', period, ['Feb 12', 'Review 6 monthly from Aug 11']);
  peterborough.actions.push({ ...action('x', 'Feb 11', period), due: { kind: 'recurring', every: '1 month', from: '2011-02-28', until: '2013-02-28' } });

  it('2012-02-29 + 1 year is 2013-02-28; 2011-02-28 + 1 year is 2012-02-29', () => {
    const rebased = rebasePlan(peterborough, '2012-04-01');
    expect(rebased.id).toBe('safer-peterborough-partnership-2012');
    expect(rebased.period).toEqual({ start: '2012-04-01', end: '2015-03-31' });
    expect(rebased.actions[0]?.due).toEqual({ kind: 'date', date: '2013-02-28' });
    expect(rebased.actions[1]?.due).toEqual({ kind: 'recurring', every: '6 months', from: '2012-08-31', until: null });
    expect(rebased.actions[2]?.due).toEqual({ kind: 'recurring', every: '1 month', from: '2012-02-29', until: '2014-02-28' });
  });

  it('rounds the move to whole years: a start in mid-May still lands on 1 April', () => {
    expect(rebasePlan(peterborough, '2026-05-15').period).toEqual({ start: '2026-04-01', end: '2029-03-31' });
  });

  it('can move a plan back in time too', () => {
    expect(rebasePlan(peterborough, '2008-04-01').actions[0]?.due).toEqual({ kind: 'date', date: '2009-02-28' });
  });
});
