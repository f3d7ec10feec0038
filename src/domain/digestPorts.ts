// The storage ports of the digest: people's reminder settings and covers, and the digests sent.
import type { PlanSnapshot } from './briefing.ts';
import type { IsoDate } from './plan.ts';
import type { DigestSection } from './digestItems.ts';
import type { PersonSettings } from './personSettings.ts';

/** Someone standing in for a role's holders until a date: they get the role's reminders and may answer. */
export interface Cover {
  role: string;
  personId: string;
  /** The last day of the cover. */
  until: IsoDate;
  by: string;
  /** True when the cover was given the role for the cover (and loses it when it ends). */
  granted: boolean;
}

/** Reminder settings per person, and covers per role. */
export interface PersonSettingsStore {
  /** A person's settings (the defaults when they never set any). */
  get(personId: string): Promise<PersonSettings>;
  save(settings: PersonSettings): Promise<void>;
  /** Everyone who changed a setting. */
  list(): Promise<PersonSettings[]>;
  covers(): Promise<Cover[]>;
  saveCover(cover: Cover): Promise<void>;
  removeCover(role: string, personId: string): Promise<void>;
}

/** One line of a sent digest, and what became of it. */
export interface DigestLine {
  planId: string;
  actionId: string;
  occurrence: IsoDate | null;
  dueDate: IsoDate | null;
  section: DigestSection;
  /** The reference people type ("1.2.3"). */
  ref: string;
  text: string;
  partnership: string;
  /** Escalations: why the commissioner hears of it ("21 days late", "blocked: waiting for data"). */
  why?: string;
  /** Escalations: whether the owners have opened their reminders of it. */
  seen?: string;
  /**
   * Escalations for another reason (blocked, late) whose owner roles nobody who can be reached holds:
   * "nobody who can be reached holds SMLO". Chase is not offered on it; Reassign is.
   */
  unheld?: string;
  /** Set once someone answers from the digest: "Done by Sam Patel". */
  outcome?: string;
  /** A chase or a reassignment: shown on the line, which stays open ("Chased by Jane Smith"). */
  note?: string;
}

/** An escalation line (it says why the commissioner hears of it), not the person's own action. */
export const isEscalationLine = (line: DigestLine): boolean => line.why !== undefined;

/** A digest as sent: one per person, kind and day. An escalation digest opens with the commissioner's own lines, if any. */
export interface DigestRecord {
  /** `${kind}|${personId}|${day}`. */
  key: string;
  kind: 'owner' | 'escalation';
  personId: string;
  day: IsoDate;
  lines: DigestLine[];
  /** Notes without buttons (owners who have not opened their reminders, people the bot cannot reach). */
  notes: string[];
  activityId: string | null;
  conversationId: string | null;
  sentAt: string | null;
  /** When the person read it (a Teams read receipt); null until then. */
  seenAt: string | null;
}

/** A digest nobody has opened, as the commissioner hears of it. */
export interface UnreadDigest {
  key: string;
  personId: string;
  day: IsoDate;
  lines: number;
}

/** Where digests are kept. */
export interface DigestStore {
  /** Writes the digest (its lines' outcomes included). */
  save(record: DigestRecord): Promise<void>;
  /** Writes a digest that reached Teams, and indexes its lines (by action) and it (as unread). */
  recordSent(record: DigestRecord): Promise<void>;
  get(key: string): Promise<DigestRecord | null>;
  /** Digests (sent) that hold a line about this action. */
  withAction(planId: string, actionId: string): Promise<DigestRecord[]>;
  /** A person's sent digests, newest first, at most `limit`. */
  ofPerson(personId: string, limit: number): Promise<DigestRecord[]>;
  /** Records that the person read the digest (its lines count as seen). */
  markSeen(key: string, at: string): Promise<void>;
  /** When the person (anyone, when not given) last read an owner digest holding this action; null when never. */
  seenFor(planId: string, actionId: string, personId?: string): Promise<string | null>;
  /** Owner digests sent on days in [from, to] and never read (without their lines: `lines` is their count). */
  unread(from: IsoDate, to: IsoDate): Promise<UnreadDigest[]>;
}

/** A digest key. */
export function digestKey(kind: DigestRecord['kind'], personId: string, day: IsoDate): string {
  return `${kind}|${personId}|${day}`;
}

/** Last week's picture of each plan, for "what changed since last week". */
export interface BriefingStore {
  /** The latest snapshot of a plan taken before `before`; null when none. */
  snapshotBefore(planId: string, before: IsoDate): Promise<PlanSnapshot | null>;
  saveSnapshot(planId: string, snapshot: PlanSnapshot): Promise<void>;
}
