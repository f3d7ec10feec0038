// Reads one plan document from disk and imports it, turning every way a file can be wrong into plain words.
import { readFile, stat } from 'node:fs/promises';
import type { Plan } from '../domain/plan.ts';
import { MAX_DOCUMENT_BYTES, megabytes, READ_LIMITS, type ReadLimits } from './limits.ts';
import { PlanFormatError } from './planFormatError.ts';
import { readPlanInWorker } from './worker/readInWorker.ts';

/** The outcome of reading one file: a plan, or the reason there is none. */
export type ReadPlanResult =
  | { ok: true; plan: Plan }
  | { ok: false; file: string; reason: string };

/**
 * Imports the plan at `path` (Word, PDF, Excel, CSV or text), read in a worker thread within `limits`;
 * never throws for a bad file, only for a bug in the importer.
 */
export async function readPlanFile(path: string, limits: ReadLimits = READ_LIMITS): Promise<ReadPlanResult> {
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_DOCUMENT_BYTES) return { ok: false, file: path, reason: `the file is ${megabytes(size)}; the most a plan may have is ${megabytes(MAX_DOCUMENT_BYTES)}` };
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, file: path, reason: unreadableReason(error) };
  }
  try {
    return { ok: true, plan: await readPlanInWorker(bytes, path, limits) };
  } catch (error) {
    if (error instanceof PlanFormatError) return { ok: false, file: path, reason: withoutFileName(error.message, path) };
    throw error;
  }
}

/** The parser may name the file itself; the CLI line already does, so say it once. */
function withoutFileName(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

function unreadableReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory, not a plan file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    default: return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}
