// Lists of what is due, counted from the due index's marks and read from storage a page at a time:
// "what's overdue?" over 100,000 stored actions reads the twenty it shows, not the 300 it counts.
import { addDays } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { DueMark, Store, StoredAction } from '../domain/ports.ts';
import { mapLimit } from '../mapLimit.ts';

/** What a list narrows by: null grid or owners mean "not known here" and pass until the action is read. */
export type Keep = (item: { planId: string; grid: number | null; owners: string[] | null }) => boolean;

/** A list whose entries are read only when a page of them is shown. */
export interface LazyList {
  /** Entries so far; it shrinks when a page finds an entry stale (answered since it was indexed). */
  total(): number;
  /** The actions from `offset`, at most `count`, each read and re-checked. */
  page(offset: number, count: number): Promise<StoredAction[]>;
  /** The same entries as far as known without reading them (a mark may not know its owners): for reads that can start before `page`'s. */
  peek(offset: number, count: number): Peeked[];
}

/** An entry of a list before it is read. */
export interface Peeked { planId: string; actionId: string; owners: string[] | null }

/** A list of actions already read. */
export function loadedList(actions: StoredAction[]): LazyList {
  return { total: () => actions.length, page: async (offset, count) => actions.slice(offset, offset + count), peek: (offset, count) => actions.slice(offset, offset + count).map(peeked) };
}

const isMark = (entry: StoredAction | DueMark): entry is DueMark => !('action' in entry);
const peeked = (entry: StoredAction | DueMark): Peeked => (isMark(entry) ? { planId: entry.planId, actionId: entry.actionId, owners: entry.owners } : { planId: entry.planId, actionId: entry.action.id, owners: entry.action.owners });

/** The action still waits, still on the mark's date, and passes the filter now that it is read. */
function stillFits(mark: DueMark, action: StoredAction | null, keep: Keep): action is StoredAction {
  if (!action) return false;
  const { status, dueDate } = action.progress;
  return (status === 'open' || status === 'delayed') && dueDate === mark.dueDate
    && keep({ planId: action.planId, grid: action.action.grid, owners: action.action.owners });
}

/** A list of due marks (already narrowed by `keep`), read a page at a time. */
function markList(store: Store, marks: DueMark[], keep: Keep): LazyList {
  const entries: (StoredAction | DueMark)[] = [...marks];
  return {
    total: () => entries.length,
    peek: (offset, count) => entries.slice(offset, offset + count).map(peeked),
    async page(offset, count) {
      for (;;) {
        const window = entries.slice(offset, offset + count);
        const unread = window.filter(isMark);
        if (unread.length === 0) return window as StoredAction[];
        const read = await mapLimit(unread, 16, (mark) => store.actions.get(mark.planId, mark.actionId));
        const fresh = new Map(unread.map((mark, i) => [mark, read[i] ?? null]));
        for (let i = offset; i < Math.min(entries.length, offset + count);) {
          const entry = entries[i] as StoredAction | DueMark;
          if (!isMark(entry) || !fresh.has(entry)) { i++; continue; }
          const action = fresh.get(entry) ?? null;
          if (stillFits(entry, action, keep)) { entries[i] = action; i++; } else entries.splice(i, 1);
        }
      }
    },
  };
}

// Same day and plan: in the plan's own order (1.2 before 1.10 before 1.18), as people number them.
const byDue = (a: DueMark, b: DueMark): number => a.dueDate.localeCompare(b.dueDate) || a.planId.localeCompare(b.planId) || a.actionId.localeCompare(b.actionId, 'en', { numeric: true });

/** Open or delayed actions due before today that `keep` passes, oldest first; with `first`, perhaps only the `first` oldest (and some more). */
export async function overdueList(store: Store, today: IsoDate, keep: Keep, first?: number): Promise<LazyList> {
  const marks = await store.actions.dueMarks(addDays(today, -1), first === undefined ? undefined : { count: first, keep });
  return markList(store, marks.filter((m) => m.dueDate < today && keep(m)).sort(byDue), keep);
}

/** Open or delayed actions due from `from` to `to` inclusive that `keep` passes, soonest first. */
export async function dueList(store: Store, from: IsoDate, to: IsoDate, keep: Keep): Promise<LazyList> {
  const marks = await store.actions.dueMarks(to);
  return markList(store, marks.filter((m) => m.dueDate >= from && keep(m)).sort(byDue), keep);
}
