import { addMonthsKeepingMonthEnd, daysBetween } from './calendar.ts';
import type { Due, IsoDate, Plan } from './plan.ts';

const DAYS_PER_YEAR = 365.2425;

function shiftDue(due: Due, shift: (d: IsoDate) => IsoDate): Due {
  switch (due.kind) {
    case 'date': return { kind: 'date', date: shift(due.date) };
    case 'dates': return { kind: 'dates', dates: due.dates.map(shift) };
    case 'recurring':
      return {
        kind: 'recurring',
        every: due.every,
        from: due.from === null ? null : shift(due.from),
        until: due.until === null ? null : shift(due.until),
      };
    case 'ongoing': return due.from === undefined ? { kind: 'ongoing' } : { kind: 'ongoing', from: shift(due.from) };
    default: return { ...due };
  }
}

/**
 * Moves a whole plan by whole years so an old plan can be run as if it were this year's: the period
 * and every due date move together (rounded to whole years from the period start to `newStart`),
 * and a month-end stays a month-end (2011-02-28 → 2012-02-29). The plan id gets the new start year;
 * action ids stay, so progress recorded against them still matches.
 */
export function rebasePlan(plan: Plan, newStart: IsoDate): Plan {
  const years = Math.round(daysBetween(plan.period.start, newStart) / DAYS_PER_YEAR);
  const shift = (d: IsoDate): IsoDate => addMonthsKeepingMonthEnd(d, years * 12);
  const start = shift(plan.period.start);
  const startYear = start.slice(0, 4);
  const id = /-\d{4}$/.test(plan.id) ? plan.id.replace(/-\d{4}$/, `-${startYear}`) : `${plan.id}-${startYear}`;
  return {
    ...plan,
    id,
    period: { start, end: shift(plan.period.end) },
    grids: plan.grids.map((g) => ({ ...g })),
    actions: plan.actions.map((a) => ({
      ...a,
      owners: [...a.owners],
      due: shiftDue(a.due, shift),
      source: { ...a.source },
    })),
    roles: plan.roles.map((r) => ({ ...r })),
    warnings: plan.warnings.map((w) => ({ ...w })),
  };
}
