// What a quarterly board report says, as data: the plan's figures (the same computation as the
// dashboard and the summary card), and the quarter's story from each action's history. A quarter that
// has ended is reported as it stood at its end (from the history), with today's position apart. Each
// action is listed once. The DOCX and PDF writers only lay this out.
import { holdersIn, ownersIn } from '../app/access.ts';
import type { Directory } from '../app/directory.ts';
import { typeableRef } from '../app/actionCards.ts';
import { planFigures, type PlanFigures } from '../app/planFigures.ts';
import { describeStatus } from '../domain/answers.ts';
import { addDays, daysBetween, londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Store, StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';
import { mapLimit } from '../mapLimit.ts';
import { dueLabel } from '../cards/format.ts';
import { asAtDay } from './asAtDay.ts';
import { gridNarratives, narrativeSentence } from './progressNotes.ts';
import { nextQuarter, quarterLabel, type Quarter } from './quarter.ts';

/** One action as a line of the report. */
export interface ReportLine {
  /** The action's id: tells apart two actions a plan gave the same reference (never printed). */
  actionId: string;
  ref: string;
  grid: number;
  text: string;
  /** "SMLO (Sam Patel); SMO (nobody yet)" */
  owners: string;
  dueDate: IsoDate | null;
}

/** An action delayed in the quarter: from which date to which, why, by whom. */
export interface Slip extends ReportLine { from: IsoDate | null; to: IsoDate | null; reason: string; by: string; on: IsoDate }

/** Everything the board report shows. */
export interface BoardReport {
  planId: string;
  partnership: string;
  period: { start: IsoDate; end: IsoDate };
  quarter: Quarter;
  quarterLabel: string;
  nextQuarterLabel: string;
  /** The day it was produced; `figures` (today's position, as the dashboard shows it) are as of this day. */
  producedOn: IsoDate;
  figures: Omit<PlanFigures, 'actions' | 'plan'>;
  /** The quarter as it closed (from the history); null when the quarter has not ended (then `figures` is it). */
  atEnd: { day: IsoDate; figures: Omit<PlanFigures, 'actions' | 'plan'> } | null;
  /** Per grid: a few sentences from the latest progress notes (or answer reasons) up to the report's day. */
  narratives: { grid: number; title: string; lines: string[] }[];
  completed: (ReportLine & { on: IsoDate; by: string })[];
  slipped: Slip[];
  blocked: (ReportLine & { reason: string; since: IsoDate | null; days: number | null })[];
  /** Oldest due date first. `reminders`: reminder cards, digest lines and chases that reached its owners. */
  overdue: (ReportLine & { daysLate: number; reminders: number })[];
  dueNextQuarter: ReportLine[];
  unheldRoles: string[];
  /** Each action's latest progress note (no status change), newest first: the board's line of progress. */
  notes?: (ReportLine & { note: string; by: string; on: IsoDate })[];
  summary: string;
}

/** History reads in flight at once. */
const PARALLEL_READS = 16;

const inQuarter = (change: ActionChange, q: Quarter): boolean => {
  const day = londonDate(new Date(change.at));
  return day >= q.start && day <= q.end;
};

/** The plan's own reference, as the dashboard shows it; the typeable code when the plan has none. */
const refOf = (stored: StoredAction): string => stored.action.ref ?? typeableRef(stored);

function lineOf(stored: StoredAction, directory: Directory): ReportLine {
  const owners = ownersIn(stored.planId, stored.action, directory).map(({ role, people }) => `${role} (${people.length ? people.map((p) => p.name).join(', ') : 'nobody yet'})`).join('; ');
  return { actionId: stored.action.id, ref: refOf(stored), grid: stored.action.grid, text: stored.action.text, owners, dueDate: stored.progress.dueDate };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryOf(r: Omit<BoardReport, 'summary'>): string {
  const { rag } = r.figures;
  const oldest = r.overdue[0];
  const end = r.atEnd;
  return [
    ...(end ? [`At the end of the quarter (${dueLabel(end.day)}) ${end.figures.rag.green} of its ${plural(end.figures.rag.total, 'action')} (${end.figures.rag.percent.green}%) were green, ${end.figures.rag.amber} (${end.figures.rag.percent.amber}%) amber and ${end.figures.rag.red} (${end.figures.rag.percent.red}%) red.`] : []),
    `${end ? `Today (${dueLabel(r.producedOn)})` : `${r.partnership}'s plan has ${plural(rag.total, 'action')}: as of ${dueLabel(r.producedOn)}`}, ${rag.green} (${rag.percent.green}%) are green, ${rag.amber} (${rag.percent.amber}%) amber and ${rag.red} (${rag.percent.red}%) red.`,
    `In ${r.quarterLabel} ${plural(r.completed.length, 'action')} ${r.completed.length === 1 ? 'was' : 'were'} completed and ${r.slipped.length} slipped to a later date.`,
    `${plural(r.blocked.length, 'action')} ${r.blocked.length === 1 ? 'is' : 'are'} blocked and ${r.overdue.length} overdue${oldest ? `, the oldest by ${plural(oldest.daysLate, 'day')}` : ''}.`,
    `${plural(r.dueNextQuarter.length, 'action')} fall${r.dueNextQuarter.length === 1 ? 's' : ''} due in ${r.nextQuarterLabel}.`,
    r.unheldRoles.length ? `${plural(r.unheldRoles.length, 'role')} ${r.unheldRoles.length === 1 ? 'has' : 'have'} nobody assigned.` : 'Every role has someone assigned.',
  ].join(' ');
}

/** Overdue as of today: its history is read for the reminders that reached its owners (chases). */
const isLate = (a: StoredAction, today: IsoDate): boolean => a.progress.status !== 'done' && a.progress.dueDate !== null && a.progress.dueDate < today;

/**
 * Reminders that reached the action's owners: single reminder cards, lines of their digests (a one-line
 * digest went as a single card, counted once), and chases that reached someone.
 */
async function remindersSent(store: Store, stored: StoredAction, history: ActionChange[]): Promise<number> {
  const [cards, digests] = await Promise.all([store.reminders.sentFor(stored.planId, stored.action.id), store.digests.withAction(stored.planId, stored.action.id)]);
  const digestLines = digests.filter((d) => d.sentAt !== null && (d.kind === 'owner' ? d.lines.length > 1 : true))
    .filter((d) => d.lines.some((l) => l.planId === stored.planId && l.actionId === stored.action.id && l.why === undefined)).length;
  const chases = history.filter((c) => c.summary.startsWith('chased: ') && !c.summary.startsWith('chased: nobody')).length;
  return cards.length + digestLines + chases;
}

/** Builds the report for one plan and quarter, as of `today`. Null when the plan is not stored. */
export async function boardReport(store: Store, directory: Directory, planId: string, q: Quarter, today: IsoDate): Promise<BoardReport | null> {
  const plan = directory.plan(planId);
  if (!plan) return null;
  const actions = await store.actions.listPlanActions(planId);
  const figures = planFigures(plan, actions, today);
  const ended = q.end < today;
  // Only an action answered since the quarter began, or blocked (for since when), has history the
  // report reads: one query per such action, not per action of the plan.
  const needsHistory = (a: StoredAction): boolean => a.progress.status === 'blocked' || (a.progress.updatedAt !== null && londonDate(new Date(a.progress.updatedAt)) >= addDays(q.start, -92));
  const histories = await mapLimit(actions, PARALLEL_READS, async (a) => (needsHistory(a) || isLate(a, today) ? store.actions.history(planId, a.action.id) : []));
  const atEnd = ended ? planFigures(plan, actions.map((a, i) => asAtDay(a, histories[i] ?? [], q.end)), q.end) : null;
  const next = nextQuarter(q);
  const completed = new Map<string, BoardReport['completed'][number]>();
  const slipped = new Map<string, Slip>();
  const blocked: BoardReport['blocked'] = [];
  const dueNextQuarter: ReportLine[] = [];
  const overdueActions: { stored: StoredAction; daysLate: number; history: ActionChange[] }[] = [];
  actions.forEach((stored, i) => {
    const history = histories[i] ?? [];
    const line = lineOf(stored, directory);
    const key = stored.action.id;
    for (const change of history.filter((c) => inQuarter(c, q))) {
      const on = londonDate(new Date(change.at));
      if (change.summary.startsWith('done')) completed.set(key, { ...line, on, by: change.by.name });
      else if (change.to === 'delayed' && change.dueAfter !== change.dueBefore) {
        // One row per action: from the first date it had in the quarter to the last it was given.
        const first = slipped.get(key);
        slipped.set(key, { ...line, from: first?.from ?? change.dueBefore, to: change.dueAfter, reason: change.reason ?? '', by: change.by.name, on });
      }
    }
    const status = describeStatus(stored.progress, today);
    if (status.label === 'blocked') {
      const since = history.filter((c) => c.to === 'blocked').at(-1);
      const sinceDay = since ? londonDate(new Date(since.at)) : null;
      blocked.push({ ...line, reason: stored.progress.reason ?? '', since: sinceDay, days: sinceDay ? daysBetween(sinceDay, today) : null });
    } else if (status.label === 'overdue') overdueActions.push({ stored, daysLate: status.daysLate ?? 0, history });
    const due = stored.progress.dueDate;
    if (stored.progress.status !== 'done' && due && due >= next.start && due <= next.end && due >= today) dueNextQuarter.push(line);
  });
  // Oldest first, then by reference, as the dashboard lists them.
  overdueActions.sort((a, b) => (a.stored.progress.dueDate ?? '').localeCompare(b.stored.progress.dueDate ?? '')
    || refOf(a.stored).localeCompare(refOf(b.stored), 'en', { numeric: true }));
  const reminders = await mapLimit(overdueActions, PARALLEL_READS, ({ stored, history }) => remindersSent(store, stored, history));
  const overdue: BoardReport['overdue'] = overdueActions.map(({ stored, daysLate }, i) => ({ ...lineOf(stored, directory), daysLate, reminders: reminders[i] ?? 0 }));
  dueNextQuarter.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  // Each action once: what stands today (blocked, overdue) wins over the quarter's story, and a completion over a slip.
  const listed = new Set([...blocked, ...overdue].map((l) => l.actionId));
  const completedOnce = [...completed.values()].filter((c) => !listed.has(c.actionId));
  completedOnce.forEach((c) => listed.add(c.actionId));
  const slippedOnce = [...slipped.values()].filter((s) => !listed.has(s.actionId));
  slippedOnce.forEach((s) => listed.add(s.actionId));
  const unheldRoles = plan.roles.map((r) => r.name).filter((role) => holdersIn(plan.id, role, directory).length === 0);
  const notes = actions.filter((a) => a.progress.note).map((a) => ({ ...lineOf(a, directory), note: a.progress.note?.text ?? '', by: a.progress.note?.by ?? '', on: londonDate(new Date(a.progress.note?.at ?? 0)) }))
    .sort((a, b) => b.on.localeCompare(a.on));
  const counts = { total: figures.total, rag: figures.rag, grids: figures.grids };
  const stories = gridNarratives(actions, histories, refOf, ended ? q.end : today);
  const narratives = figures.grids.map((g) => ({ grid: g.number, title: g.title, lines: (stories.get(g.number) ?? []).map(narrativeSentence) }));
  const report: Omit<BoardReport, 'summary'> = {
    planId, partnership: plan.partnership, period: plan.period, quarter: q, quarterLabel: quarterLabel(q), nextQuarterLabel: quarterLabel(next),
    producedOn: today, figures: counts, atEnd: atEnd ? { day: q.end, figures: { total: atEnd.total, rag: atEnd.rag, grids: atEnd.grids } } : null, narratives,
    completed: completedOnce.sort((a, b) => a.on.localeCompare(b.on)), slipped: slippedOnce.sort((a, b) => a.on.localeCompare(b.on)), blocked, overdue,
    dueNextQuarter: dueNextQuarter.filter((d) => !listed.has(d.actionId)), unheldRoles, notes,
  };
  return { ...report, summary: summaryOf(report) };
}
