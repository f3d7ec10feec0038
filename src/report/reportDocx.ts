// The board report as a Word document (docx), editable before it goes to the board: real heading
// styles (Title, Heading 1, Heading 2, so the navigation pane and screen readers find them), real tables
// with a repeating header row, the progress chart as shaded table cells with its words beside it, a
// running header (partnership, quarter) and footer (as of, produced by, page n of N), in UK English.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, NoBreakHyphen, Packer, PageNumber, Paragraph, ShadingType, Table,
  TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { RAG_HEX, reportBlocks, runningText, type Block, type ChartBlock, type TableBlock } from './reportLayout.ts';
import type { BoardReport } from './reportData.ts';

/** A4 portrait text width in twentieths of a point (210 mm less 2 × 20 mm margins). */
const TEXT_WIDTH = 9638;
const MARGIN = 1134;
const FONT = 'Arial';
/** A generous width of one character of 9 pt Arial, in twips, and a cell's side margins. */
const CHAR = 112;
const CELL_SIDES = 200;

/** A cell's words; a hyphen in a `whole` cell does not break (a reference stays on one line). */
function runsOf(text: string, options: { bold?: boolean; white?: boolean; whole?: boolean }): TextRun[] {
  const style = { bold: options.bold, color: options.white ? 'FFFFFF' : undefined, size: 18 };
  if (!options.whole || !text.includes('-')) return [new TextRun({ text, ...style })];
  const parts = text.split('-');
  return [new TextRun({ ...style, children: parts.flatMap((p, i) => (i === 0 ? [p] : [new NoBreakHyphen(), p])) })];
}

const cell = (text: string, width: number, options: { bold?: boolean; fill?: string; white?: boolean; whole?: boolean } = {}): TableCell => new TableCell({
  width: { size: width, type: WidthType.DXA },
  shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
  margins: { top: 40, bottom: 40, left: 80, right: 80 },
  children: [new Paragraph({ children: runsOf(text, options) })],
});

/** Column widths: each at least its longest word (whole columns: their longest cell), the rest by weight. */
export function docxColumnWidths(block: TableBlock): number[] {
  const need = block.columns.map((c, i) => {
    const cells = [c.title, ...block.rows.map((r) => r[i] ?? '')];
    const longest = Math.max(...cells.map((t, k) => Math.max(0, ...(c.whole && k > 0 ? [t] : t.split(/\s+/)).map((w) => w.length))));
    return longest * CHAR + CELL_SIDES;
  });
  const sum = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c, i) => Math.max(need[i] ?? 0, (c.width / sum) * TEXT_WIDTH));
  const over = widths.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  if (over <= 0) return widths.map(Math.floor);
  const flexible = widths.map((w, i) => Math.max(0, w - (need[i] ?? 0)));
  const room = flexible.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => Math.floor(room > 0 ? w - (over * (flexible[i] ?? 0)) / room : w));
}

function table(block: TableBlock): Table {
  const widths = docxColumnWidths(block);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, { bold: true, fill: 'E7E7E7' })) });
  const rows = block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i] ?? 0, { whole: block.columns[i]?.whole })) }));
  return new Table({ layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}

const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

/** One row per grid: its label, then red, amber and green cells as wide as their share; then the chart in words. */
function chart(block: ChartBlock): (Table | Paragraph)[] {
  const labelWidth = Math.floor(TEXT_WIDTH * 0.32);
  const barWidth = TEXT_WIDTH - labelWidth;
  const bars = block.bars.map(({ label, rag }) => {
    const parts = (['red', 'amber', 'green'] as const).filter((c) => rag[c] > 0);
    const widths = parts.map((c) => Math.max(300, Math.floor((rag[c] / Math.max(1, rag.total)) * barWidth)));
    const cells = parts.map((c, i) => cell(String(rag[c]), widths[i] ?? 0, { fill: RAG_HEX[c], white: true, bold: true }));
    const all = [labelWidth, ...widths];
    return new Table({
      layout: TableLayoutType.FIXED, borders: noBorders, columnWidths: all, width: { size: all.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      rows: [new TableRow({ children: [cell(label, labelWidth), ...(cells.length ? cells : [cell('no actions', 1200)])] })],
    });
  });
  return [...bars.flatMap((t) => [t, new Paragraph({ spacing: { after: 40 }, children: [] })]), new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.alt, size: 16, italics: true })] })];
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text })] }),
        ...block.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 26 })], spacing: { after: 80 } })),
      ];
    case 'heading':
      return [new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 280, after: 120 }, children: [new TextRun({ text: block.text })] })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text: block.text })] })];
    case 'table':
      return [table(block)];
    case 'chart':
      return chart(block);
  }
}

/** The report as .docx bytes. */
export async function reportDocx(report: BoardReport): Promise<Buffer> {
  const running = runningText(report);
  const small = { size: 16, color: '555555' };
  const doc = new Document({
    title: running.title,
    creator: 'actionbot',
    description: `Quarterly progress report for ${report.partnership}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, language: { value: running.lang } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '1F6A5E' } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: '1F6A5E' } },
        title: { run: { font: FONT, size: 40, bold: true } },
      },
    },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
      headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: running.header, ...small })] })] }) },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({ children: [new TextRun({ text: running.footer, ...small })] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
          ],
        }),
      },
      children: reportBlocks(report).flatMap(blockToDocx),
    }],
  });
  return Packer.toBuffer(doc);
}
