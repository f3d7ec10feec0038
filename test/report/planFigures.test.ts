// The one computation of the figures (the summary card, the dashboard, the CSV and the board report
// read it): status counts and RAG per grid, as of a day.
import { describe, expect, it } from 'vitest';
import { planFigures, ragOf } from '../../src/app/planFigures.ts';
import type { PlanSummary, StoredAction } from '../../src/domain/ports.ts';
import type { ActionProgress } from '../../src/domain/progress.ts';

const today = '2026-07-15';
const progress = (status: ActionProgress['status'], dueDate: string | null): ActionProgress => ({ status, occurrence: dueDate, dueDate, reason: status === 'blocked' ? 'waiting' : null, updatedAt: null, updatedBy: null });

function stored(grid: number, p: ActionProgress, n: number): StoredAction {
  return { planId: 'p', etag: '', progress: p, action: { id: `a${n}`, ref: `${grid}.${n}`, grid, objective: null, text: 't', byWhenRaw: '', ownersRaw: '', owners: [], due: { kind: 'none' } as never, source: { line: n } } };
}

describe('RAG', () => {
  it('red: overdue or blocked; amber: due within 14 days or delayed; green: done, on track or no deadline', () => {
    expect(ragOf(progress('open', '2026-07-14'), today)).toBe('red');
    expect(ragOf(progress('blocked', '2026-12-01'), today)).toBe('red');
    expect(ragOf(progress('open', '2026-07-29'), today)).toBe('amber');
    expect(ragOf(progress('open', '2026-07-30'), today)).toBe('green');
    expect(ragOf(progress('delayed', '2026-11-30'), today)).toBe('amber');
    expect(ragOf(progress('delayed', '2026-07-01'), today)).toBe('red');
    expect(ragOf(progress('done', '2026-01-01'), today)).toBe('green');
    expect(ragOf(progress('open', null), today)).toBe('green');
  });

  it('counts per grid and in total, with whole-number percentages', () => {
    const plan = { id: 'p', partnership: 'P', period: { start: '2026-04-01', end: '2027-03-31' }, grids: [{ number: 1, title: 'One' }, { number: 2, title: 'Two' }], roles: [], actions: 4, importedAt: '', code: 'P', tenantId: null, leadRole: null } satisfies PlanSummary;
    const figures = planFigures(plan, [
      stored(1, progress('open', '2026-07-01'), 1), stored(1, progress('delayed', '2026-09-30'), 2),
      stored(2, progress('done', '2026-06-30'), 3), stored(2, progress('open', null), 4),
    ], today);
    expect(figures.rag).toEqual({ red: 1, amber: 1, green: 2, total: 4, percent: { red: 25, amber: 25, green: 50 } });
    expect(figures.grids.map((g) => [g.number, g.rag.red, g.rag.amber, g.rag.green])).toEqual([[1, 1, 1, 0], [2, 0, 0, 2]]);
    expect(figures.total).toEqual({ done: 1, onTrack: 1, dueSoon: 0, overdue: 1, blocked: 0, noDate: 1, total: 4 });
  });
});
