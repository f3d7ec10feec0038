// The data each card template in cards/ is expanded with. Every field a template binds is required here:
// a missing one would show up on the card as a literal `${…}`. Optional things are null or empty lists.
import type { IsoDate } from '../domain/plan.ts';
import type { BriefingCard, EscalationDigestCard, OwnerDigestCard } from './digestModels.ts';

/** Who owns an action: one plan role and the people holding it ("nobody yet" when none). */
export interface CardOwner {
  role: string;
  people: string;
}

/** What every card about one action shows. Dates arrive already written for people ("Fri 30 Sep 2011"). */
export interface ActionCardFields {
  planId: string;
  partnership: string;
  gridNumber: number;
  gridTitle: string;
  objective: string | null;
  /** What people type to name it: the action's code ("BED-14"), or its reference for a legacy row. */
  ref: string | null;
  text: string;
  actionId: string;
  /** The action's version (ETag) the card shows: a press on an older one is not applied but shown. */
  version: string;
  /** The scheduled date of the occurrence asked about; null for an undated action. */
  occurrence: IsoDate | null;
  /** When it is now due (the occurrence, or the date it was delayed to). */
  dueDate: IsoDate;
  /** "Fri 30 Sep 2011". */
  dueLabel: string;
  /** "in 7 days", "due today", "3 days late". */
  dueDistance: string;
  /** "Open", "Delayed", "Blocked", "Done". */
  statusLabel: string;
  owners: CardOwner[];
}

/** Which reminder this is: it picks the banner. */
export type ReminderKind = 'upcoming' | 'dueToday' | 'overdue';

/** A reminder to an action's owners, with Done / Delayed / Blocked buttons. */
export interface ReminderCard extends ActionCardFields {
  kind: ReminderKind;
}

/** The same action once someone has answered; replaces the reminder in place. */
export interface AnsweredCard extends ActionCardFields {
  answer: 'done' | 'delayed' | 'blocked';
  answeredBy: string;
  /** "Mon 3 Oct 2011 09:12". */
  answeredAt: string;
  reason: string | null;
  /** The new due date when delayed ("Mon 31 Oct 2011"), else null. */
  newDueLabel: string | null;
}

/** One line of a list answer. */
export interface DigestItem {
  ref: string;
  /** Already shortened for a list line. */
  text: string;
  dueLabel: string;
  /** "3 days late", "in 2 days", "blocked: waiting for data". */
  dueDistance: string;
  owners: string;
  /** For the commissioner: whether the owners opened their reminders ("seen Tue 1 Dec 2026 09:14", "not opened"); '' for others. */
  seen: string;
}

/** A heading (a grid or an owner) and its lines. */
export interface DigestGroup {
  heading: string;
  items: DigestItem[];
}

/** A list answer: "What's overdue", "Due this week", "Blocked", "My actions". */
export interface DigestCard {
  title: string;
  /** "12 actions", "1 action". */
  countLabel: string;
  groups: DigestGroup[];
  /** How many were left off; 0 when the list is whole. */
  more: number;
  /** Shown when there are no groups ("Nothing is overdue."). */
  emptyText: string;
}

/** A chat list, one page of it, ending with "Show more" (which carries the query) when more are left. */
export interface ListCard extends DigestCard {
  /** "40 more: type "more" or press Show more". */
  moreLabel: string;
  /** The list's query as JSON, and where the next page starts. */
  query: string;
  offset: number;
  /** For the commissioner's overdue list: "On leave: Alex Jones until Mon 3 Oct 2011"; '' otherwise. */
  notice: string;
}

/** A question before anything changes ("Mark PB-14 … as done?"), with its answers as buttons. */
export interface QuestionCard {
  title: string;
  message: string;
  facts: { title: string; value: string }[];
  /** Each button: its label and the choice it sends; `asked` ties it to the question asked. */
  choices: { title: string; choice: string; asked: string }[];
}

