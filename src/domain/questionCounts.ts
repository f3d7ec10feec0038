// What a question counts, decided from where an action stands (grid, status, due date) only, so a count
// can be made from a plan's tally without reading its actions. Overdue and due match the lists: open or
// delayed, due before today (overdue) or within the period (due).
import { addDays, isoDate, lastDayOfMonth } from './calendar.ts';
import type { IsoDate } from './plan.ts';
import type { TallyEntry } from './ports.ts';
import type { ListKind, Period, Question, Shift } from './reading/intent.ts';

const waiting = (e: Pick<TallyEntry, 'status'>): boolean => e.status === 'open' || e.status === 'delayed';

/** True when an action standing at `e` is one of `list` as of today (in `period` for due). */
export function counts(e: Pick<TallyEntry, 'status' | 'dueDate'>, list: ListKind, today: IsoDate, period?: Period): boolean {
  switch (list) {
    case 'overdue': return waiting(e) && e.dueDate !== null && e.dueDate < today;
    case 'due': return waiting(e) && e.dueDate !== null && e.dueDate >= (period?.from ?? today) && e.dueDate <= (period?.to ?? addDays(today, 14));
    case 'blocked': return e.status === 'blocked';
    case 'delayed': return e.status === 'delayed';
    case 'done': return e.status === 'done';
    case 'mine': return e.status !== 'done';
    default: return true;
  }
}

/** How many of the tally's actions are `list`. */
export function countIn(tally: readonly TallyEntry[], list: ListKind, today: IsoDate, period?: Period): number {
  let n = 0;
  for (const e of tally) if (counts(e, list, today, period)) n += e.count;
  return n;
}

/** The last due date an action can have and still be more than `span` overdue. */
export function agedCutoff(today: IsoDate, span: Shift): IsoDate {
  const back = span.unit === 'month' ? monthsBack(today, span.amount) : addDays(today, -span.amount * (span.unit === 'week' ? 7 : 1));
  return addDays(back, -1);
}

/** The same day `n` months before (the month's last day when it is shorter): 30 November less 3 months is 30 August. */
function monthsBack(day: IsoDate, n: number): IsoDate {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - n;
  const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
  const last = Number(lastDayOfMonth(y, m).slice(8, 10));
  return isoDate(y, m, Math.min(Number(day.slice(8, 10)), last));
}

/** "3 months", "1 week". */
export function spanText(span: Shift): string {
  return `${span.amount} ${span.unit}${span.amount === 1 ? '' : 's'}`;
}

/** A whole-number percentage; 0 of 0 is 0. */
export const percent = (n: number, total: number): number => (total === 0 ? 0 : Math.round((n / total) * 100));

/**
 * The last question (or list) with a follow-up's parts changed. A person, role or "mine" replaces the one
 * before; a plan added to a comparison joins it; a plan after a ranking asks how far that plan is.
 */
export function followUp(last: Question, change: { filter: Question['filter']; period?: Period; list?: ListKind }): Question {
  const filter = { ...last.filter };
  if (change.filter.person || change.filter.role || change.filter.mine) {
    delete filter.person;
    delete filter.role;
    delete filter.mine;
  }
  Object.assign(filter, change.filter);
  if (last.ask === 'compare' && change.filter.plan) {
    const { plan, ...rest } = filter;
    return { ...last, filter: rest, plans: [...new Set([...(last.plans ?? []), plan ?? ''])].filter(Boolean) };
  }
  if (last.ask === 'rank' && change.filter.plan) return { ask: 'progress', filter };
  const next: Question = { ...last, filter };
  if (change.list) next.list = change.list;
  if (change.period) {
    next.period = change.period;
    if (last.ask === 'changed') next.since = change.period.from;
  }
  return next;
}
