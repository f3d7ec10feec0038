// Peak memory over a stretch of a bench: sampled, because process.resourceUsage().maxRSS covers the
// whole process, including the sections that ran before.

/** A running watch; `stop` gives the peaks in MB. */
export interface MemoryWatch {
  stop(): { rssMb: number; heapUsedMb: number };
}

/** Samples RSS and heap used every `intervalMs` until stopped. */
export function watchMemory(intervalMs = 100): MemoryWatch {
  let rss = 0;
  let heapUsed = 0;
  const sample = (): void => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heapUsed = Math.max(heapUsed, now.heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) };
    },
  };
}
