// The board report as a list of blocks (headings, paragraphs, tables, the RAG chart), in order. The
// Word and PDF writers each draw these blocks, so both papers say the same thing in the same order.
import { dueLabel } from '../cards/format.ts';
import type { RagCounts } from '../app/planFigures.ts';
import type { BoardReport } from './reportData.ts';

/** One table: column headings, relative widths, rows of text. */
export interface TableBlock {
  kind: 'table';
  columns: { title: string; width: number }[];
  rows: string[][];
}

export type RagColour = 'red' | 'amber' | 'green';

/** A bar per grid, split into red, amber and green. */
export interface ChartBlock {
  kind: 'chart';
  bars: { label: string; rag: RagCounts }[];
}

export type Block =
  | { kind: 'title'; text: string; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | TableBlock
  | ChartBlock;

/** Print colours (RAG), readable on white and when photocopied in grey. */
export const RAG_HEX: Record<RagColour, string> = { red: 'C50F1F', amber: 'E8A317', green: '107C10' };

const day = (d: string | null): string => (d ? dueLabel(d) : 'no date');
const none = (what: string): Block => ({ kind: 'paragraph', text: `None ${what}.` });

function section(title: string, empty: string, table: TableBlock): Block[] {
  return [{ kind: 'heading', text: title }, table.rows.length ? table : none(empty)];
}

/** The report's blocks, cover first. */
export function reportBlocks(r: BoardReport): Block[] {
  const f = r.figures;
  const ragRow = (label: string, rag: RagCounts): string[] => [label, `${rag.red} (${rag.percent.red}%)`, `${rag.amber} (${rag.percent.amber}%)`, `${rag.green} (${rag.percent.green}%)`, String(rag.total)];
  return [
    { kind: 'title', text: `${r.partnership}: quarterly progress report`, lines: [`Plan ${r.period.start.slice(0, 4)}-${r.period.end.slice(0, 4)} (${r.planId})`, r.quarterLabel, `Produced ${day(r.producedOn)}`] },
    { kind: 'heading', text: 'Summary' },
    { kind: 'paragraph', text: r.summary },
    { kind: 'heading', text: 'RAG by grid' },
    { kind: 'paragraph', text: 'Red: overdue or blocked. Amber: due within 14 days, or delayed. Green: done, on track, or ongoing with no deadline.' },
    {
      kind: 'table',
      columns: [{ title: 'Grid', width: 4 }, { title: 'Red', width: 1.4 }, { title: 'Amber', width: 1.4 }, { title: 'Green', width: 1.4 }, { title: 'Total', width: 1 }],
      rows: [...f.grids.map((g) => ragRow(`${g.number}. ${g.title}`, g.rag)), ragRow('Whole plan', f.rag)],
    },
    { kind: 'heading', text: 'Progress by grid' },
    { kind: 'chart', bars: [...f.grids.map((g) => ({ label: `${g.number}. ${g.title}`, rag: g.rag })), { label: 'Whole plan', rag: f.rag }] },
    ...section(`Completed in ${r.quarterLabel}`, 'completed this quarter', {
      kind: 'table', columns: [{ title: 'Ref', width: 1 }, { title: 'Action', width: 6 }, { title: 'Done on', width: 2 }, { title: 'By', width: 2 }],
      rows: r.completed.map((c) => [c.ref, c.text, day(c.on), c.by]),
    }),
    ...section(`Slipped in ${r.quarterLabel}`, 'slipped this quarter', {
      kind: 'table', columns: [{ title: 'Ref', width: 1 }, { title: 'Action', width: 4.5 }, { title: 'Was due', width: 2 }, { title: 'Now due', width: 2 }, { title: 'Reason', width: 3 }, { title: 'Who', width: 1.6 }],
      rows: r.slipped.map((s) => [s.ref, s.text, day(s.from), day(s.to), s.reason, s.by]),
    }),
    ...section('Blocked', 'blocked', {
      kind: 'table', columns: [{ title: 'Ref', width: 1 }, { title: 'Action', width: 5 }, { title: 'Reason', width: 3.5 }, { title: 'Blocked for', width: 1.8 }, { title: 'Owners', width: 3 }],
      rows: r.blocked.map((b) => [b.ref, b.text, b.reason, b.days === null ? 'unknown' : `${b.days} days (since ${day(b.since)})`, b.owners]),
    }),
    // Shown only when an owner gave a note: a report of a plan without notes reads as before.
    ...(r.notes?.length ? section('Latest progress notes', 'noted', {
      kind: 'table', columns: [{ title: 'Ref', width: 1 }, { title: 'Action', width: 4.5 }, { title: 'Note', width: 4.5 }, { title: 'By', width: 1.6 }, { title: 'On', width: 2 }],
      rows: r.notes.map((n) => [n.ref, n.text, n.note, n.by, day(n.on)]),
    }) : []),
    ...section('Overdue, oldest first', 'overdue', {
      kind: 'table', columns: [{ title: 'Ref', width: 1 }, { title: 'Action', width: 5 }, { title: 'Was due', width: 2 }, { title: 'Days late', width: 1.2 }, { title: 'Owners', width: 3 }, { title: 'Reminders sent', width: 1.4 }],
      rows: r.overdue.map((o) => [o.ref, o.text, day(o.dueDate), String(o.daysLate), o.owners, String(o.reminders)]),
    }),
    ...section(`Due in ${r.nextQuarterLabel}`, 'due next quarter', {
      kind: 'table', columns: [{ title: 'Ref', width: 1 }, { title: 'Action', width: 6 }, { title: 'Due', width: 2 }, { title: 'Owners', width: 3 }],
      rows: r.dueNextQuarter.map((d) => [d.ref, d.text, day(d.dueDate), d.owners]),
    }),
    { kind: 'heading', text: 'Roles nobody holds' },
    r.unheldRoles.length ? { kind: 'paragraph', text: r.unheldRoles.join(', ') } : { kind: 'paragraph', text: 'Every role of the plan has someone assigned.' },
  ];
}
