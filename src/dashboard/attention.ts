// Who is on leave, for the page: the chat's notes (src/app/overdueNotes.ts), with dates in words. The
// local demo's operator, who is nobody in particular, sees everyone on leave.
import type { Directory } from '../app/directory.ts';
import { onLeaveFor } from '../app/overdueNotes.ts';
import { peopleOnLeave } from '../app/reminderSettings.ts';
import type { Services } from '../app/services.ts';
import { dueLabel } from '../cards/format.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Viewer } from './viewer.ts';

/** People on leave today the viewer should know of, with the day they are back. */
export async function leaveOf(services: Services, directory: Directory, viewer: Viewer, planIds: ReadonlySet<string>, today: IsoDate): Promise<{ name: string; until: string }[]> {
  const people = viewer.kind === 'person' ? await onLeaveFor(services, directory, viewer.caller, planIds, today) : await peopleOnLeave(services, directory, today);
  return people.map((p) => ({ name: p.name, until: dueLabel(p.until) })).sort((a, b) => a.name.localeCompare(b.name));
}
