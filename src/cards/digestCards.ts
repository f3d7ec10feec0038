// A stored digest drawn as a card: its lines by section, most urgent first, as many as fit under the
// message size limit on one page, the rest behind "Show the other N" (paged within the card).
import { bySection, SECTION_TITLES, type DigestSection } from '../domain/digestItems.ts';
import { isEscalationLine, type DigestLine, type DigestRecord } from '../domain/digestPorts.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { DigestCardLine, DigestCardSection, DigestPaging, EscalationCardLine } from './digestModels.ts';
import { countLabel, dueDistance, dueLabel } from './format.ts';
import { renderCard } from './render.ts';

/** Teams refuses messages of about 28 KB; the card stays under 24 KB so the activity is under 25 KB. */
export const CARD_BYTES = 24_000;

const COLORS: Record<DigestSection, DigestCardSection<unknown>['color']> = {
  blocked: 'Attention', overdue: 'Attention', 'due-today': 'Warning', 'due-this-week': 'Accent', recurring: 'Default', 'coming-up': 'Default',
};

/** Escalations by kind (newly blocked, nobody can be reached, late), then the newest risk first. */
const ESCALATION_RANK = ['Newly blocked', 'Nobody can be reached', 'Reassigned', 'Late'];

/**
 * The line's place in the record: the escalations first (what needs the commissioner), newest risk first
 * (the one that fell due most recently), then the person's own lines in urgency order.
 */
function ordered(record: DigestRecord, today: IsoDate): { line: DigestLine; n: number }[] {
  const subjects = record.lines.map((line, n) => ({ line, n, planId: line.planId, actionId: line.actionId, dueDate: line.dueDate, recurring: line.section === 'recurring', status: line.section === 'blocked' ? 'blocked' as const : 'open' as const }));
  const own = bySection(subjects.filter((s) => !isEscalationLine(s.line)), today).flatMap((g) => g.items);
  const escalations = subjects.filter((s) => isEscalationLine(s.line)).sort((a, b) =>
    ESCALATION_RANK.indexOf(escalationTitle(a.line)) - ESCALATION_RANK.indexOf(escalationTitle(b.line))
    || (b.dueDate ?? '').localeCompare(a.dueDate ?? '')
    || a.line.ref.localeCompare(b.line.ref, 'en', { numeric: true }));
  return [...escalations, ...own];
}

/** The colour of an answered line follows what it became: done green, delayed amber, blocked red. */
export function outcomeColor(outcome: string): 'Good' | 'Warning' | 'Attention' | 'Default' {
  if (/^(Done|Closed|This occurrence closed)/.test(outcome)) return 'Good';
  if (/^Blocked/.test(outcome)) return 'Attention';
  if (/^Delay/.test(outcome)) return 'Warning';
  return 'Default';
}

function dueText(line: DigestLine, today: IsoDate): string {
  if (line.section === 'blocked') return line.dueDate ? `blocked · due ${dueLabel(line.dueDate)}` : 'blocked';
  return line.dueDate ? `${dueLabel(line.dueDate)} · ${dueDistance(line.dueDate, today)}` : 'no date';
}

const titleOf = (line: DigestLine): string => (isEscalationLine(line) ? escalationTitle(line) : SECTION_TITLES[line.section]);

/** The shown lines under their section headings; a heading counts the section's unanswered lines on every page. */
function sections<L extends DigestCardLine>(shown: { line: DigestLine; n: number }[], record: DigestRecord, toLine: (line: DigestLine, n: number) => L): DigestCardSection<L>[] {
  const groups = new Map<string, DigestCardSection<L>>();
  for (const { line, n } of shown) {
    const title = titleOf(line);
    const group = groups.get(title) ?? { title, count: record.lines.filter((l) => titleOf(l) === title && !l.outcome).length, color: COLORS[line.section], lines: [] };
    group.lines.push(toLine(line, n));
    groups.set(title, group);
  }
  return [...groups.values()];
}

function escalationTitle(line: DigestLine): string {
  if (line.section === 'blocked') return 'Newly blocked';
  if (unreachableLine(line)) return 'Nobody can be reached';
  // A line sent as "nobody can be reached" and then reassigned (src/app/escalationWhy.ts).
  return line.why?.includes(' · now held by ') ? 'Reassigned' : 'Late';
}

/** An escalation whose owner roles nobody the bot can reach holds: Chase would reach nobody. */
const unreachableLine = (line: DigestLine): boolean => line.why?.startsWith('nobody') ?? false;

function baseLine(record: DigestRecord, today: IsoDate, line: DigestLine, n: number): DigestCardLine {
  return { n, digest: record.key, ref: line.ref, text: line.text, partnership: line.partnership, dueLabel: dueText(line, today), outcome: line.outcome ?? '', outcomeColor: outcomeColor(line.outcome ?? ''), note: line.note ?? '' };
}

/** "39 actions: 18 overdue, 3 due today · 2 answered": the sections count what is still open. */
function counts(lines: DigestLine[], today: IsoDate): string {
  const open = lines.filter((l) => !l.outcome).length;
  const bySec = bySection(lines.filter((l) => !l.outcome).map((l) => ({ ...l, status: l.section === 'blocked' ? 'blocked' as const : 'open' as const, recurring: l.section === 'recurring' })), today);
  const parts = bySec.map((g) => `${g.items.length} ${SECTION_TITLES[g.section].toLowerCase()}`);
  const answered = lines.length - open;
  return `${countLabel(lines.length, 'action')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${answered > 0 ? ` · ${answered} answered` : ''}`;
}

