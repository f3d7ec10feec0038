// The bot's own memory, for benches that run it as its own process (local mode only: the local chat
// serves this, and it starts only in local mode). A full garbage collection on request gives the heap
// the live data really needs, without starting Node with --expose-gc.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';

const MB = 2 ** 20;

/** What the process holds, in MB (one decimal). */
export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** True when a full garbage collection ran just before. */
  afterGc: boolean;
}

let collect: (() => void) | null = null;

/** V8's full collection, exposed once on first use (the flag only adds the `gc` global to new contexts). */
function fullGc(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** The process's memory now, after a full garbage collection when `gc`. */
export function memoryFigures(gc: boolean): MemoryFigures {
  if (gc) fullGc();
  const m = process.memoryUsage();
  const mb = (n: number): number => Math.round((n / MB) * 10) / 10;
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), afterGc: gc };
}

/** Writes a heap snapshot to the temporary folder (for Chrome DevTools' Memory tab); returns its path. */
export function heapSnapshot(): string {
  return writeHeapSnapshot(path.join(tmpdir(), `actionbot-${process.pid}-${Date.now()}.heapsnapshot`));
}
