// Small plans in the shape the importer produces, for the store contract.
import type { IsoDate, Plan, PlanAction } from '../../src/domain/plan.ts';
import type { ActionChange, ActionProgress, ActionStatus } from '../../src/domain/progress.ts';
import { initialProgress } from '../../src/domain/progressStart.ts';

/** An action due on one date (or with no date when `due` is null). */
export function action(id: string, ref: string | null, text: string, owners: string[], due: IsoDate | null, line = 1): PlanAction {
  return {
    id, ref, grid: 1, objective: 'Reduce drug related deaths', text,
    byWhenRaw: due ?? 'Ongoing', ownersRaw: owners.join(' & '), owners,
    due: due ? { kind: 'date', date: due } : { kind: 'ongoing' }, source: { line },
  };
}

/** A plan of the Isle of Wight DAT with these actions. */
export function plan(id: string, actions: PlanAction[]): Plan {
  return {
    id, partnership: 'Isle of Wight DAT', period: { start: '2008-04-01', end: '2009-03-31' },
    grids: [{ number: 1, title: 'Planning grid 1: Harm reduction' }], actions,
    roles: [...new Set(actions.flatMap((a) => a.owners))].map((name) => ({ name, actions: actions.filter((a) => a.owners.includes(name)).length })),
    warnings: [{ line: 3, message: 'Column "By when" unreadable on one row' }],
  };
}

/** What the importer would start an action at, as of `today`. */
export function startOf(today: IsoDate): (a: PlanAction) => ActionProgress {
  return (a) => initialProgress(a.due.kind === 'date' ? [a.due.date] : [], today);
}

/** An answer given in Teams. */
export function answer(from: ActionStatus, to: ActionStatus, at: string, summary: string, dueAfter: IsoDate | null = null): ActionChange {
  return { at, by: { id: 'aad-sam', name: 'Sam Smlo' }, via: 'button', from, to, occurrence: null, dueBefore: null, dueAfter, reason: null, summary };
}

/** Progress after an answer. */
export function progressOf(status: ActionStatus, dueDate: IsoDate | null, at: string, reason: string | null = null): ActionProgress {
  return { status, occurrence: dueDate, dueDate, reason, updatedAt: at, updatedBy: 'aad-sam' };
}

/** A unique suffix, so tests sharing one store never see each other's rows. */
export function unique(): string {
  return Math.random().toString(36).slice(2, 8);
}