type Card = { body: unknown[]; actions?: unknown[] };

/** The person's own lines on this page (with Done / Delayed / Blocked / Snooze). */
function ownPart(record: DigestRecord, today: IsoDate, shown: { line: DigestLine; n: number }[], paging: DigestPaging): Card {
  const own = record.lines.filter((l) => !isEscalationLine(l));
  return renderCard('ownerDigest', {
    ...paging,
    title: `Your actions for ${dueLabel(record.day)}`,
    countLabel: counts(own, today),
    sections: sections(shown, record, (line, n) => baseLine(record, today, line, n)),
    hint: `Answer each one here, or type it: "done ${own[0]?.ref ?? 'BED-14'}". Type "my settings" to change how often this comes.`,
  }) as Card;
}

/** "Also yours today: 39 actions: 20 overdue, 3 due today (below these)." (empty when she has none). */
function ownSummary(record: DigestRecord, today: IsoDate, ownOnThisPage: boolean): string {
  const own = record.lines.filter((l) => !isEscalationLine(l));
  if (own.length === 0) return '';
  return `Also yours today: ${counts(own, today)} (${ownOnThisPage ? 'below these' : 'after the escalations, on the next pages'}).`;
}

/** The escalations on this page (with Chase / Reassign / Accept the delay / Close), the notes and, on the first page, a count of her own lines. */
function escalationPart(record: DigestRecord, today: IsoDate, shown: { line: DigestLine; n: number }[], paging: DigestPaging, own: string): Card {
  const escalations = record.lines.filter(isEscalationLine);
  const open = escalations.filter((l) => !l.outcome).length;
  const answered = escalations.length - open;
  return renderCard('escalationDigest', {
    ...paging,
    title: 'Needs your attention',
    countLabel: escalations.length === 0
      ? `No escalations for ${dueLabel(record.day)}`
      : `${countLabel(open, 'escalation')} for ${dueLabel(record.day)}, newest risk first${answered > 0 ? ` · ${answered} answered` : ''}`,
    own,
    sections: sections(shown, record, (line, n): EscalationCardLine => ({ ...baseLine(record, today, line, n), why: line.why ?? '', seen: line.unheld ?? line.seen ?? '', chase: !unreachableLine(line) && line.unheld === undefined })),
    notes: paging.page === 0 ? record.notes : [],
  }) as Card;
}

function render(record: DigestRecord, today: IsoDate, shown: { line: DigestLine; n: number }[], page: number, more: number): object {
  const paging = { digest: record.key, page, nextPage: page + 1, more };
  const own = shown.filter((l) => !isEscalationLine(l.line));
  const escalations = shown.filter((l) => isEscalationLine(l.line));
  if (record.kind === 'owner' || (!record.lines.some(isEscalationLine) && record.notes.length === 0)) return ownPart(record, today, own, paging);
  // A commissioner's one message leads with what needs her: the escalations (and, on the first page, a
  // line counting her own actions), then her own actions.
  const parts: Card[] = [];
  if (escalations.length > 0 || page === 0) parts.push(escalationPart(record, today, escalations, paging, page === 0 ? ownSummary(record, today, own.length > 0) : ''));
  if (own.length > 0) parts.push(ownPart(record, today, own, paging));
  const [first, ...rest] = parts as [Card, ...Card[]];
  return { ...first, body: [...first.body, ...rest.flatMap((p) => p.body)], actions: (rest.at(-1) ?? first).actions ?? [] };
}

const bytes = (card: object): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

function pageCard(record: DigestRecord, today: IsoDate, all: { line: DigestLine; n: number }[], size: number, page: number): object {
  const start = page * size;
  const shown = all.slice(start, start + size);
  return render(record, today, shown, page, Math.max(0, all.length - start - shown.length));
}

/**
 * The most lines per page such that every page fits under CARD_BYTES: shrunk from all of them, so a
 * small digest is one page and a huge one stays sendable, and pages never overlap or skip a line.
 */
function pageSize(record: DigestRecord, today: IsoDate, all: { line: DigestLine; n: number }[]): number {
  let size = Math.max(1, all.length);
  for (let page = 0; page * size < all.length;) {
    const used = bytes(pageCard(record, today, all, size, page));
    if (used <= CARD_BYTES || size === 1) { page += 1; continue; }
    size = Math.max(1, Math.min(size - 1, Math.floor((size * CARD_BYTES) / used)));
    page = 0;
  }
  return size;
}

/**
 * The card for one page of a digest: `page`, or the page holding line `line` (so an answered line stays
 * in view). A page past the end shows the last.
 */
export function digestCard(record: DigestRecord, today: IsoDate, at: { page?: number; line?: number } = {}): object {
  const all = ordered(record, today);
  const size = pageSize(record, today, all);
  const last = Math.max(0, Math.ceil(all.length / size) - 1);
  const index = at.line === undefined ? -1 : all.findIndex((l) => l.n === at.line);
  const page = index >= 0 ? Math.floor(index / size) : (at.page ?? 0);
  return pageCard(record, today, all, size, Math.min(Math.max(0, page), last));
}
