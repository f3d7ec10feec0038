// The board report as PDF, drawn with pdfkit in this process: A4, the standard Helvetica fonts, tables
// that break across pages with their header repeated (never a header alone at the foot of a page), the
// RAG chart as vector bars, a running header and footer with "Page n of N". Tagged for screen readers:
// the document's language and title, headings, tables with header cells, the chart as a figure with
// alternative text, in reading order; header, footer and rules are artifacts.
import PDFDocument from 'pdfkit';
import { RAG_HEX, reportBlocks, runningText, type Block, type ChartBlock, type RunningText, type TableBlock } from './reportLayout.ts';
import type { BoardReport } from './reportData.ts';

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit writes a table header cell's scope (its typings lack the option). */
const COLUMN_HEADER = { scope: 'Column' } as unknown as { title?: string };

const MARGIN = 56;
const BODY = 10;
const SMALL = 8.5;
const PAD = 3;

/** The standard fonts speak Windows-1252: anything else would print as junk, so it becomes "?". */
function printable(text: string): string {
  return text.replace(/[\u2190-\u2192]/g, '->').replace(/[^\n\t\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/g, '?');
}

const width = (doc: Pdf): number => doc.page.width - 2 * MARGIN;
const bottom = (doc: Pdf): number => doc.page.height - MARGIN;

/** Drawing state: the document, its structure root and the page furniture. */
interface Paper {
  doc: Pdf;
  root: Struct;
  running: RunningText;
  /** Pages in the finished document (0 on the first pass, which counts them). */
  total: number;
  page: number;
}

/** Content that is not the report's words (rules, fills, header, footer): skipped by screen readers. */
function artifact(doc: Pdf, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** The running header and footer of the current page, as artifacts (drawn in the margins). */
function furniture(paper: Paper): void {
  const { doc, running } = paper;
  paper.page += 1;
  const { x, y } = doc;
  const margins = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  artifact(doc, () => {
    doc.font('Helvetica').fontSize(SMALL).fillColor('#555555');
    doc.text(printable(running.header), MARGIN, MARGIN / 2, { width: width(doc), lineBreak: false });
    const footY = doc.page.height - MARGIN / 2 - SMALL;
    doc.text(printable(running.footer), MARGIN, footY, { width: width(doc) * 0.78, lineBreak: false });
    const pageText = paper.total > 0 ? `Page ${paper.page} of ${paper.total}` : `Page ${paper.page}`;
    doc.text(pageText, MARGIN, footY, { width: width(doc), align: 'right', lineBreak: false });
    doc.fillColor('black');
  }, 'Pagination');
  doc.page.margins.bottom = margins;
  doc.x = x;
  doc.y = y;
}

function newPage(paper: Paper): void {
  paper.doc.addPage();
  paper.doc.x = MARGIN;
  paper.doc.y = MARGIN;
  furniture(paper);
}

function ensureRoom(paper: Paper, height: number): boolean {
  if (paper.doc.y + height <= bottom(paper.doc)) return false;
  newPage(paper);
  return true;
}

/** Column widths: each at least its longest word (whole columns: their longest cell), the rest shared by weight. */
function columnWidths(doc: Pdf, block: TableBlock): number[] {
  const need = block.columns.map((c, i) => {
    const cells = [c.title, ...block.rows.map((r) => r[i] ?? '')];
    const longest = (text: string, bold: boolean): number => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SMALL);
      const parts = c.whole && !bold ? [printable(text)] : printable(text).split(/\s+/);
      return Math.max(0, ...parts.map((p) => doc.widthOfString(p)));
    };
    return Math.max(...cells.map((t, k) => longest(t, k === 0))) + 2 * PAD + 1;
  });
  const total = width(doc);
  const sum = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c, i) => Math.max(need[i] ?? 0, (c.width / sum) * total));
  // Give back what the wide columns took from the others that can wrap, in proportion.
  const over = widths.reduce((a, b) => a + b, 0) - total;
  if (over > 0) {
    const flexible = widths.map((w, i) => Math.max(0, w - (need[i] ?? 0)));
    const room = flexible.reduce((a, b) => a + b, 0);
    return widths.map((w, i) => (room > 0 ? w - (over * (flexible[i] ?? 0)) / room : w));
  }
  return widths;
}

