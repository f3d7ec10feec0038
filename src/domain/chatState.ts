// What the bot remembers of its conversation with one person between messages: an answer waiting for
// "yes", the list "more" continues, and the last answer "undo" reverts. Plain JSON, stored per person.
import type { Intent, ListFilter, ListKind, Period, Question } from './reading/intent.ts';
import type { Answer } from './answers.ts';
import type { ActionProgress } from './progress.ts';

/** A list as asked, enough to run it again for the next page. */
export interface ListQuery {
  list: ListKind;
  filter: ListFilter;
  period?: Period;
  groupBy?: 'grid' | 'owner' | 'plan';
}

/** An action as it was when the bot asked about it: a change since (another ETag) means asking again. */
export interface AskedAction {
  planId: string;
  actionId: string;
  etag: string;
}

/**
 * An answer the bot asked the person to confirm, for one or more actions. `upTo`: "all" closes every
 * missed occurrence of a recurring action due up to that date.
 */
export interface PendingAnswer {
  targets: AskedAction[];
  answer: Answer;
  upTo?: string;
  askedAt: string;
  /** Several answers of one message, each with its own answer: applied together on "yes" (then `targets`/`answer` are unused). */
  each?: { target: AskedAction; answer: Answer }[];
}

/** A reminder setting the reader guessed ("remnd me weekly"), saved only after "yes". */
export interface PendingSetting {
  intent: Extract<Intent, { kind: 'remind-me' | 'pause' | 'snooze' | 'cover' }>;
  askedAt: string;
}

/** One action the caller's last answer changed, for "undo". */
export interface LastAnswer {
  planId: string;
  actionId: string;
  before: ActionProgress;
  /** The ETag the answer left: "undo" works only while it is still the action's. */
  etagAfter: string;
  at: string;
}

/** Everything remembered for one person. */
export interface ChatState {
  pending: PendingAnswer | null;
  lastList: { query: ListQuery; offset: number } | null;
  /** Every action the caller's last message or press changed ("done A, B and C": three), for "undo". */
  lastAnswers: LastAnswer[];
  /** Absent in states saved before settings were confirmed. */
  pendingSetting?: PendingSetting | null;
  /** A typed chase ("chase BED-65") waiting for "yes": it sends, so it is never done on a reading alone. */
  pendingChase?: { targets: { planId: string; actionId: string }[]; askedAt: string } | null;
  /** The last question answered with figures, for a follow-up ("and for Bedfordshire?"). */
  lastQuestion?: Question | null;
}

export const emptyChatState: ChatState = { pending: null, lastList: null, lastAnswers: [] };
