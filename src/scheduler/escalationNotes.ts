// What the escalation digest adds to its lines: whether the owners have opened their reminders of each
// action, owners who have not opened a digest for days, and people the bot can no longer reach.
import { commissionersOf } from '../app/access.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { seenLabel } from '../app/seenLabel.ts';
import { countLabel, dueLabel } from '../cards/format.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Person } from '../domain/progress.ts';
import { unreadWindow, type Bundle } from './bundles.ts';

/** Fills in "seen" on escalation lines and adds the notes; bundles for leads with only notes are created. */
export async function addEscalationNotes(services: Services, directory: Directory, bundles: Bundle[], today: IsoDate, unreachable: string[]): Promise<Bundle[]> {
  const { store } = services;
  // Only escalation lines: a commissioner's own lines need no word on whether their owners opened them.
  const items = bundles.flatMap((b) => b.items).filter((i) => i.reminder.audience === 'lead');
  for (let i = 0; i < items.length; i += 8) {
    await Promise.all(items.slice(i, i + 8).map(async (item) => {
      // Nobody holds its roles: no owner was reminded, so "not opened" would blame no one.
      if (!directory.owners(item.stored.action).some((o) => o.people.some((p) => p.reachable))) return;
      item.line.seen = `owners: ${await seenLabel(services, item.line.planId, item.line.actionId)}`;
    }));
  }
  const { from, to } = unreadWindow(today);
  const unread = await store.digests.unread(from, to);
  const notes = [
    ...unread.map((d) => ({
      tenantId: directory.person(d.personId)?.tenantId,
      key: `unopened|${d.key}`,
      text: `${directory.person(d.personId)?.name ?? 'Someone'} has not opened the reminders of ${dueLabel(d.day)} (${countLabel(d.lines, 'action')}).`,
    })),
    ...unreachable.map((name) => ({ tenantId: directory.people.find((p) => p.name === name)?.tenantId, key: `unreachable|${name}|${today}`, text: `Teams refused messages to ${name}: they may have removed the bot. Their actions count as unheld until they add it again.` })),
  ];
  if (notes.length === 0) return bundles;
  // Every plan's commissioners, each told only of people of their own tenant.
  const result = [...bundles];
  for (const lead of commissioners(services, directory).values()) {
    const theirs = notes.filter((n) => n.tenantId === lead.tenantId);
    if (theirs.length === 0) continue;
    const at = result.findIndex((b) => b.person.id === lead.id);
    // Notes are drawn by the escalation digest, so a commissioner's own digest becomes one.
    const bundle: Bundle = at >= 0 ? { ...(result[at] as Bundle), kind: 'escalation' } : { kind: 'escalation', person: lead, day: today, items: [], notes: [] };
    bundle.notes = [...bundle.notes, ...theirs.map((n) => ({ key: `${n.key}|${lead.id}`, text: n.text }))];
    if (at >= 0) result[at] = bundle;
    else result.push(bundle);
  }
  return result;
}

/** The reachable commissioners of every plan, by id. */
function commissioners(services: Services, directory: Directory): Map<string, Person> {
  return new Map(directory.plans.flatMap((p) => commissionersOf(p.id, directory, services.settings.LEAD_ROLE)).filter((p) => p.reachable).map((p) => [p.id, p]));
}

/** Who may get an escalation digest this sweep: their own digest is sent with it, as one message. */
export function commissionerIds(services: Services, directory: Directory): Set<string> {
  return new Set(commissioners(services, directory).keys());
}