/** To the commissioner: an action that is far overdue or blocked. */
export interface EscalationCard extends ActionCardFields {
  /** "21 days late" or "Blocked". */
  headline: string;
  reason: string | null;
}

/** A role named in plans that nobody holds. */
export interface UnheldRole {
  role: string;
  actions: number;
  /** The partnerships whose plans name it. */
  plans: string;
}

/** One message per sweep listing roles nobody holds. */
export interface UnheldRolesCard {
  countLabel: string;
  roles: UnheldRole[];
  /** How to fix it: "Ask an admin: assign SMLO to someone". */
  hint: string;
}

/** A short reply to a typed answer or a command. */
export interface ConfirmationCard {
  title: string;
  message: string;
  tone: 'good' | 'warning' | 'attention' | 'default';
  facts: { title: string; value: string }[];
}

/** A command people can type, for the welcome card. */
export interface CommandExample {
  example: string;
  summary: string;
}

/** Greeting on install. */
export interface WelcomeCard {
  personName: string;
  botName: string;
  commands: CommandExample[];
}

/** One entry of an action's history, written for people. */
export interface HistoryLine {
  at: string;
  by: string;
  summary: string;
}

/** One action in detail. */
export interface StatusCard extends ActionCardFields {
  reason: string | null;
  /** The latest progress note, "text (by, day)"; '' when none. */
  note: string;
  history: HistoryLine[];
  /** For the commissioner: whether the owners opened their reminders; '' for others. */
  seen: string;
}

/** Counts for one grid (or a plan's total). */
export interface SummaryCounts {
  label: string;
  done: number;
  onTrack: number;
  dueSoon: number;
  overdue: number;
  blocked: number;
  /** Ongoing or as-required work: its own column, as on the dashboard (src/app/planFigures.ts StatusCounts). */
  noDate: number;
}

/** Per plan and grid counts. */
export interface SummaryCard {
  title: string;
  /** "as of Mon 3 Oct 2011". */
  asOf: string;
  plans: { partnership: string; periodLabel: string; total: SummaryCounts; grids: SummaryCounts[] }[];
}

/** The preview of a plan file sent in Teams, before Import or Cancel (cards/importPreview.json). */
export interface ImportPreviewCard {
  title: string;
  partnership: string;
  periodLabel: string;
  /** The preview's warnings about the plan as a whole (its year is over, its name is another plan's). */
  notices: { label: string }[];
  actionsLabel: string;
  byWhenLabel: string;
  /** The plan's lead role, why, and who holds it ("JCM (the plan's commissioning lead title…): Jane Smith"). */
  leadRoleLabel: string;
  grids: { label: string }[];
  rolesHeading: string;
  roles: { label: string }[];
  hasRevision: boolean;
  revisionHeading: string;
  changes: { label: string }[];
  warningsHeading: string;
  warnings: { label: string }[];
  /** What was left off to keep the card small ("and 12 more warnings: import with the command line to see all"). */
  moreLabel: string;
  token: string;
}

/** What replaces a preview once Import or Cancel has settled it (cards/importOutcome.json). */
export interface ImportOutcomeCard {
  /** "Plan imported" or "Import cancelled". */
  title: string;
  imported: boolean;
  message: string;
  /** "Jane Smith, Tue 1 Dec 2026 10:05". */
  byLine: string;
}

/** Template name → its data. */
export interface CardData {
  importPreview: ImportPreviewCard;
  importOutcome: ImportOutcomeCard;
  reminder: ReminderCard;
  answered: AnsweredCard;
  digest: DigestCard;
  list: ListCard;
  question: QuestionCard;
  escalation: EscalationCard;
  unheldRoles: UnheldRolesCard;
  confirmation: ConfirmationCard;
  welcome: WelcomeCard;
  status: StatusCard;
  summary: SummaryCard;
  ownerDigest: OwnerDigestCard;
  escalationDigest: EscalationDigestCard;
  briefing: BriefingCard;
}

export type CardName = keyof CardData;
