// Issue 18: the board report is board-ready on all five seed plans. A quarter that has ended is reported as
// it closed, with today's position (the dashboard's figures) apart; every reference whole on one line;
// every page numbered, with the running header and footer; no ISO date, no internal id; each action
// listed once; reminders counted from what was sent (digest lines included); a narrative per grid from
// the latest progress notes. Accessible: the PDF tagged (language, title, headings, tables with header
// cells, the chart as a figure with words), the Word file with heading styles and repeating header rows.
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { loadDirectory, type Directory } from '../../src/app/directory.ts';
import { dashboardView, type DashboardView } from '../../src/dashboard/dashboardData.ts';
import type { Store } from '../../src/domain/ports.ts';
import { reportFileName } from '../../src/report/makeReport.ts';
import { quarter } from '../../src/report/quarter.ts';
import { boardReport, type BoardReport } from '../../src/report/reportData.ts';
import { docxColumnWidths, reportDocx } from '../../src/report/reportDocx.ts';
import { reportBlocks } from '../../src/report/reportLayout.ts';
import { reportPdf } from '../../src/report/reportPdf.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { REPORT_DAY, seedWorld } from './seedWorld.ts';

const PLANS = ['bedfordshire-2026', 'gloucestershire-safer-and-stronger-communities-partnership-gsscp-2026', 'isle-of-wight-dat-2026', 'safer-peterborough-partnership-2026', 'worcestershire-smat-2026'];
const ISO = /\b\d{4}-\d{2}-\d{2}\b/;
const q1 = quarter(2026, 1);

let store: Store;
let directory: Directory;
let dashboard: DashboardView;

beforeAll(async () => {
  store = await openTableStore(inject('tablesConnectionString'), 'boardReady');
  const { clock } = await seedWorld(store);
  directory = await loadDirectory(store);
  // A progress note in the quarter on Bedfordshire's first blocked action, and one after the quarter ended.
  const bed = (await store.actions.listPlanActions('bedfordshire-2026')).find((a) => a.progress.status === 'blocked')!;
  for (const [at, words] of [['2026-06-20T10:00:00Z', 'note: PCT board meets on 2 July to agree the funding'], ['2026-07-10T10:00:00Z', 'note: funding agreed after the quarter']] as const) {
    clock.set(at);
    const current = (await store.actions.get(bed.planId, bed.action.id))!;
    await store.actions.update(current, current.progress, { at, by: { id: 'sam', name: 'Sam Patel' }, via: 'typed', from: current.progress.status, to: current.progress.status, occurrence: current.progress.occurrence, dueBefore: current.progress.dueDate, dueAfter: current.progress.dueDate, reason: null, summary: words });
  }
  clock.set(`${REPORT_DAY}T09:00:00Z`);
  dashboard = await dashboardView(store, REPORT_DAY);
}, 180_000);

interface PdfRead { pages: string[][]; roles: string[]; alts: string[]; lang: unknown; title: unknown; marked: boolean }

/** Each page's lines (text items on one baseline joined), the structure tree's roles, the document's language and title. */
async function readPdf(bytes: Buffer): Promise<PdfRead> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname }).promise;
  const pages: string[][] = [];
  const roles: string[] = [];
  const alts: string[] = [];
  type Node = { role?: string; alt?: string; children?: Node[] };
  const walk = (node: Node): void => {
    if (node.role) roles.push(node.role);
    if (node.alt) alts.push(node.alt);
    node.children?.forEach(walk);
  };
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const lines: string[] = [];
    let y: number | null = null;
    let line = '';
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const at = Math.round(item.transform[5] as number);
      if (y !== null && at !== y) { lines.push(line); line = ''; }
      line += (line && !line.endsWith(' ') ? ' ' : '') + item.str;
      y = at;
    }
    lines.push(line);
    pages.push(lines);
    walk((await page.getStructTree()) as Node);
  }
  const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
  return { pages, roles, alts, lang: info.Language, title: info.Title, marked: (await pdf.getMarkInfo())?.Marked === true };
}

