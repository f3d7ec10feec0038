// The storage ports: what the bot, the sweep and the CLI need from storage, as small interfaces.
// Adapters (src/store/…) implement them; one contract suite (test/store/contract.ts) checks every one.
import type { IsoDate, Plan, PlanAction, PlanPeriod, Grid, PlanRole } from './plan.ts';
import type { ActionSnapshot } from './briefing.ts';
import type { ChatState } from './chatState.ts';
import type { ImportStore } from './importPorts.ts';
import type { ActionChange, ActionProgress, ActionStatus, Actor, Person } from './progress.ts';
import type { BriefingStore, DigestRecord, DigestStore, PersonSettingsStore } from './digestPorts.ts';

/** An action as stored: the plan's text of it, its live progress, and the ETag that guards updates. */
export interface StoredAction {
  planId: string;
  action: PlanAction;
  progress: ActionProgress;
  etag: string;
}

/** One action whose text, owners or date changed between two imports of a plan. */
export interface ChangedAction {
  before: PlanAction;
  after: PlanAction;
  /** Names of the PlanAction fields that differ ("text", "owners", "due", …). */
  fields: string[];
  /** Set when the new "By when" moved the date the action is chased for (null: no date). */
  dueMoved?: { from: IsoDate | null; to: IsoDate | null };
}

/** What an import did to a plan already stored: nothing is removed without appearing here. */
export interface ImportReport {
  planId: string;
  /** True when the plan was not stored before. */
  created: boolean;
  added: PlanAction[];
  removed: PlanAction[];
  changed: ChangedAction[];
  /** Actions matched to a stored one (changed or not): their progress and history were kept. */
  kept: number;
  /** The plan's revision this import made current. */
  revision: string;
}

/** How a plan change is made (all optional). */
export interface SaveOptions {
  /** Who imports it, named as the plan's last importer. */
  by?: string;
  /** The change is made only if the plan is at this revision (or one that restored it); otherwise NewerImportError. */
  expect?: string;
  /** The revision this change restores the plan to (an undo), so an undo of that older import may follow. */
  sameAs?: string;
}

/** The plan was changed since the revision a change expected (another import came after it); nothing was changed. */
export class NewerImportError extends Error {
  constructor(readonly planCode: string, readonly importedAt: string, readonly importedBy: string | null) {
    super(`Plan ${planCode} was imported again at ${importedAt}; nothing was changed`);
    this.name = 'NewerImportError';
  }
}

/** A plan in a list: enough to pick one. */
export interface PlanSummary {
  id: string;
  /** "BED": unique across the store. */
  code: string;
  /** null for a plan stored before plans had tenants: nobody sees it until it is imported again. */
  tenantId: string | null;
  /** The role whose holders commission the plan; null for a plan stored before plans had one. */
  leadRole: string | null;
  partnership: string;
  period: PlanPeriod;
  grids: Grid[];
  roles: PlanRole[];
  actions: number;
  importedAt: string;
  /** The stored version: '' for a plan stored before versions were kept. */
  revision?: string;
  /** The older revision this one restored (it was made by an undo), or null. */
  sameAs?: string | null;
  /** Who imported the current version, when known. */
  importedBy?: string | null;
}

/** Where plans live. */
export interface PlanStore {
  /**
   * Saves a plan. For a plan already stored, every action still there (matched by ref and text, then
   * text alone, then ref alone) keeps its id, progress and history; the rest are reported as added,
   * removed and changed. `progressFor` gives the starting progress of a new action. All or nothing: if it
   * fails, every reader still sees the previous version whole, and trying again completes it.
   */
  savePlan(plan: Plan, progressFor: (a: PlanAction) => ActionProgress, at: string, options?: SaveOptions): Promise<ImportReport>;
  listPlans(): Promise<PlanSummary[]>;
  /** The plan as stored, actions in document order (a kept action shows its stored id). */
  getPlan(planId: string): Promise<Plan | null>;
  /** Names the role whose holders commission the plan. False when there is no such plan. */
  setLeadRole(planId: string, role: string): Promise<boolean>;
}

/** The outcome of an ETag-checked update. */
export type UpdateResult =
  | { ok: true; action: StoredAction }
  | { ok: false; reason: 'conflict' | 'missing' };

