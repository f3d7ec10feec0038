// The quarterly board report for the five seed plans, made as of Wed 15 Jul 2026 for Q1 2026/27: the
// Word file's XML and the PDF's text carry the same RAG counts as the dashboard, and every overdue
// action, every completion and every slip of the quarter.
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { loadDirectory, type Directory } from '../../src/app/directory.ts';
import { dashboardView, type DashboardView } from '../../src/dashboard/dashboardData.ts';
import type { Store } from '../../src/domain/ports.ts';
import { quarter } from '../../src/report/quarter.ts';
import { boardReport, type BoardReport } from '../../src/report/reportData.ts';
import { reportDocx } from '../../src/report/reportDocx.ts';
import { reportPdf } from '../../src/report/reportPdf.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { REPORT_DAY, seedWorld } from './seedWorld.ts';

let store: Store;
let directory: Directory;
let dashboard: DashboardView;
const q1 = quarter(2026, 1);

beforeAll(async () => {
  store = await openTableStore(inject('tablesConnectionString'), 'boardReport');
  await seedWorld(store);
  directory = await loadDirectory(store);
  dashboard = await dashboardView(store, REPORT_DAY);
}, 120_000);

/** The visible text of a .docx: every w:t of word/document.xml, paragraph by paragraph. */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  expect(xml).toContain('<w:tbl>');
  expect(xml).toContain('<w:tblHeader/>');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n')
    .replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'");
}

/** The text of a PDF, line by line (items on one baseline joined). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    let y: number | null = null;
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const at = Math.round(item.transform[5] as number);
      if (y !== null && at !== y) { lines.push(line); line = ''; }
      line += (line && !line.endsWith(' ') ? ' ' : '') + item.str;
      y = at;
    }
    lines.push(line);
  }
  return lines.join('\n').replace(/ +/g, ' ');
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.each(['bedfordshire-2026', 'gloucestershire-safer-and-stronger-communities-partnership-gsscp-2026', 'isle-of-wight-dat-2026', 'safer-peterborough-partnership-2026', 'worcestershire-smat-2026'])('the Q1 2026/27 board report of %s', (planId) => {
  let report: BoardReport;
  let docx: string;
  let pdf: string;
  beforeAll(async () => {
    report = (await boardReport(store, directory, planId, q1, REPORT_DAY))!;
    [docx, pdf] = await Promise.all([reportDocx(report).then(docxText), reportPdf(report).then(pdfText)]);
  }, 60_000);

  it('has the RAG counts per grid that the dashboard shows, with percentages, in both files', () => {
    const plan = dashboard.plans.find((p) => p.id === planId)!;
    expect(report.figures.rag).toEqual(plan.rag);
    expect(plan.rag.red).toBe(plan.total.overdue + plan.total.blocked);
    for (const [label, rag] of [...plan.grids.map((g) => [`${g.number}. ${g.title}`, g.rag] as const), ['Whole plan', plan.rag] as const]) {
      const row = `${rag.red} (${rag.percent.red}%) ${rag.amber} (${rag.percent.amber}%) ${rag.green} (${rag.percent.green}%) ${rag.total}`;
      expect(flat(docx.replaceAll('\n', ' '))).toContain(flat(`${label} ${row}`));
      expect(flat(pdf)).toContain(row);
    }
  });

  it('lists every overdue action, oldest first, and every action completed or slipped in the quarter', () => {
    const plan = dashboard.plans.find((p) => p.id === planId)!;
    expect(report.overdue.map((o) => o.ref)).toEqual(plan.overdue.map((o) => o.ref));
    expect(report.overdue.length).toBe(plan.total.overdue);
    // Each action once: a recurring action done in the quarter whose next review is overdue is listed as overdue.
    const listed = [...report.completed, ...report.slipped, ...report.overdue, ...report.blocked, ...report.dueNextQuarter].map((l) => l.actionId);
    expect(new Set(listed).size).toBe(listed.length);
    expect(report.completed.length + report.overdue.length).toBeGreaterThan(0);
    expect(report.slipped.length).toBeGreaterThan(0);
    for (const o of report.overdue) {
      expect(docx).toContain(o.text);
      expect(flat(pdf)).toContain(flat(o.text).slice(0, 30));
    }
    for (const s of report.slipped) expect(s).toMatchObject({ to: '2026-09-30', reason: 'provider contract late', by: 'Jane Smith' });
    expect(docx).toContain('Wed 30 Sep 2026');
    expect(pdf).toContain('Wed 30 Sep 2026');
  });

  it('opens with a cover and the summary paragraph, and ends with the roles nobody holds', () => {
    for (const text of [docx, flat(pdf)]) {
      expect(text).toContain('quarterly progress report');
      expect(text).toContain('Q1 2026/27 (Apr-Jun 2026)');
      expect(text).toContain('Produced Wed 15 Jul 2026');
      expect(flat(text)).toContain(flat(report.summary).slice(0, 60));
    }
    expect(report.unheldRoles.length).toBeGreaterThan(0);
    expect(docx).toContain(report.unheldRoles.join(', '));
  });
});

describe('the quarter', () => {
  it('blocked actions say why and for how long', async () => {
    const report = (await boardReport(store, directory, 'bedfordshire-2026', q1, REPORT_DAY))!;
    expect(report.blocked.length).toBeGreaterThan(0);
    expect(report.blocked[0]).toMatchObject({ reason: 'waiting for the PCT', since: '2026-04-14', days: 92 });
  });

  it('a plan that is not stored gives no report', async () => {
    expect(await boardReport(store, directory, 'nowhere', q1, REPORT_DAY)).toBeNull();
  });
});
