// What the import preview warns about before anything else: a plan whose year is long over (its actions
// would all show as overdue), and a plan with the same name as another of the same organisation's.
import type { Plan, PlanPeriod } from '../domain/plan.ts';
import type { PlanSummary } from '../domain/ports.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "31 Mar 2009" from "2009-03-31". */
export function ukDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** "2008/09" from a plan period. */
export function planYears(period: PlanPeriod): string {
  const start = period.start.slice(0, 4);
  const end = period.end.slice(0, 4);
  return end === String(Number(start) + 1) ? `${start}/${end.slice(2)}` : `${start} to ${end}`;
}

/** The preview's warnings about the plan as a whole, in plain words; `others` are the caller's organisation's stored plans. */
export function importNotices(plan: Plan, today: string, others: readonly PlanSummary[]): string[] {
  const notices: string[] = [];
  if (plan.period.end < today) {
    notices.push(`This plan's year ended on ${ukDay(plan.period.end)}: its dates are long past, so after Import its actions would all show as overdue. If it is an old plan, press Cancel and send this year's plan instead.`);
  }
  const name = plan.partnership.trim().toLowerCase();
  for (const other of others) {
    if (other.id === plan.id || other.partnership.trim().toLowerCase() !== name) continue;
    notices.push(`You already have a plan called ${other.partnership} (${other.code}, ${planYears(other.period)}). This one (${planYears(plan.period)}) would be kept beside it under the same name, told apart only by its code. If it is meant to replace that plan, press Cancel and check the plan year written in the file.`);
  }
  return notices;
}