/** Where actions and their progress live. */
/**
 * A due-index entry as read, before its action is: cheap to list and narrow by plan, grid and owner,
 * but possibly behind an answer given since. Read the action (`get`) before showing or acting on it.
 * `grid` and `owners` are null on entries written before the index kept them.
 */
export interface DueMark {
  planId: string;
  actionId: string;
  dueDate: IsoDate;
  grid: number | null;
  owners: string[] | null;
}

/**
 * How many of a plan's actions stand at one grid, stored status and due date. A plan's figures (counts
 * by status, RAG, due dates by month) depend on nothing else, so these answer them without the actions.
 */
export interface TallyEntry {
  grid: number;
  status: ActionStatus;
  dueDate: IsoDate | null;
  count: number;
}

/** What a page of a plan's actions is narrowed by. */
export interface PageWhere {
  grid?: number;
  statuses?: ActionStatus[];
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** An owner role (compared without case or extra spaces). */
  owner?: string;
  /** How many of the plan's actions match, when the caller knows (its tallies): the store reads just wide enough to find a page of them. */
  matches?: number;
}

export interface ActionStore {
  get(planId: string, actionId: string): Promise<StoredAction | null>;
  /** Open or delayed actions whose dueDate ≤ date, oldest first: reads the due index, not every action. */
  dueBy(date: IsoDate): Promise<StoredAction[]>;
  /**
   * The due index's entries with dueDate ≤ date, one per action, oldest first, without reading the
   * actions. With `oldest`, it may stop once it holds the `count` oldest that `keep` passes (and some more).
   */
  dueMarks(date: IsoDate, oldest?: { count: number; keep: (mark: DueMark) => boolean }): Promise<DueMark[]>;
  /** Blocked actions, by plan. */
  blocked(): Promise<StoredAction[]>;
  /** Actions with this document reference ("1.1.1"), in any plan. */
  findByRef(ref: string): Promise<StoredAction[]>;
  /** Actions of the tenant's plans owned by any of these roles (case-insensitive). */
  ofRoles(tenantId: string, roles: string[]): Promise<StoredAction[]>;
  /** One plan's actions, in document order. */
  listPlanActions(planId: string): Promise<StoredAction[]>;
  /** Each action's status and due date, and nothing else of it: the weekly briefing's snapshot of a 100,000-action plan without holding its actions. */
  statuses(planId: string): Promise<({ actionId: string } & ActionSnapshot)[]>;
  /**
   * A plan's actions in document order, at most `count`, narrowed by grid, statuses and a due-date range
   * (as stored: an action with no date is outside every range) and an owner role. Reads what matches,
   * in windows of document order, so a first page reads a bounded number of rows.
   */
  planPage(planId: string, count: number, where?: PageWhere): Promise<StoredAction[]>;
  /**
   * A plan's actions in document order with their changes, `size` at a time, all of one version of the
   * plan (the CSV export streams these); throws if the plan is re-imported while they are read, or once
   * `stop` is aborted (a download cancelled: the page being read stops, not only the next one).
   */
  pages(planId: string, size: number, stop?: AbortSignal): AsyncIterable<{ stored: StoredAction; history: ActionChange[] }[]>;
  /**
   * A plan's tally, kept by every write; with `owner`, of the actions that role owns. Null for a plan
   * stored before tallies (or, with `owner`, tallies per owner) were kept.
   */
  tally(planId: string, owner?: string): Promise<TallyEntry[] | null>;
  /**
   * Writes new progress if the action is unchanged since `current.etag`, then appends `change` to its
   * history. 'conflict' when someone else answered first (nothing written); 'missing' when it is gone.
   */
  update(current: StoredAction, progress: ActionProgress, change: ActionChange): Promise<UpdateResult>;
  /** An action's changes, oldest first. */
  history(planId: string, actionId: string): Promise<ActionChange[]>;
  /** Every action's changes made at or after the instant `since`, oldest first ("what's changed since last week?"). */
  changedSince(since: string): Promise<{ planId: string; actionId: string; change: ActionChange }[]>;
}

