// The soak's independent account of reminders: what the domain rules say is due each day (remindersDue
// over the bench's own copy of every action's progress, fanned out to the people holding the roles),
// checked against what actually reached the connector. Nothing here reads the bot's ledger until the
// end, when a reminder that never arrived is looked up to see whether its failure was recorded.
import { remindersDue, type ReminderRules, type TrackedAction } from '../../src/domain/reminders.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { roleKey } from '../../src/domain/owners.ts';
import type { IsoDate } from '../../src/domain/plan.ts';
import type { BenchPeople } from './benchPeople.ts';
import { ownersOf } from './syntheticPlan.ts';
import { WeeklyFloor } from './weeklyFloor.ts';

/** The audit's totals. */
export interface AuditResult {
  /** Distinct reminders (per recipient) the rules made due over the run. */
  expected: number;
  /** Distinct expected reminders that reached their person. */
  sent: number;
  /** Cards that reached a person a second time for the same reminder. */
  duplicated: number;
  /** Lines that matched no reminder due that day for that person. */
  unexpected: number;
  /** The most messages one owner got from one sweep (must be 1: their digest). */
  maxOwnerMessages: number;
  /** The most messages the commissioner got from one sweep (must be 1: their own lines travel in the escalation digest). */
  maxLeadMessages: number;
  /** Messages that reached people, and the lines (reminders) they carried. */
  messages: number;
  lines: number;
  /** One message per person per week holding an expected reminder: the fewest sends that still remind weekly. */
  weeklyFloor: number;
  /** Expected, never arrived, and no failure recorded in the ledger: silently dropped. */
  lost: number;
  /** Expected, never arrived, failure recorded; later a card about the action reached the person, or someone answered it. */
  failedSuperseded: number;
  /** Expected, never arrived, failure recorded, and no later card about that action reached the person. */
  failedNothingLater: number;
}

/** A reminder's ledger row, as far as the audit cares. */
export interface LedgerState {
  state: string;
  attempts: number;
}

/** Tracks one run. `actions` is the bench's own copy; the caller keeps its progress up to date. */
export class ReminderAudit {
  /** Reminder key → the person|action it is for and the day it was first due. */
  private readonly expected = new Map<string, { about: string; day: IsoDate }>();
  private readonly received = new Set<string>();
  /** person|action → the last day a card about it reached them. */
  private readonly lastCard = new Map<string, IsoDate>();
  private day: IsoDate = '';
  private today = new Map<string, string>();
  private duplicated = 0;
  private unexpected = 0;
  private maxOwnerMessages = 0;
  private maxLeadMessages = 0;
  private messages = 0;
  private lines = 0;
  private readonly floor = new WeeklyFloor();

  constructor(private readonly planId: string, private readonly actions: TrackedAction[], private readonly people: BenchPeople, private readonly rules: ReminderRules) {}

  /** Works out what is due on `day` (before that day's sweep); returns how many reminders per person. */
  expect(day: IsoDate): number {
    const horizon = addDays(day, Math.max(0, ...this.rules.daysBefore));
    // Only actions that can give a reminder: a date within the longest lead time, or a block. The rest
    // give none by the rules' own definition (reminderHorizon), and skipping them keeps a year quick.
    const candidates = this.actions.filter((a) => a.progress.status === 'blocked' || (a.progress.dueDate !== null && a.progress.dueDate <= horizon && a.progress.status !== 'done'));
    this.today = new Map();
    this.day = day;
    for (const reminder of remindersDue(candidates, day, this.rules)) {
      const index = Number(reminder.actionId.slice(1));
      const people = reminder.audience === 'lead'
        ? [this.people.lead]
        : ownersOf(index, this.actions.length).map((role) => this.people.holderOf.get(roleKey(role))).filter((p) => p !== undefined);
      for (const person of people) {
        const key = `${reminder.key}|${person.id}`;
        const about = `${person.id}|${reminder.planId}|${reminder.actionId}`;
        if (!this.expected.has(key)) {
          this.expected.set(key, { about, day });
          this.floor.add(person.id, day);
        }
        this.today.set(about, key);
      }
    }
    return this.today.size;
  }

  /**
   * Records the messages that arrived during `day`'s sweep, each with the actions it holds (a digest's
   * lines on every page); returns the lines that matched a due reminder.
   */
  receive(messages: { conversationId: string; actionIds: string[] }[]): { personId: string; actionId: string }[] {
    const matched: { personId: string; actionId: string }[] = [];
    const perPerson = new Map<string, number>();
    for (const message of messages) {
      const person = this.people.byConversation.get(message.conversationId);
      this.messages += 1;
      if (person) perPerson.set(person.id, (perPerson.get(person.id) ?? 0) + 1);
      for (const actionId of message.actionIds) {
        this.lines += 1;
        const about = person ? `${person.id}|${this.planId}|${actionId}` : '';
        const key = this.today.get(about);
        if (!person || !key) {
          this.unexpected += 1;
          continue;
        }
        this.lastCard.set(about, this.day);
        if (this.received.has(key)) this.duplicated += 1;
        else {
          this.received.add(key);
          matched.push({ personId: person.id, actionId });
        }
      }
    }
    for (const [personId, count] of perPerson) {
      if (personId === this.people.lead.id) this.maxLeadMessages = Math.max(this.maxLeadMessages, count);
      else this.maxOwnerMessages = Math.max(this.maxOwnerMessages, count);
    }
    return matched;
  }

  /** The totals, looking up in the ledger each expected reminder that never arrived. */
  result(ledger: Map<string, LedgerState>): AuditResult {
    let lost = 0;
    let failedSuperseded = 0;
    let failedNothingLater = 0;
    const answered = new Map(this.actions.map((a) => [a.actionId, a.progress.updatedAt?.slice(0, 10) ?? '']));
    for (const [key, { about, day }] of this.expected) {
      if (this.received.has(key)) continue;
      const actionId = about.slice(about.lastIndexOf('|') + 1);
      if (ledger.get(key)?.state !== 'failed') lost += 1;
      else if ((this.lastCard.get(about) ?? '') > day || (answered.get(actionId) ?? '') >= day) failedSuperseded += 1;
      else failedNothingLater += 1;
    }
    return {
      expected: this.expected.size, sent: this.received.size, duplicated: this.duplicated, unexpected: this.unexpected, lost, failedSuperseded, failedNothingLater,
      maxOwnerMessages: this.maxOwnerMessages, maxLeadMessages: this.maxLeadMessages, messages: this.messages, lines: this.lines, weeklyFloor: this.floor.messages,
    };
  }
}
