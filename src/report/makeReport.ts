// One board report file for a plan and quarter, as Word or PDF: what the tab's download, the command
// line and the chat all call.
import type { Directory } from '../app/directory.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Store } from '../domain/ports.ts';
import type { Quarter } from './quarter.ts';
import { boardReport } from './reportData.ts';
import { reportDocx } from './reportDocx.ts';
import { reportPdf } from './reportPdf.ts';

export type ReportFormat = 'docx' | 'pdf';

/** A finished report file. */
export interface ReportFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

const TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * "Bedfordshire DAT Q1 2026-27.pdf": the partnership, the quarter and its financial year (2026/27, with a
 * hyphen: a slash cannot be in a file name). Characters no file system takes are dropped.
 */
export function reportFileName(partnership: string, q: Quarter, format: ReportFormat): string {
  const name = [...partnership].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Plan';
  return `${name} Q${q.number} ${q.year}-${String((q.year + 1) % 100).padStart(2, '0')}.${format}`;
}

/** Makes the file; null when the plan is not stored. */
export async function makeReport(store: Store, directory: Directory, planId: string, q: Quarter, format: ReportFormat, today: IsoDate): Promise<ReportFile | null> {
  const report = await boardReport(store, directory, planId, q, today);
  if (!report) return null;
  const bytes = format === 'docx' ? await reportDocx(report) : await reportPdf(report);
  return { name: reportFileName(report.partnership, q, format), contentType: TYPES[format], bytes };
}
