// The commissioner's dashboard as data: per plan and grid the status counts, overdue actions oldest
// first with their owners, a timeline of due dates, and the actions' rows, narrowed by an optional
// filter. The page (a capped view) and the CSV export (every row) both read this.
import { ownersIn } from '../app/access.ts';
import { noteLine } from '../app/notes.ts';
import { loadDirectory, type Directory } from '../app/directory.ts';
import { figuresOf, labelOf, ragOf, storedTally, tallyOf, type GridFigures, type Rag, type RagCounts, type StatusCounts } from '../app/planFigures.ts';
import { loadedList, overdueList, type LazyList } from '../app/lazyList.ts';
import { seenKey, type SeenSubject } from '../app/overdueNotes.ts';
import { gridsShown, keeps, narrows, narrowTally, pageWhere, type DashboardFilter } from './filters.ts';
import { roleKey } from '../domain/owners.ts';
import { typeableRef } from '../app/actionCards.ts';
import { dueLabel } from '../cards/format.ts';
import { describeStatus, type StatusLabel } from '../domain/answers.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate, PlanPeriod } from '../domain/plan.ts';
import type { PlanSummary, Store, StoredAction, TallyEntry } from '../domain/ports.ts';
import { timelineOf, type Timeline } from './timeline.ts';

/** An owner role and the names of the people holding it (empty: nobody holds it yet). */
export interface OwnerCell {
  role: string;
  people: string[];
}

/** One action as the dashboard shows it. */
export interface ActionRow {
  planId: string;
  actionId: string;
  /** The plan's own reference, or the action's code where it has none. */
  ref: string;
  /** What people type to name it in chat ("BED-14", "IW-4.1.1/g2"). */
  code: string;
  grid: number;
  gridTitle: string;
  text: string;
  owners: OwnerCell[];
  dueDate: IsoDate | null;
  /** "Mon 3 Oct 2011", or the plan's own words when there is no date ("Ongoing"). */
  dueLabel: string;
  status: StatusLabel;
  rag: Rag;
  /** "overdue by 12 days", "blocked: waiting for the PCT", … */
  statusText: string;
  /** The latest progress note, "text (by, day)", or ''. */
  note: string;
  /** Days past the due date of an action not done; null when not late. */
  daysLate: number | null;
  /** "Mon 2 Jun 2025, Sam Patel": when the last answer came and from whom. */
  lastAnswer: string | null;
  /** Overdue rows shown to a commissioner: "seen Tue 1 Dec 2026 09:14", "not opened", … */
  seen?: string;
}

/** One plan's picture, narrowed by the filter: figures of the actions it keeps, and lists capped. */
export interface PlanView {
  id: string;
  partnership: string;
  period: PlanPeriod;
  /** Counts of the actions the filter keeps (the whole plan without a filter). */
  total: StatusCounts;
  rag: RagCounts;
  /** Per grid; only the grid chosen when the filter names one. */
  grids: GridFigures[];
  /** Whether a filter narrowed the figures, and how many actions the whole plan has. */
  narrowed: boolean;
  planTotal: number;
  /** Overdue actions that match, oldest due date first (at most `overdueShown`). */
  overdue: ActionRow[];
  overdueCount: number;
  /** Due dates of the actions that match, by month. */
  timeline: Timeline;
  /** Actions that match, in document order (at most `rows`). */
  actions: ActionRow[];
  matching: number;
}

/** Everything the dashboard shows, as of `today`. */
export interface DashboardView {
  today: IsoDate;
  plans: PlanView[];
}

/** What a view covers: the filter (none: everything) and how many rows to list per plan. */
export interface ViewOptions {
  filter?: DashboardFilter;
  /** Rows of actions per plan; Infinity for all of them (the CSV export). */
  rows?: number;
  overdueShown?: number;
  /** Whether the owners opened their reminders, for overdue actions (by seenKey): the chat's seenLabels. */
  seen?: (actions: SeenSubject[]) => Promise<ReadonlyMap<string, string>>;
}

