// The commissioner's weekly briefing: per plan the counts by status, red/amber/green per grid, what
// changed since last week, the five oldest overdue; who is on leave, who cannot be reached, and the
// roles nobody holds. One card under the size limit, sent once per week to each commissioner.
import { typeableRef } from '../app/actionCards.ts';
import { commissionersOf, holdersIn } from '../app/access.ts';
import { loadDirectory, type Directory } from '../app/directory.ts';
import { figuresOf, storedTally, type Figures } from '../app/planFigures.ts';
import { overdueList } from '../app/lazyList.ts';
import { peopleOnLeave } from '../app/reminderSettings.ts';
import type { Services } from '../app/services.ts';
import { SendError, type ConversationAddress, type Messenger } from '../domain/messenger.ts';
import { CARD_BYTES } from '../cards/digestCards.ts';
import type { BriefingCard, BriefingPlan } from '../cards/digestModels.ts';
import { countLabel, dueLabel, shorten } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import { changesSince, gridRating, type PlanSnapshot } from '../domain/briefing.ts';
import { addDays, dayOfWeek, daysBetween, londonDate } from '../domain/calendar.ts';
import { roleKey } from '../domain/owners.ts';
import type { PlanSummary, Store, StoredAction } from '../domain/ports.ts';
import type { ActionStatus, Person } from '../domain/progress.ts';
import type { IsoDate } from '../domain/plan.ts';

const RAG_COLORS = { Red: 'Attention', Amber: 'Warning', Green: 'Good' } as const;

