// The demo's history: a believable year of a partnership up to today, so the RAG, the briefing, the
// digest and the board report look like a real plan in mid-year rather than one nobody has touched.
// Of the actions already due: about seven in ten done (a fifth of those late), about one in ten delayed
// with a reason, one or two per plan blocked, the rest overdue (but every action carried over from before
// the plan year is done); a few of those not yet due done early;
// progress notes on some; last week's digests read by all but one person; one person on leave.
// Deterministic: every choice comes from a seeded generator keyed by the action, so the same day gives
// the same story. Only the demo calls this; a real import starts with no history.
import { answerAction } from './app/answerAction.ts';
import { callerFrom } from './app/caller.ts';
import type { Directory } from './app/directory.ts';
import type { Clock, Services } from './app/services.ts';
import type { Answer } from './domain/answers.ts';
import { addDays, financialYearOf } from './domain/calendar.ts';
import type { IsoDate } from './domain/plan.ts';
import type { StoredAction } from './domain/ports.ts';
import { seededRandom } from './seededRandom.ts';

/** The documented shape of the story (README, test/demo/demoStory.test.ts checks the outcome). */
export const STORY = { seed: 18, done: 0.7, lateShare: 0.2, delayed: 0.1, blockedPerPlan: 2, earlyDone: 0.08, notes: 0.3 } as const;


/** A number from a text (FNV-1a), so each action has its own stream whatever the order. */
function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

const DELAY_REASONS = ['provider contract renegotiation', 'waiting for NDTMS data', 'post vacant until the new starter joins', 'board meeting moved', 'consultation extended by the council', 'funding confirmation late from the PCC'];
const BLOCK_REASONS = ['waiting for the PCT to agree funding', 'data-sharing agreement not yet signed'];
const NOTES = [
  'draft circulated to partners, comments due at the next JCG',
  'met the provider; revised figures agreed',
  'first quarter data received and being checked',
  'job description agreed, advert out this week',
  'pilot running in two GP practices, early feedback good',
  'service user forum consulted, changes made',
  'on track: the working group meets fortnightly',
  'needs assessment chapter written, awaiting sign-off',
];

/**
 * The plan year the demo runs in: the one holding the day four months ago, so from August to March the
 * demo is months into its year, and from April to July it is at the end of the year just finished.
 */
export function demoPlanYear(today: IsoDate): IsoDate {
  return financialYearOf(addDays(today, -122)).start;
}

/** One answer of the story, on a day, by a person. */
export interface StoryEvent {
  planId: string;
  actionId: string;
  on: IsoDate;
  answer: Answer | { kind: 'note'; text: string };
  /** For "done" on a recurring review or a list of dates: every missed occurrence up to this day is closed too. */
  upTo?: IsoDate;
}

/** What happens to each action, as of `today`: pure, so the same actions and day give the same story. */
export function demoStory(actions: StoredAction[], today: IsoDate): StoryEvent[] {
  const events: StoryEvent[] = [];
  const blockedIn = new Map<string, number>();
  const yearStart = demoPlanYear(today);
  const dated = [...actions].filter((a) => a.progress.dueDate !== null).sort((a, b) => (a.progress.dueDate ?? '').localeCompare(b.progress.dueDate ?? '') || a.action.id.localeCompare(b.action.id));
  for (const stored of dated) {
    const random = seededRandom(STORY.seed ^ hash(`${stored.planId}|${stored.action.id}`));
    const due = stored.progress.dueDate as IsoDate;
    const at = (d: IsoDate): IsoDate => (d > addDays(today, -1) ? addDays(today, -1) : d);
    const ev = (on: IsoDate, answer: StoryEvent['answer']): void => { events.push({ planId: stored.planId, actionId: stored.action.id, on: at(on), answer }); };
    const roll = random();
    if (due < today) {
      const blocked = blockedIn.get(stored.planId) ?? 0;
      // An action due before the plan year began was carried over from last year's plan and has been done
      // since: a partnership does not leave a year-old action untouched (the seed plans have some).
      if (roll < STORY.done || due < yearStart) {
        // Most on time (up to a fortnight early), a fifth late by up to three weeks.
        const late = random() < STORY.lateShare;
        ev(addDays(due, late ? 1 + Math.floor(random() * 21) : -Math.floor(random() * 14)), { kind: 'done' });
        // A review that comes round again has been kept up, all but perhaps the latest.
        if (stored.action.due.kind === 'recurring' || stored.action.due.kind === 'dates') {
          const last = events.at(-1) as StoryEvent;
          last.on = at(addDays(today, -1 - Math.floor(random() * 10)));
          last.upTo = addDays(today, -Math.floor(random() * 40));
        }
      } else if (roll < STORY.done + STORY.delayed) {
        const reason = DELAY_REASONS[Math.floor(random() * DELAY_REASONS.length)] as string;
        ev(addDays(due, -Math.floor(random() * 5)), { kind: 'delayed', newDate: addDays(today, 14 + Math.floor(random() * 60)), reason });
      } else if (blocked < STORY.blockedPerPlan && due >= addDays(today, -120)) {
        blockedIn.set(stored.planId, blocked + 1);
        ev(addDays(due, 2), { kind: 'blocked', reason: BLOCK_REASONS[blocked % BLOCK_REASONS.length] as string });
      }
      // else: overdue, nobody has answered.
    } else if (roll < STORY.earlyDone) {
      ev(addDays(today, -1 - Math.floor(random() * 10)), { kind: 'done' });
    }
    if (random() < STORY.notes && due >= addDays(today, -90)) {
      ev(addDays(today, -1 - Math.floor(random() * 20)), { kind: 'note', text: NOTES[Math.floor(random() * NOTES.length)] as string });
    }
  }
  return events.sort((a, b) => a.on.localeCompare(b.on));
}

