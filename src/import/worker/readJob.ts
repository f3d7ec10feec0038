// What the reading thread is asked and what it answers (plain data: it crosses threads by structured clone).
import type { Plan } from '../../domain/plan.ts';

/** One job for the reading thread. */
export type ReadJob =
  | { task: 'plan'; bytes: Uint8Array; name: string }
  | { task: 'isPlanTable'; html: string };

/** What the read cost inside the thread: its time, and the thread's heap when it ended (the heap grows to its peak and stays). */
export interface ReadUsage {
  readMs: number;
  heapMb: number;
}

/** Its answer: a plan or a yes/no, a refusal in the person's words, or a bug in the importer. */
export type ReadAnswer = (
  | { ok: true; plan: Plan }
  | { ok: true; isPlanTable: boolean }
  | { ok: false; refused: string }
  | { ok: false; bug: string }
) & { usage?: ReadUsage };
