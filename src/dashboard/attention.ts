// What the commissioner needs beside an overdue action to decide whether to chase: whether its owners
// opened the reminders about it ("seen Tue 1 Dec 2026 09:14" / "not opened"), and who is on leave.
import type { Directory } from '../app/directory.ts';
import { peopleOnLeave } from '../app/reminderSettings.ts';
import { seenLabel } from '../app/seenLabel.ts';
import type { Services } from '../app/services.ts';
import { dueLabel } from '../cards/format.ts';
import { roleKey } from '../domain/owners.ts';
import type { IsoDate } from '../domain/plan.ts';
import { mapLimit } from '../mapLimit.ts';
import type { ActionRow } from './dashboardData.ts';

/** An overdue row with its read receipt in words. */
export type SeenRow = ActionRow & { seen: string };

/** The rows with whether their owners opened the reminders (one small read each: the page shows at most 50). */
export function withSeen(services: Services, rows: ActionRow[]): Promise<SeenRow[]> {
  return mapLimit(rows, 8, async (row) => ({ ...row, seen: await seenLabel(services, row.planId, row.actionId) }));
}

/** People on leave today who hold a role in one of the plans shown, with the day they are back. */
export async function leaveOf(services: Services, directory: Directory, planIds: ReadonlySet<string>, today: IsoDate): Promise<{ name: string; until: string; roles: string[] }[]> {
  const named = new Set(directory.plans.filter((p) => planIds.has(p.id)).flatMap((p) => p.roles.map((r) => roleKey(r.name))));
  return (await peopleOnLeave(services, directory, today))
    .map((p) => ({ name: p.name, until: dueLabel(p.until), roles: directory.rolesOf(p.personId).filter((r) => named.has(roleKey(r))) }))
    .filter((p) => p.roles.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}