/** The dashboard's row for one stored action. */
export function actionRow(stored: StoredAction, directory: Directory, today: IsoDate): ActionRow {
  const { action, progress, planId } = stored;
  const status = describeStatus(progress, today);
  const late = progress.status !== 'done' && status.daysLate !== null && status.daysLate > 0 ? status.daysLate : null;
  const answeredBy = progress.updatedBy ? directory.person(progress.updatedBy)?.name ?? progress.updatedBy : null;
  return {
    planId,
    actionId: action.id,
    ref: action.ref ?? typeableRef(stored),
    code: typeableRef(stored),
    grid: action.grid,
    gridTitle: directory.grid(planId, action.grid)?.title ?? '',
    text: action.text,
    owners: ownersIn(planId, action, directory).map(({ role, people }) => ({ role, people: people.map((p) => p.name) })),
    dueDate: progress.dueDate,
    dueLabel: progress.dueDate ? dueLabel(progress.dueDate) : action.byWhenRaw || 'no date',
    status: status.label,
    rag: ragOf(progress, today),
    statusText: status.text,
    note: noteLine(stored.progress.note),
    daysLate: late,
    lastAnswer: progress.updatedAt ? [dueLabel(londonDate(new Date(progress.updatedAt))), answeredBy].filter(Boolean).join(', ') : null,
  };
}

/**
 * One plan as the dashboard shows it. Figures come from the store's tally (an owner filter's counts from
 * its tally per owner) and the overdue list from the due index, so a first look at a 100,000-action plan
 * reads a page of rows, not the plan. Only a view of every row, or an owner filter on a plan stored
 * before tallies per owner were kept, reads the whole plan.
 */
async function planView(store: Store, plan: PlanSummary, today: IsoDate, directory: Directory, filter: DashboardFilter, rows: number, overdueShown: number, seenOf?: ViewOptions['seen']): Promise<PlanView> {
  const keep = keeps(filter, today);
  let whole = rows === Infinity;
  const wantsLate = !whole && (filter.status === undefined || filter.status === 'overdue');
  const owner = filter.owner === undefined ? null : roleKey(filter.owner);
  // The oldest overdue rows and their "seen" labels are read on their own chain, beside the tallies and the
  // page: they are the longest wait, and the tallies only say whether any are overdue.
  const lateRows = wantsLate
    ? overdueList(store, today, (m) => m.planId === plan.id && (filter.grid === undefined || m.grid === null || m.grid === filter.grid) && (owner === null || m.owners === null || m.owners.some((o) => roleKey(o) === owner)), overdueShown)
      .then((list) => overdueRows(list, directory, today, overdueShown, seenOf))
    : null;
  // Nothing waits on it if the figures come from the rows after all; a failure still surfaces below.
  lateRows?.catch(() => undefined);
  const tallies = Promise.all([storedTally(store, plan.id), owner === null || whole ? null : store.actions.tally(plan.id, owner)]);
  // A narrowed page waits for the tallies, which say how many match: then one read finds a page of them.
  const where = pageWhere(filter, today);
  const pageRead = whole ? null : !narrows(filter) ? store.actions.planPage(plan.id, rows, where)
    : tallies.then(([all, owned]) => store.actions.planPage(plan.id, rows, owner !== null && owned === null ? where : { ...where, matches: countOf(narrowTally(owned ?? all, filter, today)) }));
  pageRead?.catch(() => undefined);
  const [[tally, ownerTally], page] = await Promise.all([tallies, pageRead]);
  // A plan stored before tallies per owner were kept is counted from its rows.
  if (owner !== null && ownerTally === null) whole = true;
  let kept: StoredAction[];
  let matching: number;
  let timeline: Timeline;
  let overdue: ActionRow[];
  let overdueCount: number;
  // The figures count what the filter keeps: the same actions as the lists.
  let counted: TallyEntry[];
  if (whole || !page) {
    const all = (await store.actions.listPlanActions(plan.id)).filter(keep);
    const labelled = all.map((a) => ({ stored: a, dueDate: a.progress.dueDate, status: describeStatus(a.progress, today).label }));
    kept = all.slice(0, rows);
    matching = all.length;
    timeline = timelineOf(plan.period, labelled);
    const late = labelled.filter((a) => a.status === 'overdue').map((a) => a.stored);
    overdueCount = late.length;
    overdue = await overdueRows(loadedList(late), directory, today, overdueShown, seenOf);
    counted = tallyOf(all);
  } else {
    counted = narrowTally(ownerTally ?? tally, filter, today);
    kept = page.filter(keep);
    matching = countOf(counted);
    timeline = timelineOf(plan.period, counted.map((e) => ({ dueDate: e.dueDate, status: labelOf(e, today), count: e.count })));
    overdueCount = countOf(counted.filter((e) => labelOf(e, today) === 'overdue'));
    overdue = lateRows && overdueCount > 0 ? await lateRows : [];
  }
  const figures = figuresOf(plan, counted, today);
  return {
    id: plan.id, partnership: plan.partnership, period: plan.period, total: figures.total, rag: figures.rag, grids: gridsShown(figures.grids, filter),
    narrowed: narrows(filter), planTotal: countOf(tally),
    overdue, overdueCount, timeline, actions: kept.map((a) => actionRow(a, directory, today)), matching,
  };
}

