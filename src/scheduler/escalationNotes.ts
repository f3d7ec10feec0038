// What the escalation digest adds to its lines: whether the owners have opened their reminders of each
// action, owners who have not opened a digest for days, and people the bot can no longer reach.
import { commissionersOf, holdersIn, ownersIn } from '../app/access.ts';
import { NOBODY } from '../app/escalationWhy.ts';
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { seenLabel } from '../app/seenLabel.ts';
import { countLabel, dueLabel } from '../cards/format.ts';
import type { IsoDate } from '../domain/plan.ts';
import { isOnLeave } from '../domain/personSettings.ts';
import type { Person } from '../domain/progress.ts';
import { unreadWindow, type Bundle } from './bundles.ts';

/** The plans of its tenant in which the person holds a role: whose commissioners hear about them. */
function plansOf(person: Person, directory: Directory): string[] {
  return directory.plans.filter((p) => p.roles.some((r) => holdersIn(p.id, r.name, directory).some((h) => h.id === person.id))).map((p) => p.id);
}

/** Fills in "seen" on escalation lines and adds the notes; bundles for leads with only notes are created. */
export async function addEscalationNotes(services: Services, directory: Directory, bundles: Bundle[], today: IsoDate, unreachable: Person[]): Promise<Bundle[]> {
  const { store } = services;
  // Only escalation lines: a commissioner's own lines need no word on whether their owners opened them.
  const items = bundles.flatMap((b) => b.items).filter((i) => i.reminder.audience === 'lead');
  // Who is on leave today, and until when: "not opened" would blame someone who is away.
  const away = new Map((await store.settings.list()).filter((p) => isOnLeave(p, today)).map((p) => [p.personId, p.pausedUntil ?? today]));
  for (let i = 0; i < items.length; i += 8) {
    await Promise.all(items.slice(i, i + 8).map(async (item) => {
      const roles = ownersIn(item.line.planId, item.stored.action, directory);
      const owners = roles.flatMap((o) => o.people).filter((p) => p.reachable);
      // Nobody holds its roles: no owner was reminded, so "not opened" would blame no one; the line says
      // who is missing instead (Chase would reach nobody), unless its reason already does.
      if (owners.length === 0) {
        if (!item.line.why?.startsWith(NOBODY)) item.line.unheld = `${NOBODY} ${roles.map((o) => o.role).join(', ')}`;
        return;
      }
      const back = owners.every((p) => away.has(p.id)) ? owners.map((p) => away.get(p.id) ?? today).sort()[0] : undefined;
      item.line.seen = `owners: ${back ? `on leave until ${dueLabel(back)}` : await seenLabel(services, item.line.planId, item.line.actionId)}`;
    }));
  }
  const { from, to } = unreadWindow(today);
  const unread = await store.digests.unread(from, to);
  // Each note goes to the commissioners of the plans it is about: the unopened digest's, the person's.
  const unopened = await Promise.all(unread.map(async (d) => ({
    plans: [...new Set((await store.digests.get(d.key))?.lines.map((l) => l.planId) ?? [])],
    key: `unopened|${d.key}`,
    text: `${directory.person(d.personId)?.name ?? 'Someone'} has not opened the reminders of ${dueLabel(d.day)} (${countLabel(d.lines, 'action')})${away.has(d.personId) ? `: on leave until ${dueLabel(away.get(d.personId) ?? today)}` : ''}.`,
  })));
  const notes = [
    ...unopened,
    ...unreachable.map((person) => ({ plans: plansOf(person, directory), key: `unreachable|${person.id}|${today}`, text: `Teams refused messages to ${person.name}: they may have removed the bot. Their actions count as unheld until they add it again.` })),
  ];
  if (notes.length === 0) return bundles;
  // Each commissioner is told of the people of the plans she commissions: an unopened digest's plans, the plans an unreachable person holds a role in.
  const result = [...bundles];
  const leadsOf = new Map(directory.plans.map((p) => [p.id, new Set(commissionersOf(p.id, directory, services.settings.LEAD_ROLE).map((c) => c.id))]));
  for (const lead of commissioners(services, directory).values()) {
    const theirs = notes.filter((n) => n.plans.some((id) => leadsOf.get(id)?.has(lead.id)));
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
