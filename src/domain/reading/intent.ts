// What a chat message means: the one contract between reading a message (a pure function of its text)
// and acting on it. Reading never writes; acting decides what needs a confirmation.
import type { IsoDate } from '../plan.ts';

/**
 * How a person names an action: its code ("PB-14", "#pb-14"), or the plan's own reference ("1.2.3").
 * The reader writes a code's plan prefix in capitals and the rest in lower case ("IW-4.1.1/g4", "GLOS-8i");
 * a legacy "#b801ad" id prefix is a code too, in lower case, without "#". References are lower case ("6a", "8 i").
 */
export type ActionName = { kind: 'code'; code: string } | { kind: 'ref'; ref: string };

/** The three answers an owner gives. */
export type AnswerStatus = 'done' | 'delayed' | 'blocked';

/** A move of a date by a span: "by two weeks", "push back a month". */
export interface Shift {
  amount: number;
  unit: 'day' | 'week' | 'month';
}

/**
 * A span of days a question is about ("today", "next week", "in January"), inclusive. `label` is how a
 * reply's title names it ("due next week").
 */
export interface Period {
  from: IsoDate;
  to: IsoDate;
  label: string;
}

/**
 * What a list is narrowed to. Names are as the person wrote them (matched later against the plans,
 * people and roles they can see); `mine` is "my …". Where the reader matched one in the vocabulary it
 * gives that spelling: `plan` is then the plan's code ("in Bedfordshire" → "BED"), `person` and `role`
 * the vocabulary's names ("for Sam" → "Sam Patel", "for the smlo" → "SMLO").
 */
export interface ListFilter {
  plan?: string;
  grid?: number;
  person?: string;
  role?: string;
  mine?: boolean;
}

/** The lists people ask for. */
export type ListKind = 'overdue' | 'due' | 'blocked' | 'mine' | 'done' | 'delayed' | 'all';

/** How people ask for reminders to come. `weekday` is 0 Sunday … 6 Saturday ("weekly" alone is Monday, 1). */
export type ReminderMode = { kind: 'daily' } | { kind: 'weekly'; weekday: number } | { kind: 'overdue-only' };

/**
 * What is wrong with a setting's date: unreadable ('"31/2" is not a date', in the reader's words), passed,
 * a day without a year that has just passed (`next` is the same day next year, which is not guessed), none.
 */
export type SettingProblem =
  | { kind: 'unreadable'; problem: string }
  | { kind: 'passed'; date: IsoDate }
  | { kind: 'just-passed'; date: IsoDate; next: IsoDate }
  | { kind: 'no-date' }
  /** "on leave next week": reminders pause from now only, so the reply offers that. */
  | { kind: 'starts-later'; from: IsoDate; until: IsoDate };

