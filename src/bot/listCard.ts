// A page of a list as a card. Pages are as long as fits: Teams refuses messages over about 28 KB, so a
// page is cut until its JSON is under MAX_REPLY_BYTES, and ends with "Show more" when more are left.
import { groupDigest, type Grouping } from '../app/actionCards.ts';
import type { Directory } from '../app/directory.ts';
import { countLabel } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import type { ListQuery } from '../domain/chatState.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { StoredAction } from '../domain/ports.ts';

/** The most any reply may weigh (JSON bytes of the card); Teams' own limit is about 28 KB. */
export const MAX_REPLY_BYTES = 24_000;
/** The longest page, however small the lines. */
export const PAGE_SIZE = 20;

/** Bytes of a card as sent. */
export function sizeOf(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** What the commissioner sees besides the lines: "seen"/"not opened" per action (by seenKey) and who is on leave. */
export interface ListNotes {
  seen: ReadonlyMap<string, string>;
  notice: string;
}

/** The page of `actions` from `offset`, as big as fits; `next` is where the following page starts. */
export function listPage(title: string, actions: StoredAction[], offset: number, query: ListQuery, directory: Directory, today: IsoDate, emptyText: string, notes: ListNotes = { seen: new Map(), notice: '' }): { card: object; next: number } {
  const grouping: Grouping = query.groupBy === 'owner' ? 'owner' : query.groupBy === 'plan' ? 'plan' : 'grid';
  let size = PAGE_SIZE;
  for (;;) {
    const page = actions.slice(offset, offset + size);
    const { groups } = groupDigest(page, directory, today, grouping, size, notes.seen);
    const next = offset + page.length;
    const left = actions.length - next;
    const range = actions.length > page.length ? ` (showing ${offset + 1}–${next})` : '';
    const card = renderCard('list', {
      title: `${title}: ${countLabel(actions.length, 'action')}`,
      countLabel: `${range.trim().replace(/^\(|\)$/g, '')}`,
      groups,
      more: left,
      moreLabel: `${left} more: press Show more, or type "more".`,
      emptyText,
      query: JSON.stringify(query),
      offset: next,
      notice: notes.notice,
    });
    if (sizeOf(card) <= MAX_REPLY_BYTES || size <= 1) return { card, next };
    size = Math.max(1, Math.floor(size * 0.7));
  }
}
