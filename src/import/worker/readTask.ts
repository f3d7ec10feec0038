// The reading thread: reads one document (or checks one pasted message's HTML) and posts the answer.
// Runs only inside the worker readInWorker.ts starts, with a capped heap; a refusal is an answer, not a crash.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { hasPlanTable } from '../pastedTable.ts';
import { PlanFormatError } from '../planFormatError.ts';
import { readPlanBytes } from '../readPlanBytes.ts';
import type { ReadAnswer, ReadJob } from './readJob.ts';

async function answer(job: ReadJob): Promise<ReadAnswer> {
  try {
    if (job.task === 'isPlanTable') return { ok: true, isPlanTable: hasPlanTable(job.html) };
    return { ok: true, plan: await readPlanBytes(job.bytes, job.name) };
  } catch (error) {
    // Pasted HTML past a limit is taken for a plan table, so reading it gives the person the refusal.
    if (error instanceof PlanFormatError) return job.task === 'isPlanTable' ? { ok: true, isPlanTable: true } : { ok: false, refused: error.message };
    return { ok: false, bug: error instanceof Error ? error.message : String(error) };
  }
}

const started = performance.now();
const answered = await answer(workerData as ReadJob);
const usage = { readMs: performance.now() - started, heapMb: getHeapStatistics().total_heap_size / 1024 / 1024 };
parentPort?.postMessage({ ...answered, usage });
