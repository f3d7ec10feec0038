// Due dates across a plan's period, month by month, split by how each action stands: the bars of the
// dashboard's timeline.
import type { StatusLabel } from '../domain/answers.ts';
import type { IsoDate, PlanPeriod } from '../domain/plan.ts';

/** One month's bar: how many actions fall due in it, by status. */
export interface MonthBar {
  /** "2025-04" */
  month: string;
  /** "Apr 2025" */
  label: string;
  total: number;
  byStatus: Partial<Record<StatusLabel, number>>;
}

/** The bars, and what fell outside the period (due before or after it). */
export interface Timeline {
  months: MonthBar[];
  outside: number;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A damaged period should not draw a thousand bars. */
const MAX_MONTHS = 60;

function monthsOf(period: PlanPeriod): MonthBar[] {
  const bars: MonthBar[] = [];
  let year = Number(period.start.slice(0, 4));
  let month = Number(period.start.slice(5, 7));
  const last = period.end.slice(0, 7);
  while (bars.length < MAX_MONTHS) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    bars.push({ month: key, label: `${MONTH_NAMES[month - 1]} ${year}`, total: 0, byStatus: {} });
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return bars;
}

/** Counts each dated action (or `count` actions of one standing) into the month it is due. */
export function timelineOf(period: PlanPeriod, actions: { dueDate: IsoDate | null; status: StatusLabel; count?: number }[]): Timeline {
  const months = monthsOf(period);
  const index = new Map(months.map((m) => [m.month, m]));
  let outside = 0;
  for (const { dueDate, status, count = 1 } of actions) {
    if (!dueDate) continue;
    const bar = index.get(dueDate.slice(0, 7));
    if (!bar) {
      outside += count;
      continue;
    }
    bar.total += count;
    bar.byStatus[status] = (bar.byStatus[status] ?? 0) + count;
  }
  return { months, outside };
}