const countOf = (entries: TallyEntry[]): number => entries.reduce((n, e) => n + e.count, 0);

/** Overdue actions as rows, oldest due date first (at most `shown`), each labelled "seen …" for a commissioner. */
async function overdueRows(list: LazyList, directory: Directory, today: IsoDate, shown: number, seenOf?: ViewOptions['seen']): Promise<ActionRow[]> {
  // The labels of the marks that know their owners are read while the actions are: both are a read per action.
  const early = list.peek(0, shown).flatMap((m) => (m.owners === null ? [] : [{ planId: m.planId, action: { id: m.actionId, owners: m.owners }, progress: { status: 'open' as const } }]));
  const [late, seenEarly] = await Promise.all([list.page(0, shown), seenOf && early.length > 0 ? seenOf(early) : null]);
  // The due index ties on a date in id order; people read refs, so the list is by date, then ref.
  const sorted = late.map((a) => actionRow(a, directory, today))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.ref.localeCompare(b.ref, 'en', { numeric: true }))
    .slice(0, shown);
  const listed = new Set(sorted.map((r) => r.actionId));
  const unlabelled = late.filter((a) => listed.has(a.action.id) && !seenEarly?.has(seenKey(a.planId, a.action.id)));
  const seenLate = seenOf && unlabelled.length > 0 ? await seenOf(unlabelled) : null;
  const labelOfRow = (r: ActionRow): string | undefined => seenEarly?.get(seenKey(r.planId, r.actionId)) ?? seenLate?.get(seenKey(r.planId, r.actionId));
  // Only a commissioner of the plan gets labels (seenLabels decides), so a row without one shows none.
  return sorted.map((r) => { const label = labelOfRow(r); return label ? { ...r, seen: label } : r; });
}

/** The dashboard of the plans `include` keeps (all by default), narrowed by `options.filter`. */
export async function dashboardView(store: Store, today: IsoDate, include: (plan: PlanSummary) => boolean = () => true, known?: Directory, options: ViewOptions = {}): Promise<DashboardView> {
  const filter = options.filter ?? {};
  const directory = known ?? await loadDirectory(store);
  const plans = (await store.plans.listPlans()).filter((p) => include(p) && (filter.plan === undefined || p.id === filter.plan));
  return { today, plans: await Promise.all(plans.map((p) => planView(store, p, today, directory, filter, options.rows ?? Infinity, options.overdueShown ?? Infinity, options.seen))) };
}
