// What the escalation digest adds to its lines: whether the owners have opened their reminders of each
// action, owners who have not opened a digest for days, and people the bot can no longer reach.
import { commissionersOf, ownersIn } from '../app/access.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { seenLabel } from '../app/seenLabel.ts';
import { countLabel, dueLabel } from '../cards/format.ts';
import type { IsoDate } from '../domain/plan.ts';
import { unreadWindow, type Bundle } from './bundles.ts';

/** Fills in "seen" on escalation lines and adds the notes; bundles for leads with only notes are created. */
export async function addEscalationNotes(services: Services, directory: Directory, bundles: Bundle[], today: IsoDate, unreachable: string[]): Promise<Bundle[]> {
  const { store, settings } = services;
  const items = bundles.flatMap((b) => b.items);
  for (let i = 0; i < items.length; i += 8) {
    await Promise.all(items.slice(i, i + 8).map(async (item) => {
      // Nobody holds its roles: no owner was reminded, so "not opened" would blame no one.
      if (!ownersIn(item.line.planId, item.stored.action, directory).some((o) => o.people.some((p) => p.reachable))) return;
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
  const leads = new Map(directory.plans.flatMap((p) => commissionersOf(p.id, directory, settings.LEAD_ROLE)).filter((p) => p.reachable).map((p) => [p.id, p]));
  const result = [...bundles];
  for (const lead of leads.values()) {
    const theirs = notes.filter((n) => n.tenantId === lead.tenantId);
    if (theirs.length === 0) continue;
    let bundle = result.find((b) => b.person.id === lead.id);
    if (!bundle) {
      bundle = { kind: 'escalation', person: lead, day: today, items: [], notes: [] };
      result.push(bundle);
    }
    bundle.notes.push(...theirs.map((n) => ({ key: `${n.key}|${lead.id}`, text: n.text })));
  }
  return result;
}
