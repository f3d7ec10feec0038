// The board report as PDF, drawn with pdfkit in this process: A4, the standard Helvetica fonts, tables
// that break across pages with their header repeated, and the RAG chart as vector bars.
import PDFDocument from 'pdfkit';
import { RAG_HEX, reportBlocks, type Block, type ChartBlock, type TableBlock } from './reportLayout.ts';
import type { BoardReport } from './reportData.ts';

type Pdf = PDFKit.PDFDocument;

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

function ensureRoom(doc: Pdf, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

function drawRow(doc: Pdf, cells: string[], widths: number[], bold: boolean): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SMALL);
  const heights = cells.map((text, i) => doc.heightOfString(printable(text), { width: (widths[i] ?? 0) - 2 * PAD }));
  const height = Math.max(...heights) + 2 * PAD;
  const top = doc.y;
  let x = MARGIN;
  if (bold) doc.rect(MARGIN, top, width(doc), height).fill('#E7E7E7').fillColor('black');
  cells.forEach((text, i) => {
    doc.fillColor('black').text(printable(text), x + PAD, top + PAD, { width: (widths[i] ?? 0) - 2 * PAD });
    x += widths[i] ?? 0;
  });
  doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width(doc), top + height).lineWidth(0.5).strokeColor('#BBBBBB').stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}

function table(doc: Pdf, block: TableBlock): void {
  const sum = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / sum) * width(doc));
  const titles = block.columns.map((c) => c.title);
  ensureRoom(doc, 40);
  drawRow(doc, titles, widths, true);
  for (const row of block.rows) {
    doc.font('Helvetica').fontSize(SMALL);
    const height = Math.max(...row.map((t, i) => doc.heightOfString(printable(t), { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
    if (ensureRoom(doc, height)) drawRow(doc, titles, widths, true);
    drawRow(doc, row, widths, false);
  }
  doc.moveDown(0.8);
}

function chart(doc: Pdf, block: ChartBlock): void {
  const labelWidth = width(doc) * 0.32;
  const barWidth = width(doc) - labelWidth;
  const barHeight = 14;
  for (const { label, rag } of block.bars) {
    ensureRoom(doc, barHeight + 6);
    const top = doc.y;
    doc.font('Helvetica').fontSize(SMALL).fillColor('black').text(printable(label), MARGIN, top + 3, { width: labelWidth - 6, height: barHeight, ellipsis: true });
    let x = MARGIN + labelWidth;
    for (const colour of ['red', 'amber', 'green'] as const) {
      if (rag[colour] === 0) continue;
      const w = (rag[colour] / Math.max(1, rag.total)) * barWidth;
      doc.rect(x, top, w, barHeight).fill(`#${RAG_HEX[colour]}`);
      if (w > 16) doc.font('Helvetica-Bold').fontSize(SMALL).fillColor('white').text(String(rag[colour]), x + 3, top + 3, { width: w - 6, lineBreak: false });
      x += w;
    }
    doc.x = MARGIN;
    doc.y = top + barHeight + 6;
  }
  doc.fillColor('black').moveDown(0.8);
}

function draw(doc: Pdf, block: Block): void {
  switch (block.kind) {
    case 'title':
      doc.font('Helvetica-Bold').fontSize(22).text(printable(block.text), { width: width(doc) }).moveDown(0.5);
      for (const line of block.lines) doc.font('Helvetica').fontSize(13).text(printable(line));
      doc.moveDown(1);
      return;
    case 'heading':
      ensureRoom(doc, 60);
      doc.font('Helvetica-Bold').fontSize(14).fillColor('#1F7A6D').text(printable(block.text), MARGIN, doc.y, { width: width(doc) }).fillColor('black').moveDown(0.4);
      return;
    case 'paragraph':
      doc.font('Helvetica').fontSize(BODY).text(printable(block.text), MARGIN, doc.y, { width: width(doc) }).moveDown(0.6);
      return;
    case 'table':
      table(doc, block);
      return;
    case 'chart':
      chart(doc, block);
  }
}

/** The report as PDF bytes. */
export function reportPdf(report: BoardReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${report.partnership}: ${report.quarterLabel}`, Author: 'actionbot' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of reportBlocks(report)) draw(doc, block);
  doc.end();
  return done;
}