/** Everything a message can mean. */
export type Intent =
  /**
   * An answer about one or more named actions, or (names empty) about the action a reminder just asked
   * about. `sure` is false when the reading is a guess (a loose wording): acting then asks to confirm.
   */
  | {
      kind: 'answer';
      status: AnswerStatus;
      names: ActionName[];
      newDate?: IsoDate;
      shift?: Shift;
      reason?: string;
      sure: boolean;
      /** No code named, but the action's own words ("the RESULT newsletter has gone out"): matched by the actor, always confirmed. */
      about?: string;
    }
  /** Several answers in one message ("BED-2 done, BED-4 delayed to 31 Jan because …"): confirmed together. */
  | { kind: 'answers'; parts: (AnswerPart)[] }
  /** A progress note ("update on BED-14: met the provider"): no status change, kept in the history. */
  | { kind: 'note'; name: ActionName; note: string }
  /** A note that cannot be kept as written (none, or too long): say why, change nothing. */
  | { kind: 'invalid-note'; name: ActionName | null; problem: string }
  /**
   * "chase BED-65", "remind Sam about BED-65", "nudge the owners of PET-6": the digest's Chase (the owners get
   * the reminder now). It sends, so it is always confirmed first. `who`: the person or role written, if any.
   */
  | { kind: 'chase'; names: ActionName[]; who?: string }
  /** "stop", "unsubscribe": reminders paused until turned back on. */
  | { kind: 'stop' }
  /** Greetings, thanks, goodbyes and "what is this?": a short friendly reply. */
  | { kind: 'small-talk'; topic: 'hello' | 'thanks' | 'bye' | 'about' }
  /** Questions about the person themself: who they are, their roles, commissioner, next deadline, the dashboard. */
  | { kind: 'about-me'; topic: 'who' | 'roles' | 'commissioner' | 'next-deadline' | 'dashboard' }
  /** A question answered with figures rather than a list (see Question). */
  | { kind: 'question'; question: Question }
  /**
   * "and for Bedfordshire?", "just grid 2", "and in Q4?", "what about the blocked ones?": the last list or
   * question again with the parts written here changed (the rest kept).
   */
  | { kind: 'follow-up'; filter: ListFilter; period?: Period; list?: ListKind }
  /** An answer with a part that cannot be read ("delayed to the 45th"): say what is wrong, change nothing. */
  | { kind: 'invalid-answer'; status: AnswerStatus; names: ActionName[]; problem: string }
  | { kind: 'undo' }
  | { kind: 'reopen'; names: ActionName[] }
  | { kind: 'list'; list: ListKind; filter: ListFilter; period?: Period; groupBy?: 'grid' | 'owner' | 'plan' }
  | { kind: 'more' }
  | { kind: 'status'; name: ActionName }
  | { kind: 'summary'; filter: ListFilter }
  | { kind: 'roles'; unheld?: boolean }
  | { kind: 'assign'; role: string; person: string }
  | { kind: 'unassign'; role: string; person: string }
  | { kind: 'who'; role: string }
  | { kind: 'merge-roles'; from: string; into: string }
  /** "lead role for WOR is JCM": the role whose holders commission a plan (`plan` a code where one matched, '' for every plan); no `role`: asked. */
  | { kind: 'lead-role'; plan: string; role?: string }
  | { kind: 'help' }
  | { kind: 'yes' }
  | { kind: 'no' }
  // Reminder settings (the digest). `sure: false` (read through a typo, or a date over a year off) asks first.
  | { kind: 'remind-me'; mode: ReminderMode; sure?: false }
  | { kind: 'pause'; until: IsoDate; leave?: boolean; sure?: false }
  | { kind: 'resume' }
  | { kind: 'snooze'; names: ActionName[]; until: IsoDate; sure?: false }
  /** "unsnooze 1.2.3", "cancel the snooze on 1.2.3": reminders about it come again. */
  | { kind: 'unsnooze'; names: ActionName[] }
  /** `person` as written; "me" when the sender named themself ("I'll cover SMLO …"). */
  | { kind: 'cover'; person: string; role: string; until: IsoDate; sure?: false }
  /** A setting whose date cannot be used, or that has none ("stop reminding me about 1.2.3"): say why, change nothing. */
  | { kind: 'invalid-setting'; setting: 'pause' | 'snooze' | 'cover'; problem: SettingProblem; names?: ActionName[] }
  | { kind: 'my-settings' }
  // Documents and reports.
  | { kind: 'undo-import' }
  /** "import", "how do I import a plan?": how plans get in. */
  | { kind: 'import-help' }
  /** `quarter` as written, tidied: "Q3" or "2026-Q3" (the year is not resolved); `plan` a plan code. */
  | { kind: 'report'; quarter?: string; plan?: string; format?: 'docx' | 'pdf' }
  /** Neither a question nor an answer: the closest commands, typo-tolerant ("summery" → "summary"). */
  | { kind: 'unknown'; suggestions: string[] };

/** One answer of several in a message. */
export type AnswerPart =
  | { kind: 'answer'; status: AnswerStatus; names: ActionName[]; newDate?: IsoDate; shift?: Shift; reason?: string; sure: boolean }
  | { kind: 'invalid-answer'; status: AnswerStatus; names: ActionName[]; problem: string };

/**
 * A question answered with figures: how many (`count`), how far each plan and grid is (`progress`), plans
 * side by side (`compare`, `plans` codes or names as written), plans ranked (`rank`), what changed since a
 * day (`changed`), what a person is working on (`work`), overdue for longer than a span (`aged`), and who
 * has not answered a reminder (`silent`), what needs the asker's attention (`attention`: a commissioner's
 * escalations, an owner's own late and blocked work) and who is on leave (`leave`). `list` is what is counted; `filter` and `period` narrow it.
 */
export interface Question {
  /** `list`: a list asked for (remembered so that a follow-up can change one part of it). */
  ask: 'count' | 'progress' | 'compare' | 'rank' | 'changed' | 'work' | 'aged' | 'silent' | 'list' | 'attention' | 'leave';
  list?: ListKind;
  filter: ListFilter;
  period?: Period;
  plans?: string[];
  order?: 'worst' | 'best';
  since?: IsoDate;
  olderThan?: Shift;
  /** `changed`: only the changes this person made (as written or matched; "me" the asker). */
  by?: string;
  groupBy?: 'grid' | 'owner' | 'plan';
}

/** Names the reader may match loosely (typos, partial names): what the person can see, nothing more. */
export interface Vocabulary {
  plans: { code: string; partnership: string }[];
  roles: string[];
  people: string[];
}

/** The input of reading: the text as Teams sent it (HTML, entities, <at> mentions kept). */
export interface Message {
  text: string;
  today: IsoDate;
  vocabulary: Vocabulary;
}