/** Roles named in plans that nobody who can be reached holds (in the plan's tenant), with their action counts, most first. */
export function unheldRoles(directory: Directory): { role: string; actions: number }[] {
  const counts = new Map<string, { role: string; actions: number }>();
  for (const plan of directory.plans) {
    for (const r of plan.roles) {
      if (holdersIn(plan.id, r.name, directory).some((p) => p.reachable)) continue;
      const entry = counts.get(roleKey(r.name)) ?? { role: r.name, actions: 0 };
      entry.actions += r.actions;
      counts.set(roleKey(r.name), entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.actions - a.actions || a.role.localeCompare(b.role));
}

/** The first `n` of a list and how many more: "A, B and 12 more". */
function firstOf(items: readonly string[], n: number): string {
  return items.length > n ? `${items.slice(0, n).join(', ')} and ${items.length - n} more` : items.join(', ');
}

/**
 * What the briefing says of one plan, read without holding its actions: counts and grids from its tally,
 * the oldest overdue from the due index, this week's snapshot from each action's status and due date
 * alone. At 100,000 actions the plan's rows never sit in memory at once (the soak's peak RSS came from that).
 */
interface PlanBrief {
  plan: PlanSummary;
  figures: Figures;
  byStatus: Record<ActionStatus, number>;
  actions: number;
  overdue: number;
  oldest: StoredAction[];
  snapshot: PlanSnapshot;
  previous: PlanSnapshot | null;
}

const OLDEST_SHOWN = 5;

async function planBrief(store: Store, plan: PlanSummary, today: IsoDate): Promise<PlanBrief> {
  const [tally, oldest, statuses, previous] = await Promise.all([
    storedTally(store, plan.id),
    overdueList(store, today, (m) => m.planId === plan.id, OLDEST_SHOWN).then((list) => list.page(0, OLDEST_SHOWN)),
    store.actions.statuses(plan.id),
    store.briefings.snapshotBefore(plan.id, today),
  ]);
  const byStatus = { open: 0, delayed: 0, blocked: 0, done: 0 };
  for (const e of tally) byStatus[e.status] += e.count;
  // Overdue as the lists count it: open or delayed, due before today (blocked actions are counted apart).
  const overdue = tally.filter((e) => (e.status === 'open' || e.status === 'delayed') && e.dueDate !== null && e.dueDate < today).reduce((n, e) => n + e.count, 0);
  const snapshot: PlanSnapshot = { asOf: today, actions: Object.fromEntries(statuses.map(({ actionId, status, dueDate }) => [actionId, { status, dueDate }])) };
  return { plan, figures: figuresOf(plan, tally, today), byStatus, actions: statuses.length, overdue, oldest, snapshot, previous };
}

function planPart(brief: PlanBrief, today: IsoDate, oldestCount: number): BriefingPlan {
  const { byStatus, previous } = brief;
  const changes = previous ? changesSince(previous, brief.snapshot) : null;
  return {
    partnership: brief.plan.partnership,
    counts: `${countLabel(brief.actions, 'action')}: ${byStatus.open} open, ${byStatus.delayed} delayed, ${byStatus.blocked} blocked, ${byStatus.done} done; ${brief.overdue} overdue`,
    changes: changes
      ? `Since ${dueLabel(previous?.asOf ?? today)}: ${changes.done} done, ${changes.newlyLate} newly late, ${changes.newlyBlocked} newly blocked, ${changes.datesMoved} dates moved`
      : 'First briefing: changes are shown from next week.',
    grids: brief.figures.grids.map((g) => {
      const rag = gridRating(g.rag);
      return { rag, color: RAG_COLORS[rag], label: `Grid ${g.number}: ${shorten(g.title, 60)} · ${g.counts.overdue} overdue, ${g.counts.blocked} blocked, ${g.counts.done} done` };
    }),
    oldest: brief.oldest.slice(0, oldestCount).map((a) => `${typeableRef(a)} ${shorten(a.action.text, 70)}: ${daysBetween(a.progress.dueDate ?? today, today)} days late`),
  };
}

/**
 * The briefing card as of `today` (shrinking its lists until it fits under the size limit) from the briefs of
 * the plans of `only` (a commissioner's), read one plan at a time, and the people of their tenant.
 */
export async function briefingCard(services: Services, directory: Directory, today: IsoDate, briefs: ReadonlyMap<string, PlanBrief>, only: ReadonlySet<string>): Promise<object> {
  const ours = { ...directory, plans: directory.plans.filter((p) => only.has(p.id)) };
  const plans = ours.plans.flatMap((p) => briefs.get(p.id) ?? []);
  // The people of these plans: holders, in each plan's tenant, of a role the plans name. Nobody else's
  // leave or reachability is the commissioner's business.
  const theirs = new Set(ours.plans.flatMap((plan) => plan.roles.flatMap((r) => holdersIn(plan.id, r.name, directory))).map((p) => p.id));
  const people = directory.people.filter((p) => theirs.has(p.id));
  const leave = (await peopleOnLeave(services, directory, today)).filter((l) => people.some((p) => p.name === l.name));
  const unheld = unheldRoles(ours);
  const unreachable = people.filter((p) => !p.reachable).map((p) => p.name);
  let card: object = {};
  for (const [oldest, firstRoles, firstPeople] of [[OLDEST_SHOWN, 8, 40], [3, 5, 20], [1, 3, 10], [0, 3, 5]] as const) {
    const data: BriefingCard = {
      title: 'Weekly briefing',
      asOf: `as of ${dueLabel(today)}`,
      plans: plans.map((brief) => planPart(brief, today, oldest)),
      onLeave: leave.length > 0 ? firstOf(leave.map((l) => `${l.name} until ${dueLabel(l.until)}`), firstPeople) : 'nobody',
      unreachable: unreachable.length > 0 ? `${firstOf(unreachable, firstPeople)} (their roles count as unheld)` : 'nobody',
      unheld: unheld.length > 0 ? `${countLabel(unheld.length, 'role')}: ${unheld.slice(0, firstRoles).map((r) => `${r.role} (${countLabel(r.actions, 'action')})`).join(', ')}${unheld.length > firstRoles ? ', …' : ''}` : 'none',
    };
    card = renderCard('briefing', data);
    if (Buffer.byteLength(JSON.stringify(card)) <= CARD_BYTES) break;
  }
  return card;
}

/** The Monday of the week of `day`: the briefing's key, so it goes once a week. */
export function weekOf(day: IsoDate): IsoDate {
  return addDays(day, -((dayOfWeek(day) + 6) % 7));
}

/** Each plan's commissioners (reachable), with the plans each commissions. */
function commissioners(services: Services, directory: Directory): { lead: Person; plans: Set<string> }[] {
  const byPerson = new Map<string, { lead: Person; plans: Set<string> }>();
  for (const plan of directory.plans) {
    for (const lead of commissionersOf(plan.id, directory, services.settings.LEAD_ROLE).filter((p) => p.reachable)) {
      const entry = byPerson.get(lead.id) ?? { lead, plans: new Set<string>() };
      entry.plans.add(plan.id);
      byPerson.set(lead.id, entry);
    }
  }
  return [...byPerson.values()];
}

/** Sends the briefing to every commissioner (about the plans they commission), once per week; saves this week's snapshots. Returns how many were sent. */
export async function runBriefing(services: Services, messenger: Messenger, at: Date, leaseMs = 10 * 60_000): Promise<number> {
  const { store, logger } = services;
  const today = londonDate(at);
  const directory = await loadDirectory(store);
  // Each plan is read once (its tally, oldest overdue and statuses), one plan at a time; the cards and this
  // week's snapshots both come from these briefs.
  const briefs = new Map<string, PlanBrief>();
  for (const plan of directory.plans) briefs.set(plan.id, await planBrief(store, plan, today));
  const cards = new Map<string, object>();
  let sent = 0;
  for (const { lead, plans } of commissioners(services, directory)) {
    const set = [...plans].sort().join('|');
    const card = cards.get(set) ?? await briefingCard(services, directory, today, briefs, plans);
    cards.set(set, card);
    const key = `briefing|${weekOf(today)}|${lead.id}`;
    if (!(await store.reminders.claim(key, { planId: '', actionId: '', audience: 'briefing', personId: lead.id }, at.toISOString(), leaseMs))) continue;
    const conversation = (await store.people.conversationOf(lead.id)) as ConversationAddress | null;
    try {
      if (!conversation) throw new SendError('unreachable', `${lead.name} has no conversation with the bot`);
      const { activityId } = await messenger.send(conversation, card);
      await store.reminders.markSent(key, { at: new Date().toISOString(), activityId: null, conversationId: null });
      logger.info({ personId: lead.id, activityId }, 'weekly briefing sent');
      sent += 1;
    } catch (err) {
      if (!(err instanceof SendError)) throw err;
      await store.reminders.markFailed(key, `${err.kind}: ${err.message}`, at.toISOString());
      logger.warn({ personId: lead.id, kind: err.kind }, 'weekly briefing not sent; the next run tries again');
    }
  }
  // This week's changes were counted against last week's snapshots; now this week's are kept.
  for (const [planId, brief] of briefs) await store.briefings.saveSnapshot(planId, brief.snapshot);
  return sent;
}

/** The start-up log line about roles nobody holds (they are no longer a daily card). */
export async function logUnheldRoles(services: Services): Promise<void> {
  const unheld = unheldRoles(await loadDirectory(services.store));
  if (unheld.length > 0) services.logger.warn({ roles: unheld.slice(0, 20).map((r) => `${r.role} (${r.actions})`), count: unheld.length }, 'roles nobody holds: assign them ("assign SMLO to <name>"); the weekly briefing lists them too');
}
