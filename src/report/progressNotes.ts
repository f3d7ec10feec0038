// A short narrative per grid for the board: the latest progress notes of its actions where there are any
// (a history entry that changes no status and whose summary starts "note:"), else the latest reasons
// people gave when answering (delayed, blocked). Reading a note is this one predicate, so when progress
// notes get their own kind in the history only `noteText` changes.
import { dueLabel } from '../cards/format.ts';
import { londonDate } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';

/** The words of a progress note, or null when the entry is not one. */
export function noteText(change: ActionChange): string | null {
  const match = /^note:\s*(.+)$/is.exec(change.summary);
  return match?.[1] ? match[1].trim() : null;
}

/** One sentence of a grid's narrative, with whose words and when. */
export interface NarrativeLine {
  ref: string;
  text: string;
  by: string;
  on: IsoDate;
  kind: 'note' | 'reason';
}

/** At most `max` lines per grid, newest first, up to and including `until`; notes before reasons. */
export function gridNarratives(actions: StoredAction[], histories: ActionChange[][], refOf: (a: StoredAction) => string, until: IsoDate, max = 3): Map<number, NarrativeLine[]> {
  const byGrid = new Map<number, NarrativeLine[]>();
  actions.forEach((stored, i) => {
    const entries = (histories[i] ?? []).filter((c) => londonDate(new Date(c.at)) <= until);
    const note = [...entries].reverse().find((c) => noteText(c) !== null);
    const reason = [...entries].reverse().find((c) => c.reason && (c.to === 'delayed' || c.to === 'blocked'));
    const picked = note ?? reason;
    if (!picked) return;
    const text = note ? (noteText(note) ?? '') : `${picked.to === 'blocked' ? 'blocked' : 'delayed'}: ${picked.reason ?? ''}`;
    const list = byGrid.get(stored.action.grid) ?? [];
    list.push({ ref: refOf(stored), text, by: picked.by.name, on: londonDate(new Date(picked.at)), kind: note ? 'note' : 'reason' });
    byGrid.set(stored.action.grid, list);
  });
  for (const [grid, list] of byGrid) {
    list.sort((a, b) => (a.kind === b.kind ? b.on.localeCompare(a.on) : a.kind === 'note' ? -1 : 1));
    byGrid.set(grid, list.slice(0, max));
  }
  return byGrid;
}

/** "1.2.3: referral pathway agreed with CAMHS (Sam Patel, Tue 3 Nov 2026)". */
export function narrativeSentence(line: NarrativeLine): string {
  return `${line.ref}: ${line.text} (${line.by}, ${dueLabel(line.on)})`;
}
