// What the escalation digest adds to its lines: whether the owners have opened their reminders of each
// action, owners who have not opened a digest for days, and people the bot can no longer reach.
import { commissionersOf, holdersIn, ownersIn } from '../app/access.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { seenLabel } from '../app/seenLabel.ts';
import { countLabel, dueLabel } from '../cards/format.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Person } from '../domain/progress.ts';
import { unreadWindow, type Bundle } from './bundles.ts';

/** The plans of its tenant in which the person holds a role: whose commissioners hear about them. */
function plansOf(person: Person, directory: Directory): string[] {
  return directory.plans.filter((p) => p.roles.some((r) => holdersIn(p.id, r.name, directory).some((h) => h.id === person.id))).map((p) => p.id);
}

/** Fills in "seen" on escalation lines and adds the notes; bundles for leads with only notes are created. */
export async function addEscalationNotes(services: Services, directory: Directory, bundles: Bundle[], today: IsoDate, unreachable: Person[]): Promise<Bundle[]> {
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
  // Each note goes to the commissioners of the plans it is about: the unopened digest's, the person's.
  const unopened = await Promise.all(unread.map(async (d) => ({
    plans: [...new Set((await store.digests.get(d.key))?.lines.map((l) => l.planId) ?? [])],
    key: `unopened|${d.key}`,
    text: `${directory.person(d.personId)?.name ?? 'Someone'} has not opened the reminders of ${dueLabel(d.day)} (${countLabel(d.lines, 'action')}).`,
  })));
  const notes = [
    ...unopened,
    ...unreachable.map((person) => ({ plans: plansOf(person, directory), key: `unreachable|${person.id}|${today}`, text: `Teams refused messages to ${person.name}: they may have removed the bot. Their actions count as unheld until they add it again.` })),
  ];
  if (notes.length === 0) return bundles;
  const leadsOf = new Map(directory.plans.map((p) => [p.id, commissionersOf(p.id, directory, settings.LEAD_ROLE).filter((l) => l.reachable)]));
  const result = [...bundles];
  for (const note of notes) {
    for (const lead of new Map(note.plans.flatMap((id) => leadsOf.get(id) ?? []).map((l) => [l.id, l])).values()) {
      let bundle = result.find((b) => b.person.id === lead.id);
      if (!bundle) {
        bundle = { kind: 'escalation', person: lead, day: today, items: [], notes: [] };
        result.push(bundle);
      }
      bundle.notes.push({ key: `${note.key}|${lead.id}`, text: note.text });
    }
  }
  return result;
}
