// The board report as a Word document (docx), editable before it goes to the board: real headings,
// real tables with a repeating header row, and the progress chart as shaded table cells.
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType,
  TableRow, TextRun, WidthType,
} from 'docx';
import { RAG_HEX, reportBlocks, type Block, type ChartBlock, type TableBlock } from './reportLayout.ts';
import type { BoardReport } from './reportData.ts';

/** A4 portrait text width in twentieths of a point (210 mm less 2 × 20 mm margins). */
const TEXT_WIDTH = 9638;
const MARGIN = 1134;
const FONT = 'Arial';

const cell = (text: string, width: number, options: { bold?: boolean; fill?: string; white?: boolean } = {}): TableCell => new TableCell({
  width: { size: width, type: WidthType.DXA },
  shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
  margins: { top: 40, bottom: 40, left: 80, right: 80 },
  children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold, color: options.white ? 'FFFFFF' : undefined, size: 18 })] })],
});

function table(block: TableBlock): Table {
  const sum = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / sum) * TEXT_WIDTH));
  const header = new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, { bold: true, fill: 'E7E7E7' })) });
  const rows = block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i] ?? 0)) }));
  return new Table({ layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}

const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

/** One row per grid: its label, then red, amber and green cells as wide as their share. */
function chart(block: ChartBlock): Table[] {
  const labelWidth = Math.floor(TEXT_WIDTH * 0.32);
  const barWidth = TEXT_WIDTH - labelWidth;
  return block.bars.map(({ label, rag }) => {
    const parts = (['red', 'amber', 'green'] as const).filter((c) => rag[c] > 0);
    const widths = parts.map((c) => Math.max(300, Math.floor((rag[c] / Math.max(1, rag.total)) * barWidth)));
    const cells = parts.map((c, i) => cell(String(rag[c]), widths[i] ?? 0, { fill: RAG_HEX[c], white: true, bold: true }));
    const all = [labelWidth, ...widths];
    return new Table({
      layout: TableLayoutType.FIXED, borders: noBorders, columnWidths: all, width: { size: all.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      rows: [new TableRow({ children: [cell(label, labelWidth), ...(cells.length ? cells : [cell('no actions', 1200)])] })],
    });
  });
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text })] }),
        ...block.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 26 })], spacing: { after: 80 } })),
      ];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 280, after: 120 }, children: [new TextRun({ text: block.text })] })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text: block.text })] })];
    case 'table':
      return [table(block)];
    case 'chart':
      return chart(block).flatMap((t) => [t, new Paragraph({ spacing: { after: 40 }, children: [] })]);
  }
}

/** The report as .docx bytes. */
export async function reportDocx(report: BoardReport): Promise<Buffer> {
  const doc = new Document({
    title: `${report.partnership}: ${report.quarterLabel}`,
    creator: 'actionbot',
    styles: { default: { document: { run: { font: FONT, size: 20 } }, heading1: { run: { font: FONT, size: 28, bold: true, color: '1F7A6D' } }, title: { run: { font: FONT, size: 40, bold: true } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
      children: reportBlocks(report).flatMap(blockToDocx),
    }],
  });
  return Packer.toBuffer(doc);
}
