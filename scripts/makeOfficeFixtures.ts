// Writes test/fixtures/layouts/somerset-2012-13.{docx,xlsx,pdf,csv}: one plan (officeFixtures/layoutPlan.ts)
// in a layout unlike the seed files, as Word, Excel, a PDF with ruled tables, and CSV. Run by hand:
// `node --import tsx scripts/makeOfficeFixtures.ts`; the outputs are committed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalMergeType, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { grids, header, partnershipLine, titleLine, type LayoutRow } from './officeFixtures/layoutPlan.ts';

const out = join(import.meta.dirname, '../test/fixtures/layouts');
const widths = [50, 380, 170, 110, 50];

function wordCell(lines: string[], options: { bold?: boolean; span?: number; merge?: 'start' | 'continue' } = {}): TableCell {
  return new TableCell({
    columnSpan: options.span,
    verticalMerge: options.merge === undefined ? undefined : options.merge === 'start' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
    children: (options.merge === 'continue' ? [''] : lines).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] })),
    width: { size: 1, type: WidthType.AUTO },
  });
}

function wordRow(row: LayoutRow): TableRow {
  if ('objective' in row) return new TableRow({ children: [wordCell([row.objective], { bold: true, span: header.length })] });
  return new TableRow({
    children: [
      wordCell([row.ref]), wordCell([row.action]), wordCell(row.leads, { merge: row.mergedLead }), wordCell([row.target]), wordCell([row.rag]),
    ],
  });
}

async function word(): Promise<void> {
  const children = [
    new Paragraph({ children: [new TextRun({ text: partnershipLine, bold: true })] }),
    new Paragraph({ text: titleLine, heading: HeadingLevel.TITLE }),
    ...grids.flatMap((grid) => [
      new Paragraph({ text: grid.heading, heading: HeadingLevel.HEADING_1 }),
      new Table({
        rows: [new TableRow({ tableHeader: true, children: header.map((h) => wordCell([h], { bold: true })) }), ...grid.rows.map(wordRow)],
        width: { size: 100, type: WidthType.PERCENTAGE },
      }),
    ]),
  ];
  const doc = new Document({
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  await writeFile(join(out, 'somerset-2012-13.docx'), await Packer.toBuffer(doc));
}

async function excel(): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Delivery plan');
  sheet.addRow([partnershipLine]);
  sheet.addRow([titleLine]);
  sheet.addRow([]);
  sheet.addRow(['Grid', ...header]);
  for (const grid of grids) {
    let mergeFrom = 0;
    for (const row of grid.rows) {
      if ('objective' in row) {
        const added = sheet.addRow([grid.heading.replace(/^Planning grid /, ''), row.objective]);
        sheet.mergeCells(added.number, 2, added.number, 6);
        continue;
      }
      const added = sheet.addRow([grid.heading.replace(/^Planning grid /, ''), row.ref, row.action, row.leads.join('\n'), row.target, row.rag]);
      if (row.mergedLead === 'start') mergeFrom = added.number;
      if (row.mergedLead === 'continue' && mergeFrom > 0) {
        sheet.unMergeCells(mergeFrom, 4, added.number - 1, 4);
        sheet.mergeCells(mergeFrom, 4, added.number, 4);
      }
    }
  }
  await book.xlsx.writeFile(join(out, 'somerset-2012-13.xlsx'));
}

function csv(): string {
  const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [['Ref', 'Milestone', 'Target date', 'Owner', 'Status'].join(',')];
  for (const grid of grids) {
    for (const row of grid.rows) {
      if ('objective' in row) continue;
      lines.push([row.ref, row.action, row.target, row.leads.join('\n'), row.rag].map(quote).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A ruled table in landscape; the header repeats on each page; the merged Lead cell has no rules inside it. */
async function pdf(): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const left = 40;
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = left + widths.reduce((a, b) => a + b, 0);
  let y = 40;
  doc.font('Helvetica-Bold').fontSize(11).text(partnershipLine, left, y);
  doc.font('Helvetica').text(titleLine, left, (y += 20));
  y += 30;
  const cellHeight = (texts: string[]): number => Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: (widths[i] ?? 50) - 8 }))) + 8;
  const rule = (x0: number, x1: number, at: number): void => {
    doc.moveTo(x0, at).lineTo(x1, at).lineWidth(0.5).stroke();
  };
  const drawHeader = (): void => {
    doc.font('Helvetica-Bold').fontSize(10);
    const h = cellHeight(header);
    doc.rect(left, y, right - left, h).fill('#d9d9d9').fillColor('black');
    header.forEach((text, i) => doc.text(text, (xs[i] ?? 0) + 4, y + 4, { width: (widths[i] ?? 50) - 8 }));
    rule(left, right, y);
    y += h;
    rule(left, right, y);
    doc.font('Helvetica');
  };
  for (const [g, grid] of grids.entries()) {
    if (g > 0) {
      doc.addPage();
      y = 40;
    }
    doc.font('Helvetica-Bold').fontSize(14).text(grid.heading, left, y);
    y += 28;
    const top = y;
    drawHeader();
    for (const [r, row] of grid.rows.entries()) {
      // Grid 1 breaks across pages before its second objective, so the header repeats.
      if (g === 0 && r === 4) {
        doc.addPage();
        y = 40;
        drawHeader();
      }
      if ('objective' in row) {
        doc.font('Helvetica-Bold').fontSize(10);
        const h = doc.heightOfString(row.objective, { width: right - left - 8 }) + 8;
        doc.text(row.objective, left + 4, y + 4, { width: right - left - 8 });
        doc.font('Helvetica');
        y += h;
        rule(left, right, y);
        continue;
      }
      const texts = [row.ref, row.action, row.mergedLead === 'continue' ? '' : row.leads.join('\n'), row.target, row.rag];
      const h = cellHeight(texts);
      texts.forEach((text, i) => doc.text(text, (xs[i] ?? 0) + 4, y + 4, { width: (widths[i] ?? 50) - 8 }));
      y += h;
      const next = grid.rows[r + 1];
      const mergedBelow = next !== undefined && 'ref' in next && next.mergedLead === 'continue';
      // Under a merged Lead cell the rule stops at the Lead column and starts again after it.
      if (mergedBelow) {
        rule(left, xs[2] ?? 0, y);
        rule(xs[3] ?? 0, right, y);
      } else rule(left, right, y);
    }
    for (const x of [...xs, right]) doc.moveTo(x, top).lineTo(x, top).stroke();
  }
  doc.end();
  await done;
  await writeFile(join(out, 'somerset-2012-13.pdf'), Buffer.concat(chunks));
}

await word();
await excel();
await pdf();
await writeFile(join(out, 'somerset-daat-plan-2012-13.csv'), csv());
process.stdout.write(`written to ${out}\n`);
