// The dashboard's filters narrow its figures as they narrow its lists: the tally entries kept are those
// of the grid and status chosen, and the RAG table keeps only the grid chosen. Pure: no store, no page.
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/app/planFigures.ts';
import { gridsShown, narrows, narrowTally } from '../../src/dashboard/filters.ts';
import type { PlanSummary, TallyEntry } from '../../src/domain/ports.ts';

const today = '2025-06-02';
// Grid 1: one due soon, one overdue; grid 2: one on track, two overdue, one done.
const tally: TallyEntry[] = [
  { grid: 1, status: 'open', dueDate: '2025-06-09', count: 1 },
  { grid: 1, status: 'open', dueDate: '2025-05-05', count: 1 },
  { grid: 2, status: 'open', dueDate: '2025-09-30', count: 1 },
  { grid: 2, status: 'delayed', dueDate: '2025-04-30', count: 2 },
  { grid: 2, status: 'done', dueDate: '2025-04-01', count: 1 },
];
const plan = { id: 'p', partnership: 'Testshire', grids: [{ number: 1, title: 'Treatment' }, { number: 2, title: 'Housing' }] } as unknown as PlanSummary;

describe('narrowing the figures by the filters', () => {
  it('without a filter counts the whole plan', () => {
    expect(narrows({})).toBe(false);
    expect(narrows({ plan: 'p' })).toBe(false);
    expect(figuresOf(plan, narrowTally(tally, {}, today), today).total.total).toBe(6);
  });

  it('by grid keeps that grid’s counts, and only its row', () => {
    const f = figuresOf(plan, narrowTally(tally, { grid: 2 }, today), today);
    expect(f.total).toMatchObject({ total: 4, overdue: 2, onTrack: 1, done: 1 });
    expect(f.rag).toMatchObject({ red: 2, amber: 0, green: 2 });
    expect(gridsShown(f.grids, { grid: 2 }).map((g) => g.number)).toEqual([2]);
    expect(gridsShown(f.grids, {}).map((g) => g.number)).toEqual([1, 2]);
  });

  it('by status keeps only actions of that status, in every grid', () => {
    const f = figuresOf(plan, narrowTally(tally, { status: 'overdue' }, today), today);
    expect(f.total).toMatchObject({ total: 3, overdue: 3, dueSoon: 0, done: 0 });
    expect(f.grids.map((g) => g.counts.total)).toEqual([1, 2]);
    expect(narrows({ status: 'overdue' })).toBe(true);
  });

  it('by grid and status together', () => {
    expect(figuresOf(plan, narrowTally(tally, { grid: 1, status: 'due soon' }, today), today).total).toMatchObject({ total: 1, dueSoon: 1 });
    expect(narrowTally(tally, { grid: 3 }, today)).toEqual([]);
  });
});