function rowHeight(doc: Pdf, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SMALL);
  return Math.max(...cells.map((text, i) => doc.heightOfString(printable(text), { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
}

function drawRow(paper: Paper, table: Struct, cells: string[], widths: number[], header: boolean): void {
  const { doc } = paper;
  const height = rowHeight(doc, cells, widths, header);
  const top = doc.y;
  if (header) artifact(doc, () => doc.rect(MARGIN, top, width(doc), height).fill('#E7E7E7').fillColor('black'));
  const row = doc.struct('TR');
  table.add(row);
  let x = MARGIN;
  cells.forEach((text, i) => {
    const at = x;
    row.add(doc.struct(header ? 'TH' : 'TD', header ? COLUMN_HEADER : {}, () => {
      doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(SMALL).fillColor('black').text(printable(text), at + PAD, top + PAD, { width: (widths[i] ?? 0) - 2 * PAD });
    }));
    x += widths[i] ?? 0;
  });
  row.end();
  artifact(doc, () => doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width(doc), top + height).lineWidth(0.5).strokeColor('#BBBBBB').stroke());
  doc.x = MARGIN;
  doc.y = top + height;
}

function table(paper: Paper, block: TableBlock): void {
  const { doc } = paper;
  const widths = columnWidths(doc, block);
  const titles = block.columns.map((c) => c.title);
  const head = rowHeight(doc, titles, widths, true);
  const node = doc.struct('Table', { title: block.caption });
  paper.root.add(node);
  // The header never ends a page alone: it moves on with the first row.
  ensureRoom(paper, head + rowHeight(doc, block.rows[0] ?? titles, widths, false));
  drawRow(paper, node, titles, widths, true);
  for (const row of block.rows) {
    if (ensureRoom(paper, rowHeight(doc, row, widths, false))) drawRow(paper, node, titles, widths, true);
    drawRow(paper, node, row, widths, false);
  }
  node.end();
  doc.moveDown(0.8);
}

function chart(paper: Paper, block: ChartBlock): void {
  const { doc } = paper;
  const labelWidth = width(doc) * 0.32;
  const barWidth = width(doc) - labelWidth;
  const barHeight = 14;
  ensureRoom(paper, Math.min(block.bars.length, 6) * (barHeight + 6));
  // One figure per page it covers, each with the whole chart's words.
  let figure = doc.struct('Figure', { alt: block.alt });
  paper.root.add(figure);
  for (const { label, rag } of block.bars) {
    if (ensureRoom(paper, barHeight + 6)) {
      figure.end();
      figure = doc.struct('Figure', { alt: block.alt });
      paper.root.add(figure);
    }
    const top = doc.y;
    figure.add(doc.struct('Span', {}, () => {
      doc.font('Helvetica').fontSize(SMALL).fillColor('black').text(printable(label), MARGIN, top + 3, { width: labelWidth - 6, height: barHeight, ellipsis: true });
      let x = MARGIN + labelWidth;
      for (const colour of ['red', 'amber', 'green'] as const) {
        if (rag[colour] === 0) continue;
        const w = (rag[colour] / Math.max(1, rag.total)) * barWidth;
        doc.rect(x, top, w, barHeight).fill(`#${RAG_HEX[colour]}`);
        if (w > 16) doc.font('Helvetica-Bold').fontSize(SMALL).fillColor('white').text(String(rag[colour]), x + 3, top + 3, { width: w - 6, lineBreak: false });
        x += w;
      }
    }));
    doc.x = MARGIN;
    doc.y = top + barHeight + 6;
  }
  figure.end();
  doc.fillColor('black').moveDown(0.8);
}

function text(paper: Paper, tag: string, words: string, font: string, size: number, color = 'black'): void {
  const { doc } = paper;
  doc.font(font).fontSize(size);
  ensureRoom(paper, doc.heightOfString(printable(words), { width: width(doc) }) + (tag.startsWith('H') ? 40 : 0));
  const y = doc.y;
  paper.root.add(doc.struct(tag, {}, () => {
    doc.font(font).fontSize(size).fillColor(color).text(printable(words), MARGIN, y, { width: width(doc) });
  }));
  doc.fillColor('black');
}

function draw(paper: Paper, block: Block): void {
  const { doc } = paper;
  switch (block.kind) {
    case 'title':
      text(paper, 'H1', block.text, 'Helvetica-Bold', 22);
      doc.moveDown(0.5);
      for (const line of block.lines) text(paper, 'P', line, 'Helvetica', 13);
      doc.moveDown(1);
      return;
    case 'heading':
      text(paper, block.level === 1 ? 'H2' : 'H3', block.text, 'Helvetica-Bold', block.level === 1 ? 15 : 12.5, '#1F6A5E');
      doc.moveDown(0.4);
      return;
    case 'paragraph':
      text(paper, 'P', block.text, 'Helvetica', BODY);
      doc.moveDown(0.6);
      return;
    case 'table':
      table(paper, block);
      return;
    case 'chart':
      chart(paper, block);
  }
}

/** Draws the whole report; `total` pages for the footer (0: not known yet). */
function render(report: BoardReport, total: number): { done: Promise<Buffer>; pages: () => number } {
  const running = runningText(report);
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, autoFirstPage: true, pdfVersion: '1.7', tagged: true, lang: running.lang, displayTitle: true,
    info: { Title: running.title, Author: 'actionbot', Subject: `Quarterly progress report for ${report.partnership}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const paper: Paper = { doc, root, running, total, page: 0 };
  furniture(paper);
  for (const block of reportBlocks(report)) draw(paper, block);
  root.end();
  doc.end();
  return { done, pages: () => paper.page };
}

/** The report as PDF bytes: drawn once to count the pages, then again with "Page n of N". */
export async function reportPdf(report: BoardReport): Promise<Buffer> {
  const first = render(report, 0);
  await first.done;
  return render(report, first.pages()).done;
}
