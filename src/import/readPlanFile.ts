// Reads one plan document from disk and imports it, turning every way a file can be wrong into plain words.
import { readFile } from 'node:fs/promises';
import type { Plan } from '../domain/plan.ts';
import { parsePlan } from './parsePlan.ts';
import { PlanFormatError } from './planFormatError.ts';

/** The outcome of reading one file: a plan, or the reason there is none. */
export type ReadPlanResult =
  | { ok: true; plan: Plan }
  | { ok: false; file: string; reason: string };

/** Imports the plan at `path`; never throws for a bad file, only for a bug in the importer. */
export async function readPlanFile(path: string): Promise<ReadPlanResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, file: path, reason: unreadableReason(error) };
  }
  const reason = notTextReason(bytes);
  if (reason !== null) return { ok: false, file: path, reason };
  try {
    return { ok: true, plan: parsePlan(bytes.toString('utf8'), path) };
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

/** Control characters that plain text does not contain (tab, newline, form feed and CR are allowed). */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;
}

/** Why `bytes` is not a text document, or null if it is. */
function notTextReason(bytes: Buffer): string | null {
  if (bytes.toString('utf8').trim() === '') return 'file is empty';
  if (bytes.includes(0)) return 'binary file (contains NUL bytes), not a text plan';
  // Extracted PDFs carry the odd stray byte; only reject files where odd bytes are common.
  const text = bytes.toString('utf8');
  let odd = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd || isControl(code)) odd += 1;
  }
  if (odd / text.length > 0.1) return 'binary file (mostly not text), not a text plan';
  return null;
}
