// A clock the demo can move: "run the sweep on 1 October" moves the whole bot to that morning, so the
// answers, "what's overdue?" and the dashboard all agree with the reminders just sent.
import { TZDate } from '@date-fns/tz';
import type { Clock } from '../app/services.ts';
import type { IsoDate } from '../domain/plan.ts';

/** A clock that runs at real speed from a chosen moment. */
export interface DemoClock extends Clock {
  /** Moves to 09:00 London time on `day` (when the scheduled sweep runs). */
  setDay(day: IsoDate): void;
  /** Back to real time. */
  reset(): void;
}

/** The instant 09:00 in London on `day`. */
export function nineInLondon(day: IsoDate): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, 9, 0, 0, 'Europe/London').getTime());
}

/** A demo clock starting at `start` (default: now); `realNow` is the real clock underneath. */
export function demoClock(start?: Date, realNow: () => number = Date.now): DemoClock {
  let offset = start ? start.getTime() - realNow() : 0;
  return {
    now: () => new Date(realNow() + offset),
    setDay: (day) => { offset = nineInLondon(day).getTime() - realNow(); },
    reset: () => { offset = 0; },
  };
}
