// The board report as a list of blocks (headings, paragraphs, tables, the RAG chart), in order. The
// Word and PDF writers each draw these blocks, so both papers say the same thing in the same order, with
// the same running header and footer. No ISO date and no internal id reaches the page.
import { countLabel, dueLabel } from '../cards/format.ts';
import type { RagCounts } from '../app/planFigures.ts';
import type { BoardReport } from './reportData.ts';

/**
 * One table: column headings, relative widths, rows of text. A `whole` column is never wrapped (a
 * reference, a date, a number): the writers make it as wide as its longest cell.
 */
export interface TableBlock {
  kind: 'table';
  /** What the table lists, for screen readers (the PDF's table title, the Word table's description). */
  caption: string;
  columns: { title: string; width: number; whole?: boolean }[];
  rows: string[][];
}

export type RagColour = 'red' | 'amber' | 'green';

/** A bar per grid, split into red, amber and green; `alt` says the same in words. */
export interface ChartBlock {
  kind: 'chart';
  alt: string;
  bars: { label: string; rag: RagCounts }[];
}

export type Block =
  | { kind: 'title'; text: string; lines: string[] }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | TableBlock
  | ChartBlock;

/** What every page carries: the header (partnership, quarter) and footer (as of, produced by). */
export interface RunningText {
  header: string;
  footer: string;
  /** The document's title (its metadata) and language. */
  title: string;
  lang: string;
}

/** Print colours (RAG), readable on white and when photocopied in grey. */
export const RAG_HEX: Record<RagColour, string> = { red: 'C50F1F', amber: 'E8A317', green: '107C10' };

const day = (d: string | null): string => (d ? dueLabel(d) : 'no date');
const none = (what: string): Block => ({ kind: 'paragraph', text: `None ${what}.` });

function section(title: string, empty: string, table: TableBlock): Block[] {
  return [{ kind: 'heading', level: 2, text: title }, table.rows.length ? table : none(empty)];
}

const ragRow = (label: string, rag: RagCounts): string[] => [label, `${rag.red} (${rag.percent.red}%)`, `${rag.amber} (${rag.percent.amber}%)`, `${rag.green} (${rag.percent.green}%)`, String(rag.total)];

function ragTable(caption: string, f: BoardReport['figures']): TableBlock {
  return {
    kind: 'table', caption,
    columns: [{ title: 'Grid', width: 4 }, { title: 'Red', width: 1.4, whole: true }, { title: 'Amber', width: 1.4, whole: true }, { title: 'Green', width: 1.4, whole: true }, { title: 'Total', width: 1, whole: true }],
    rows: [...f.grids.map((g) => ragRow(`${g.number}. ${g.title}`, g.rag)), ragRow('Whole plan', f.rag)],
  };
}

function chartOf(f: BoardReport['figures'], when: string): ChartBlock {
  const bars = [...f.grids.map((g) => ({ label: `${g.number}. ${g.title}`, rag: g.rag })), { label: 'Whole plan', rag: f.rag }];
  const words = bars.map((b) => `${b.label}: ${b.rag.red} red, ${b.rag.amber} amber, ${b.rag.green} green`).join('; ');
  return { kind: 'chart', alt: `Bar chart of the actions of each grid by red, amber and green, ${when}. ${words}.`, bars };
}

/** "2026/27" (or "2026 to 2029") from the plan's period. */
function planYears(r: BoardReport): string {
  const from = Number(r.period.start.slice(0, 4));
  const to = Number(r.period.end.slice(0, 4));
  if (to <= from) return String(from);
  return to === from + 1 ? `${from}/${String(to % 100).padStart(2, '0')}` : `${from} to ${to}`;
}

/** The header, footer, title and language of every page. */
export function runningText(r: BoardReport): RunningText {
  return {
    header: `${r.partnership} · ${r.quarterLabel}`,
    footer: `As of ${dueLabel(r.producedOn)} · Produced by actionbot from the partnership's action plan`,
    title: `${r.partnership}: quarterly progress report, ${r.quarterLabel}`,
    lang: 'en-GB',
  };
}

const RAG_KEY = 'Red: overdue or blocked. Amber: due within 14 days, or delayed. Green: done, on track, or ongoing with no deadline.';

