// Every uploaded or imported document is read in a worker thread with a capped heap and a time limit,
// so a hostile or huge file can cost that thread, never the bot: the event loop keeps answering
// /healthz and other people while it reads, and a thread past a limit is stopped and the file refused.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../../domain/plan.ts';
import { MAX_CONCURRENT_READS, MAX_DOCUMENT_BYTES, megabytes, overLimit, READ_LIMITS, type ReadLimits } from '../limits.ts';
import { PlanFormatError } from '../planFormatError.ts';
import type { ReadAnswer, ReadJob, ReadUsage } from './readJob.ts';

// Built (dist/…/readInWorker.js) the thread runs readTask.js; from source (tsx, vitest) readTask.ts,
// which a fresh thread can only load once tsx's loader is registered in it.
const ext = extname(fileURLToPath(import.meta.url));
const taskUrl = new URL(`./readTask${ext}`, import.meta.url);

function threadEntry(): URL {
  if (ext !== '.ts') return taskUrl;
  const boot = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(taskUrl.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/** Reads waiting for a free thread (MAX_CONCURRENT_READS run at once). */
const waiting: (() => void)[] = [];
let running = 0;

async function turn(): Promise<() => void> {
  if (running >= MAX_CONCURRENT_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** Runs one job in a fresh thread; resolves with its answer, or rejects when the thread is stopped or fails. */
async function inThread(job: ReadJob, limits: ReadLimits): Promise<ReadAnswer> {
  const done = await turn();
  try {
    return await new Promise<ReadAnswer>((resolve, reject) => {
      const worker = new Worker(threadEntry(), {
        workerData: job,
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.max(8, Math.min(32, limits.heapMb / 8)) },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(() => settle(() => reject(overLimit(`it took longer than ${duration(limits.timeMs)} to read`, `${duration(limits.timeMs)} of reading`))), limits.timeMs);
      worker.once('message', (answer: ReadAnswer) => settle(() => resolve(answer)));
      worker.once('error', (error: Error & { code?: string }) => settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? overLimit(`it needed more than ${limits.heapMb} MB of memory to read`, `${limits.heapMb} MB`)
        : new Error(`the reader failed: ${error.message}`))));
      worker.once('exit', (code) => settle(() => reject(new Error(`the reader stopped unexpectedly (exit code ${code})`))));
    });
  } finally {
    done();
  }
}

/**
 * Reads a plan from a document's bytes in a worker thread (see readPlanBytes for the formats).
 * @throws PlanFormatError with one line saying why, for a file that holds no plan or is past a limit
 * (limits.ts), took too long or needed too much memory; any other Error is a bug in the importer.
 */
export async function readPlanInWorker(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<Plan> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw overLimit(`the file is ${megabytes(bytes.byteLength)}`, megabytes(MAX_DOCUMENT_BYTES));
  const answer = await inThread({ task: 'plan', bytes, name }, limits);
  if ('plan' in answer) return answer.plan;
  if ('refused' in answer) throw new PlanFormatError(answer.refused);
  throw new Error('bug' in answer ? answer.bug : 'the reader gave no plan');
}

/** One read in a thread with what it cost (for `npm run bench`): the plan's action count or the refusal. */
export async function measureReadInWorker(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<{ result: string; wallMs: number; usage: ReadUsage | null }> {
  const started = performance.now();
  const answer: ReadAnswer = await inThread({ task: 'plan', bytes, name }, limits).catch((error: unknown) => ({ ok: false as const, refused: error instanceof Error ? error.message : String(error) }));
  const result = 'plan' in answer ? `${answer.plan.actions.length} actions` : 'refused' in answer ? answer.refused : 'bug' in answer ? answer.bug : 'no plan';
  return { result, wallMs: performance.now() - started, usage: answer.usage ?? null };
}

/** Whether a chat message's HTML holds a plan table (see hasPlanTable), worked out in a worker thread. */
export async function isPlanTableInWorker(html: string, limits: ReadLimits = READ_LIMITS): Promise<boolean> {
  if (!/<table[\s>]/i.test(html)) return false;
  const answer = await inThread({ task: 'isPlanTable', html }, limits).catch(() => ({ ok: true as const, isPlanTable: true }));
  return 'isPlanTable' in answer ? answer.isPlanTable : false;
}