/** The parts of a .docx that matter here. */
async function readDocx(bytes: Buffer): Promise<{ document: string; text: string; styles: string; headers: string; footers: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (re: RegExp): Promise<string> => (await Promise.all(zip.file(re).map((f) => f.async('string')))).join('\n');
  const document = await read(/^word\/document\.xml$/);
  const text = document.split('</w:p>').map((p) => [...p.replaceAll('<w:noBreakHyphen/>', '<w:t>-</w:t>').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n')
    .replaceAll('&amp;', '&').replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  return { document, text, styles: await read(/^word\/styles\.xml$/), headers: await read(/^word\/header\d*\.xml$/), footers: await read(/^word\/footer\d*\.xml$/) };
}

/** The references the report's tables list. */
const listedIn = (r: BoardReport) => [...r.completed, ...r.slipped, ...r.blocked, ...r.overdue, ...r.dueNextQuarter];

describe.each(PLANS)('the board report of %s for Q1 2026/27, made on Wed 15 Jul 2026', (planId) => {
  let report: BoardReport;
  let pdf: PdfRead;
  let docx: Awaited<ReturnType<typeof readDocx>>;
  beforeAll(async () => {
    report = (await boardReport(store, directory, planId, q1, REPORT_DAY))!;
    const [pdfBytes, docxBytes] = await Promise.all([reportPdf(report), reportDocx(report)]);
    [pdf, docx] = await Promise.all([readPdf(pdfBytes), readDocx(docxBytes)]);
  }, 60_000);

  it("shows the quarter as it closed and today's position apart, today's figures equal to the dashboard's", () => {
    const plan = dashboard.plans.find((p) => p.id === planId)!;
    expect(report.figures.rag).toEqual(plan.rag);
    expect(report.figures.grids.map((g) => g.rag)).toEqual(plan.grids.map((g) => g.rag));
    expect(report.atEnd?.day).toBe('2026-06-30');
    expect(report.atEnd?.figures.rag.total).toBe(plan.rag.total);
    const all = pdf.pages.flat().join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Q1 2026/27 (Apr-Jun 2026): the quarter as it closed on Tue 30 Jun 2026');
    expect(all).toContain("Today's position, as of Wed 15 Jul 2026");
    expect(docx.text).toContain("Today's position, as of Wed 15 Jul 2026");
    const row = `Whole plan ${plan.rag.red} (${plan.rag.percent.red}%) ${plan.rag.amber} (${plan.rag.percent.amber}%) ${plan.rag.green} (${plan.rag.percent.green}%) ${plan.rag.total}`;
    expect(all).toContain(row);
  });

  it('lists each action once, with every reference whole on one line in the PDF and in a column wide enough in Word', () => {
    const ids = listedIn(report).map((l) => l.actionId);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = listedIn(report).map((l) => l.ref);
    const lines = pdf.pages.flat();
    for (const ref of refs) expect(lines.some((l) => l.includes(ref)), ref).toBe(true);
    for (const ref of refs) expect(docx.text, ref).toContain(ref);
    for (const block of reportBlocks(report)) {
      if (block.kind !== 'table') continue;
      const widths = docxColumnWidths(block);
      block.columns.forEach((c, i) => {
        if (!c.whole) return;
        const longest = Math.max(...block.rows.map((r) => (r[i] ?? '').length));
        expect(widths[i], `${block.caption}: ${c.title}`).toBeGreaterThanOrEqual(longest * 112 + 200);
      });
    }
    // Headings are never broken inside a word ("Reminder s sent").
    expect(lines.join('\n')).not.toMatch(/Reminder\s*\n?\s*s sent/);
  });

  it('numbers every page and carries the running header and footer on each', () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThan(1);
    pdf.pages.forEach((lines, i) => {
      const page = lines.join('\n');
      expect(page).toContain(`Page ${i + 1} of ${total}`);
      expect(page).toContain(`${report.partnership} · Q1 2026/27 (Apr-Jun 2026)`.replace('·', '\u00B7'));
      expect(page).toContain('As of Wed 15 Jul 2026');
      expect(page).toContain('Produced by actionbot');
    });
    expect(docx.headers).toContain('Q1 2026/27 (Apr-Jun 2026)');
    expect(docx.footers).toContain('As of Wed 15 Jul 2026');
    expect(docx.footers).toMatch(/PAGE/);
    expect(docx.footers).toMatch(/NUMPAGES/);
  });

  it('shows no ISO date and no internal id', () => {
    const all = pdf.pages.flat().join('\n');
    expect(all).not.toMatch(ISO);
    expect(docx.text).not.toMatch(ISO);
    expect(all).not.toContain(planId);
    expect(docx.text).not.toContain(planId);
  });

  it('is a tagged PDF: language, title, headings, tables with header cells, the chart as a figure with words', () => {
    expect(pdf.marked).toBe(true);
    expect(pdf.lang).toBe('en-GB');
    expect(pdf.title).toBe(`${report.partnership}: quarterly progress report, Q1 2026/27 (Apr-Jun 2026)`);
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(pdf.roles, role).toContain(role);
    expect(pdf.alts.some((a) => a.startsWith('Bar chart of the actions of each grid by red, amber and green'))).toBe(true);
    // Reading order: the title first, then the summary heading.
    expect(pdf.roles.indexOf('H1')).toBeLessThan(pdf.roles.indexOf('H2'));
  });

  it('is a Word file with heading styles, repeating table header rows and UK English', () => {
    expect(docx.document).toContain('<w:pStyle w:val="Title"/>');
    expect(docx.document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(docx.document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(docx.document).toContain('<w:tblHeader/>');
    expect(docx.styles).toContain('w:val="en-GB"');
  });
});

describe('the board report', () => {
  it('of the current quarter has one section, as of today, with the dashboard figures', async () => {
    const report = (await boardReport(store, directory, 'isle-of-wight-dat-2026', quarter(2026, 2), REPORT_DAY))!;
    expect(report.atEnd).toBeNull();
    expect(report.figures.rag).toEqual(dashboard.plans.find((p) => p.id === 'isle-of-wight-dat-2026')!.rag);
    expect(reportBlocks(report).some((b) => b.kind === 'heading' && b.text.startsWith("Today's position"))).toBe(false);
  });

  it('tells each grid from its latest progress notes up to the quarter end', async () => {
    const report = (await boardReport(store, directory, 'bedfordshire-2026', q1, REPORT_DAY))!;
    const all = report.narratives.flatMap((n) => n.lines).join('\n');
    expect(all).toContain('PCT board meets on 2 July to agree the funding (Sam Patel, Sat 20 Jun 2026)');
    expect(all).not.toContain('funding agreed after the quarter');
    // Where there is no note, the latest reason given stands in.
    expect(all).toContain('delayed: provider contract late');
  });

  it('counts reminders from what was sent: digest lines and single cards', async () => {
    const report = (await boardReport(store, directory, 'bedfordshire-2026', quarter(2026, 2), REPORT_DAY))!;
    const late = report.overdue.slice(0, 2);
    expect(late).toHaveLength(2);
    const line = (l: { actionId: string; ref: string }) => ({ planId: 'bedfordshire-2026', actionId: l.actionId, occurrence: null, dueDate: '2026-06-30', section: 'overdue' as const, ref: l.ref, text: 'x', partnership: 'Bedfordshire' });
    for (const day of ['2026-07-13', '2026-07-14']) {
      await store.digests.recordSent({ key: `owner|sam|${day}`, kind: 'owner', personId: 'sam', day, lines: late.map(line), notes: [], activityId: `act-${day}`, conversationId: 'c', sentAt: `${day}T08:00:00Z`, seenAt: null });
    }
    const after = (await boardReport(store, directory, 'bedfordshire-2026', quarter(2026, 2), REPORT_DAY))!;
    for (const l of late) expect(after.overdue.find((o) => o.ref === l.ref)?.reminders).toBe(l.reminders + 2);
  });

  it('is named "<Partnership> <Q> <year>"', () => {
    expect(reportFileName('Bedfordshire DAT', q1, 'pdf')).toBe('Bedfordshire DAT Q1 2026-27.pdf');
    expect(reportFileName('Safer/Stronger: "A"', quarter(2026, 4), 'docx')).toBe('Safer Stronger A Q4 2026-27.docx');
  });
});
