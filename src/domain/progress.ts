import type { IsoDate } from './plan.ts';

/**
 * Where an action stands. "delayed" is still open, with a new date; a recurring action that is
 * answered "done" moves on to its next occurrence and stays "open" until the last one is done.
 */
export type ActionStatus = 'open' | 'delayed' | 'blocked' | 'done';

/** The live state of one action, kept beside the plan's text of it. */
export interface ActionProgress {
  status: ActionStatus;
  /** The scheduled date of the occurrence in hand; null when the action has no dated occurrence left. */
  occurrence: IsoDate | null;
  /** When that occurrence is now due: the occurrence itself, or the new date it was delayed to. */
  dueDate: IsoDate | null;
  reason: string | null;
  /** ISO instant of the last answer, and who gave it. */
  updatedAt: string | null;
  updatedBy: string | null;
  /** The latest progress note ("met the provider, spec agreed"): no status change; absent when none. */
  note?: ProgressNote | null;
}

/** A line of progress an owner gave without changing the status; every note is in the history too. */
export interface ProgressNote {
  text: string;
  by: string;
  /** ISO instant. */
  at: string;
}

/** Who changed something, as the bot knows them. */
export interface Actor {
  /** AAD object id, or "cli"/"import" for changes made outside Teams. */
  id: string;
  name: string;
}

/** How an answer arrived. */
export type AnswerChannel = 'button' | 'typed' | 'cli' | 'import';

/** One entry of an action's append-only history. */
export interface ActionChange {
  at: string;
  by: Actor;
  via: AnswerChannel;
  from: ActionStatus;
  to: ActionStatus;
  occurrence: IsoDate | null;
  dueBefore: IsoDate | null;
  dueAfter: IsoDate | null;
  reason: string | null;
  /** A short sentence for people: "done (occurrence 2011-06-30)", "delayed to 2011-07-31: provider late". */
  summary: string;
}

/** A person who has installed the bot in Teams. */
export interface Person {
  /** AAD object id. */
  id: string;
  tenantId: string;
  name: string;
  /** False once they uninstall the bot or Teams refuses messages to them (403/404). */
  reachable: boolean;
  /** Their Teams user id ("29:…") when it differs from `id`: what an @mention of them carries. */
  teamsId?: string;
  /** Their email or UPN, where the directory has one: tells apart two people of one name. */
  email?: string;
}