/** People who installed the bot, with where to reach them. */
export interface PeopleStore {
  /**
   * Saves (or replaces) a person and the ConversationReference JSON of their personal (1:1) chat with the
   * bot; null: none known. A group chat or channel reference is refused (isPersonalChat).
   */
  save(person: Person, conversation: object | null): Promise<void>;
  get(id: string): Promise<Person | null>;
  /** The person's personal chat; null when none is stored (a non-personal one stored before this rule reads as none). */
  conversationOf(id: string): Promise<object | null>;
  list(): Promise<Person[]>;
  /** People whose name contains `name`, ignoring case. */
  findByName(name: string): Promise<Person[]>;
  setReachable(id: string, reachable: boolean): Promise<void>;
}

/** One role of one tenant and the people holding it there. */
export interface RoleHolding {
  tenantId: string;
  /** The role as first written. */
  role: string;
  personIds: string[];
}

/**
 * Who holds which plan role ("SMLO", "DAT Co-ordinator"), per tenant: several people per role, several
 * roles per person. A role name means nothing across tenants: tenant B's SMLO holds nothing in tenant A.
 */
export interface RoleStore {
  assign(tenantId: string, role: string, personId: string, by: Actor, at: string): Promise<void>;
  /** False when the person did not hold the role in that tenant. */
  unassign(tenantId: string, role: string, personId: string, by: Actor, at: string): Promise<boolean>;
  /** Person ids holding a role in a tenant (case-insensitive). */
  holders(tenantId: string, role: string): Promise<string[]>;
  rolesOf(tenantId: string, personId: string): Promise<string[]>;
  /** Every tenant's roles and holders (or one tenant's), by tenant then role. */
  list(tenantId?: string): Promise<RoleHolding[]>;
}

/** Who a reminder is for, kept with its claim. */
export interface ReminderInfo {
  planId: string;
  actionId: string;
  audience: string;
  personId: string;
}

/** A reminder that reached Teams: enough to refresh its card later. */
export interface SentReminder {
  key: string;
  personId: string;
  activityId: string;
  conversationId: string;
}

/** The send-once ledger of reminders; keys are per recipient (`${reminderKey}|${personId}`). */
export interface ReminderLedger {
  /**
   * Claims a reminder before sending. true: this caller must send it. false: already sent, or another
   * sweep holds a live claim. A claim older than `leaseMs` never marked sent (the sender died), or one
   * marked failed, can be claimed again. Two bot instances never both win.
   */
  claim(key: string, info: ReminderInfo, at: string, leaseMs: number): Promise<boolean>;
  markSent(key: string, sent: { at: string; activityId: string | null; conversationId: string | null }): Promise<void>;
  markFailed(key: string, error: string, at: string): Promise<void>;
  /** Messages sent for one action that Teams gave an activity id for (to refresh their cards). */
  sentFor(planId: string, actionId: string): Promise<SentReminder[]>;
  stats(): Promise<{ sent: number; failed: number; claimed: number }>;
}

/**
 * One scheduled sweep at a time across bot instances: the first to take a slot runs it. A slot taken
 * and not finished within `leaseMs` (its holder died) can be taken over, by one instance only.
 */
export interface SweepLeases {
  take(slot: string, holder: string, at: string, leaseMs: number): Promise<boolean>;
  finish(slot: string, holder: string, at: string): Promise<void>;
}

/** The conversation's memory: per-person state, and the replies already given to activities. */
export interface ChatStore {
  state(personId: string): Promise<ChatState>;
  saveState(personId: string, state: ChatState): Promise<void>;
  /**
   * Claims an activity before acting on it. true: this caller handles it. false: it was handled (or is
   * being handled) already; `replyOf` gives what was answered.
   */
  claimActivity(key: string, at: string): Promise<boolean>;
  saveReply(key: string, reply: string): Promise<void>;
  /** The reply recorded for an activity; null while it is being handled. */
  replyOf(key: string): Promise<string | null>;
}

/** Every store the bot needs. */
export interface Store {
  plans: PlanStore;
  actions: ActionStore;
  people: PeopleStore;
  roles: RoleStore;
  reminders: ReminderLedger;
  leases: SweepLeases;
  /** Reminder settings, snoozes and covers. */
  settings: PersonSettingsStore;
  /** Digests sent, their items, and when they were read. */
  digests: DigestStore;
  /** Weekly snapshots of each plan for the briefing. */
  briefings: BriefingStore;
  chat: ChatStore;
  /** Import previews and imports that can be undone. */
  imports: ImportStore;
}

export type { BriefingStore, DigestRecord, DigestStore, PersonSettingsStore };