/** A clock stopped at 10:00 on the day each event happened. */
function stoppedClock(): Clock & { set(day: IsoDate): void } {
  let at = new Date();
  return { now: () => at, set: (day) => { at = new Date(`${day}T10:00:00Z`); } };
}

/** A demo person: who they are and the roles the roles file gives them. */
export interface StoryPerson { id: string; name: string; roles: string[] }

/** Who answers: a demo person holding one of its roles, else the commissioner (the first person). */
function answererOf(stored: StoredAction, people: StoryPerson[]): StoryPerson | undefined {
  const owners = new Set(stored.action.owners.map((o) => o.toLowerCase()));
  return people.slice(1).find((p) => p.roles.some((r) => owners.has(r.toLowerCase()))) ?? people[0];
}

/** Plays the story into the store through the ordinary answer path, so history and progress agree. */
export async function playDemoStory(services: Services, directory: Directory, people: StoryPerson[], tenantId: string, today: IsoDate): Promise<{ answers: number; notes: number }> {
  const clock = stoppedClock();
  const past: Services = { ...services, clock };
  const actions = (await Promise.all(directory.plans.map((p) => services.store.actions.listPlanActions(p.id)))).flat();
  const byKey = new Map(actions.map((a) => [`${a.planId}|${a.action.id}`, a]));
  let answers = 0;
  let notes = 0;
  for (const event of demoStory(actions, today)) {
    const stored = byKey.get(`${event.planId}|${event.actionId}`);
    if (!stored) continue;
    clock.set(event.on);
    const who = answererOf(stored, people);
    if (!who) continue;
    // The commissioner answers for roles nobody in the demo holds: as she is not yet known to the bot (she
    // has not opened the chat), the story grants her what her lead role will (answering any action).
    const known = callerFrom(who.id, who.name, tenantId, directory, services.settings);
    const caller = who === people[0] ? { ...known, isAdmin: true } : known;
    if (event.answer.kind === 'note') {
      const current = await services.store.actions.get(event.planId, event.actionId);
      if (!current) continue;
      const { progress } = current;
      const change = { at: clock.now().toISOString(), by: { id: who.id, name: who.name }, via: 'typed' as const, from: progress.status, to: progress.status, occurrence: progress.occurrence, dueBefore: progress.dueDate, dueAfter: progress.dueDate, reason: null, summary: `note: ${event.answer.text}` };
      if ((await services.store.actions.update(current, progress, change)).ok) notes += 1;
      continue;
    }
    const outcome = await answerAction(past, directory, caller, { planId: event.planId, actionId: event.actionId, occurrence: null, answer: event.answer, via: 'typed', ...(event.upTo ? { upTo: event.upTo } : {}) });
    if (outcome.kind === 'saved') answers += 1;
    else services.logger.debug({ event, outcome: outcome.kind, reason: 'reason' in outcome ? outcome.reason : '' }, 'demo answer not saved');
  }
  return { answers, notes };
}