/** The report's blocks, cover first. */
export function reportBlocks(r: BoardReport): Block[] {
  const end = r.atEnd;
  const quarterFigures = end ? end.figures : r.figures;
  const when = end ? `at the end of the quarter (${dueLabel(end.day)})` : `as of ${dueLabel(r.producedOn)}`;
  const narrative: Block[] = r.narratives.filter((n) => n.lines.length > 0).flatMap((n): Block[] => [{ kind: 'paragraph', text: `${n.grid}. ${n.title}: ${n.lines.join('; ')}.` }]);
  const today: Block[] = [
    ...section('Blocked', 'blocked', {
      kind: 'table', caption: 'Actions blocked today', columns: [{ title: 'Ref', width: 1, whole: true }, { title: 'Action', width: 5 }, { title: 'Reason', width: 3.5 }, { title: 'Blocked for', width: 1.8 }, { title: 'Owners', width: 3 }],
      rows: r.blocked.map((b) => [b.ref, b.text, b.reason, b.days === null ? 'unknown' : `${countLabel(b.days, 'day')} (since ${day(b.since)})`, b.owners]),
    }),
    // Shown only when an owner gave a note: a report of a plan without notes reads as before.
    ...(r.notes?.length ? section('Latest progress notes', 'noted', {
      kind: 'table', caption: 'The latest progress note of each action', columns: [{ title: 'Ref', width: 1, whole: true }, { title: 'Action', width: 4.5 }, { title: 'Note', width: 4.5 }, { title: 'By', width: 1.6 }, { title: 'On', width: 2, whole: true }],
      rows: r.notes.map((n) => [n.ref, n.text, n.note, n.by, day(n.on)]),
    }) : []),
    ...section('Overdue, oldest first', 'overdue', {
      kind: 'table', caption: 'Actions overdue today, oldest first', columns: [{ title: 'Ref', width: 1, whole: true }, { title: 'Action', width: 5 }, { title: 'Was due', width: 2, whole: true }, { title: 'Days late', width: 1.2, whole: true }, { title: 'Owners', width: 3 }, { title: 'Reminders sent', width: 1.6 }],
      rows: r.overdue.map((o) => [o.ref, o.text, day(o.dueDate), String(o.daysLate), o.owners, String(o.reminders)]),
    }),
    ...section(`Due in ${r.nextQuarterLabel}`, `due in ${r.nextQuarterLabel} that is not listed above`, {
      kind: 'table', caption: `Actions due in ${r.nextQuarterLabel}`, columns: [{ title: 'Ref', width: 1, whole: true }, { title: 'Action', width: 6 }, { title: 'Due', width: 2, whole: true }, { title: 'Owners', width: 3 }],
      rows: r.dueNextQuarter.map((d) => [d.ref, d.text, day(d.dueDate), d.owners]),
    }),
    { kind: 'heading', level: 2, text: 'Roles nobody holds' },
    r.unheldRoles.length ? { kind: 'paragraph', text: r.unheldRoles.join(', ') } : { kind: 'paragraph', text: 'Every role of the plan has someone assigned.' },
  ];
  return [
    { kind: 'title', text: `${r.partnership}: quarterly progress report`, lines: [`Plan year ${planYears(r)}`, r.quarterLabel, `Produced ${day(r.producedOn)}`] },
    { kind: 'heading', level: 1, text: 'Summary' },
    { kind: 'paragraph', text: r.summary },
    { kind: 'heading', level: 1, text: end ? `${r.quarterLabel}: the quarter as it closed on ${dueLabel(end.day)}` : `${r.quarterLabel}, as of ${dueLabel(r.producedOn)}` },
    { kind: 'heading', level: 2, text: 'RAG by grid' },
    { kind: 'paragraph', text: RAG_KEY },
    ragTable(`Red, amber and green actions per grid ${when}`, quarterFigures),
    { kind: 'heading', level: 2, text: 'Progress by grid' },
    chartOf(quarterFigures, when),
    { kind: 'heading', level: 2, text: 'What the grids report' },
    ...(narrative.length ? narrative : [none('reported: no progress notes or reasons were given this quarter')]),
    ...section(`Completed in ${r.quarterLabel}`, 'completed this quarter', {
      kind: 'table', caption: `Actions completed in ${r.quarterLabel}`, columns: [{ title: 'Ref', width: 1, whole: true }, { title: 'Action', width: 6 }, { title: 'Done on', width: 2, whole: true }, { title: 'By', width: 2 }],
      rows: r.completed.map((c) => [c.ref, c.text, day(c.on), c.by]),
    }),
    ...section(`Slipped in ${r.quarterLabel}`, 'slipped this quarter (other than those overdue or blocked today)', {
      kind: 'table', caption: `Actions whose date moved in ${r.quarterLabel}`, columns: [{ title: 'Ref', width: 1, whole: true }, { title: 'Action', width: 4.5 }, { title: 'Was due', width: 2, whole: true }, { title: 'Now due', width: 2, whole: true }, { title: 'Reason', width: 3 }, { title: 'Who', width: 1.6 }],
      rows: r.slipped.map((s) => [s.ref, s.text, day(s.from), day(s.to), s.reason, s.by]),
    }),
    ...(end
      ? [
        { kind: 'heading', level: 1, text: `Today's position, as of ${dueLabel(r.producedOn)}` } as Block,
        { kind: 'paragraph', text: 'Where the plan stands on the day this report was produced (as the dashboard shows it), after the quarter above.' } as Block,
        ragTable(`Red, amber and green actions per grid as of ${dueLabel(r.producedOn)}`, r.figures),
      ]
      : []),
    ...today,
  ];
}
