// Whether an action's owners have read the reminders about it (Teams read receipts on their digests),
// in words for the commissioner's lists: "seen Tue 1 Dec 09:14" or "not opened".
import { dueLabel } from '../cards/format.ts';
import { londonDate } from '../domain/calendar.ts';
import type { Services } from './services.ts';

/** "Tue 1 Dec 2026 09:14" in London time. */
export function seenAt(instant: string): string {
  const date = new Date(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(date);
  return `${dueLabel(londonDate(date))} ${time}`;
}

/** "seen Tue 1 Dec 2026 09:14" or "not opened"; for status, overdue lists, the dashboard and escalations. */
export async function seenLabel(services: Services, planId: string, actionId: string): Promise<string> {
  const seen = await services.store.digests.seenFor(planId, actionId);
  return seen ? `seen ${seenAt(seen)}` : 'not opened';
}
