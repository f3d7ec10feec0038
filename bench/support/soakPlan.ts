// The soak's plan shape (issue 5): of `stored` actions, a share falls due within the year (by default as
// many per owner as the demo people have, about 89 each); of those 5% are already overdue when the year
// starts, 25% are quarterly reviews (staggered), the rest one-off dates across the year; every other
// action is due at the plan's end. SOAK_DUE_SHARE sets the share instead.
import { addDays } from '../../src/domain/calendar.ts';
import type { Due, IsoDate } from '../../src/domain/plan.ts';

const DEMO_DUE_PER_PERSON = 89;

export interface SoakShape {
  stored: number;
  days: number;
  yearStart: IsoDate;
  planEnd: IsoDate;
  owners: number;
}

/** The "By when" of action `i` in a soak plan. */
export function soakDueOf(shape: SoakShape): (i: number) => Due {
  const share = process.env.SOAK_DUE_SHARE === undefined ? Math.min(1, (shape.owners * DEMO_DUE_PER_PERSON) / shape.stored) : Number(process.env.SOAK_DUE_SHARE);
  if (!(share > 0 && share <= 1)) throw new Error(`SOAK_DUE_SHARE must be a share above 0 and at most 1, not ${process.env.SOAK_DUE_SHARE}`);
  const inYear = Math.max(1, Math.round(shape.stored * share));
  const overdue = Math.round(inYear * 0.05);
  const recurring = Math.round(inYear * 0.25);
  return (i) => {
    if (i >= inYear) return { kind: 'date', date: shape.planEnd };
    if (i < overdue) return { kind: 'date', date: addDays(shape.yearStart, -31 + (i % 31)) };
    if (i < overdue + recurring) return { kind: 'recurring', every: '3 months', from: addDays(shape.yearStart, 14 + (i % 90)), until: null };
    return { kind: 'date', date: addDays(shape.yearStart, i % shape.days) };
  };
}
