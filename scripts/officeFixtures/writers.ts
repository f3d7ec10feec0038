// Writes a LayoutPlan (Ref | Action | Lead | Target date | RAG, objectives as full-width rows, several
// leads on separate lines, merged Lead cells) as Word (landscape), Excel, a ruled landscape PDF whose
// tables break across pages with the header repeated, and CSV. Used by scripts/makeOfficeFixtures.ts.
import {
  Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalMergeType, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { header, type LayoutGrid, type LayoutRow } from './layoutPlan.ts';

/** A whole plan in the layout: its masthead lines and its grids. */
export interface LayoutPlan {
  partnershipLine: string;
  titleLine: string;
  grids: LayoutGrid[];
}

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
    children: [wordCell([row.ref]), wordCell([row.action]), wordCell(row.leads, { merge: row.mergedLead }), wordCell([row.target]), wordCell([row.rag])],
  });
}

/** The plan as a landscape Word document, one table per grid with a repeating header row. */
export async function wordFile(plan: LayoutPlan): Promise<Buffer> {
  const children = [
    new Paragraph({ children: [new TextRun({ text: plan.partnershipLine, bold: true })] }),
    new Paragraph({ text: plan.titleLine, heading: HeadingLevel.TITLE }),
    ...plan.grids.flatMap((grid) => [
      new Paragraph({ text: grid.heading, heading: HeadingLevel.HEADING_1 }),
      new Table({
        rows: [new TableRow({ tableHeader: true, children: header.map((h) => wordCell([h], { bold: true })) }), ...grid.rows.map(wordRow)],
        width: { size: 100, type: WidthType.PERCENTAGE },
      }),
    ]),
  ];
  const doc = new Document({ sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }] });
  return Packer.toBuffer(doc);
}

/** The plan as one sheet: masthead cells above a header with a Grid column; objectives merged across. */
export async function excelFile(plan: LayoutPlan): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Delivery plan');
  sheet.addRow([plan.partnershipLine]);
  sheet.addRow([plan.titleLine]);
  sheet.addRow([]);
  sheet.addRow(['Grid', ...header]);
  for (const grid of plan.grids) {
    let mergeFrom = 0;
    const gridName = grid.heading.replace(/^Planning grid /, '');
    for (const row of grid.rows) {
      if ('objective' in row) {
        const added = sheet.addRow([gridName, row.objective]);
        sheet.mergeCells(added.number, 2, added.number, 6);
        continue;
      }
      const added = sheet.addRow([gridName, row.ref, row.action, row.leads.join('\n'), row.target, row.rag]);
      if (row.mergedLead === 'start') mergeFrom = added.number;
      if (row.mergedLead === 'continue' && mergeFrom > 0) {
        sheet.unMergeCells(mergeFrom, 4, added.number - 1, 4);
        sheet.mergeCells(mergeFrom, 4, added.number, 4);
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The plan as CSV with another header set (Milestone, Target date, Owner, Status); no objectives. */
export function csvFile(plan: LayoutPlan): string {
  const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [['Ref', 'Milestone', 'Target date', 'Owner', 'Status'].join(',')];
  for (const grid of plan.grids) {
    for (const row of grid.rows) if (!('objective' in row)) lines.push([row.ref, row.action, row.target, row.leads.join('\n'), row.rag].map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A ruled table in landscape. A table that reaches the foot of the page goes on on the next with its
 * header repeated (and `breakAfter` rows forces one early, as authors do); a merged Lead cell has no rules inside it.
 */
export async function pdfFile(plan: LayoutPlan, breakAfter = -1): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const left = 40;
  const foot = doc.page.height - 50;
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = left + widths.reduce((a, b) => a + b, 0);
  let y = 40;
  doc.font('Helvetica-Bold').fontSize(11).text(plan.partnershipLine, left, y);
  doc.font('Helvetica').text(plan.titleLine, left, (y += 20));
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
  const newPage = (): void => {
    doc.addPage();
    y = 40;
    drawHeader();
  };
  for (const [g, grid] of plan.grids.entries()) {
    if (g > 0) {
      doc.addPage();
      y = 40;
    }
    doc.font('Helvetica-Bold').fontSize(14).text(grid.heading, left, y, { width: right - left });
    y = doc.y + 10;
    drawHeader();
    for (const [r, row] of grid.rows.entries()) {
      doc.fontSize(10);
      if ('objective' in row) {
        doc.font('Helvetica-Bold');
        const h = doc.heightOfString(row.objective, { width: right - left - 8 }) + 8;
        if (y + h > foot) newPage();
        doc.font('Helvetica-Bold').text(row.objective, left + 4, y + 4, { width: right - left - 8 });
        doc.font('Helvetica');
        y += h;
        rule(left, right, y);
        continue;
      }
      const texts = [row.ref, row.action, row.mergedLead === 'continue' ? '' : row.leads.join('\n'), row.target, row.rag];
      const h = cellHeight(texts);
      if ((g === 0 && r === breakAfter) || y + h > foot) newPage();
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
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
