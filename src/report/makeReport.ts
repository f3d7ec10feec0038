// One board report file for a plan and quarter, as Word or PDF: what the tab's download, the command
// line and the chat all call.
import type { Directory } from '../app/directory.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { Store } from '../domain/ports.ts';
import { quarterKey, type Quarter } from './quarter.ts';
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

/** "bedfordshire-2026-2026-Q1-board-report.pdf": safe in a header, a file system and Teams. */
export function reportFileName(planId: string, q: Quarter, format: ReportFormat): string {
  return `${planId.replace(/[^a-z0-9-]/gi, '-').slice(0, 80)}-${quarterKey(q)}-board-report.${format}`;
}

/** Makes the file; null when the plan is not stored. */
export async function makeReport(store: Store, directory: Directory, planId: string, q: Quarter, format: ReportFormat, today: IsoDate): Promise<ReportFile | null> {
  const report = await boardReport(store, directory, planId, q, today);
  if (!report) return null;
  const bytes = format === 'docx' ? await reportDocx(report) : await reportPdf(report);
  return { name: reportFileName(planId, q, format), contentType: TYPES[format], bytes };
}
