// One entry for every format: the bytes of a plan file (from disk or a Teams attachment) and its name
// in, a Plan out. The format comes from the bytes themselves, the name only tells CSV from text.
import type { Plan } from '../domain/plan.ts';
import { documentPlan } from './document/documentPlan.ts';
import { placeWarnings } from './document/warningPlaces.ts';
import { readCsv } from './office/csvReader.ts';
import { readDocx } from './office/docxReader.ts';
import { readHtml } from './office/htmlReader.ts';
import { zipNames } from './office/zipXml.ts';
import { parsePlan } from './parsePlan.ts';
import { MAX_DOCUMENT_BYTES, megabytes, overLimit } from './limits.ts';
import { PlanFormatError } from './planFormatError.ts';

/** The formats the importer reads. */
export type PlanFormat = 'docx' | 'pdf' | 'xlsx' | 'csv' | 'html' | 'text';

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The format of a file, or why it is not one the importer reads. */
export function formatOf(bytes: Uint8Array, name: string): PlanFormat {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new PlanFormatError('an old Word or Excel file (.doc or .xls): save it as .docx or .xlsx and send that');
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const names = zipNames(bytes);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    throw new PlanFormatError('a zip file that is neither a Word (.docx) nor an Excel (.xlsx) document');
  }
  if (/\.csv$/i.test(name)) return 'csv';
  return /\.html?$/i.test(name) || isHtmlTable(bytes) ? 'html' : 'text';
}

/** An HTML page or fragment with a table (a pasted table, a "Save as web page"); a text plan with a stray <b> is not. */
function isHtmlTable(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024 * 1024)).toString('utf8');
  return /^\uFEFF?\s*</.test(head) && /<table[\s>]/i.test(head);
}

/** Why text bytes are not a plan text, or null. */
function notText(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.trim() === '') return 'file is empty';
  if (bytes.includes(0)) return 'binary file (contains NUL bytes), not a plan document';
  let odd = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d)) odd += 1;
  }
  // Extracted PDFs carry the odd stray byte; only files where odd bytes are common are refused.
  return odd / text.length > 0.1 ? 'binary file (mostly not text), not a plan document' : null;
}

/**
 * Reads a plan in any supported format, in this thread: callers outside the importer use
 * readPlanInWorker (worker/readInWorker.ts), so a hostile file cannot hold up the bot. `name` is the file's name (for CSV, messages and a
 * partnership or period the document itself does not give).
 * @throws PlanFormatError with a one-line reason when the bytes hold no plan.
 */
export async function readPlanBytes(bytes: Uint8Array, name: string): Promise<Plan> {
  if (bytes.length === 0) throw new PlanFormatError('file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw overLimit(`the file is ${megabytes(bytes.length)}`, megabytes(MAX_DOCUMENT_BYTES));
  const format = formatOf(bytes, name);
  switch (format) {
    case 'docx': {
      const doc = readDocx(bytes);
      return placeWarnings(documentPlan(doc, name), doc, 'position');
    }
    // pdf.js and exceljs are large: loaded only for a file that needs them, so a text import starts quickly.
    case 'xlsx': {
      const doc = await (await import('./office/xlsxReader.ts')).readXlsx(bytes);
      return placeWarnings(documentPlan(doc, name), doc, 'line');
    }
    case 'pdf': return documentPlan(await (await import('./office/pdfReader.ts')).readPdf(bytes), name);
    case 'csv':
    case 'html':
    case 'text': {
      const reason = notText(bytes);
      if (reason !== null) throw new PlanFormatError(reason);
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      if (format === 'html') {
        const doc = readHtml(text);
        return placeWarnings(documentPlan(doc, name), doc, 'position');
      }
      return format === 'csv' ? documentPlan(readCsv(text, name), name) : parsePlan(text, name);
    }
  }
}
