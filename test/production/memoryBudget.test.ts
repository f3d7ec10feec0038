// The sizing rule the README gives, checked against what ships: the container's memory (infra/main.bicep)
// holds the bot's heap cap (the Dockerfile's command), its code and buffers, and every plan file that may
// be read at once at its limit. Raising the heap cap, the reading thread's heap or the reads at once past
// the container fails here, not in production with an out-of-memory kill mid-sweep.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_READS, READ_LIMITS } from '../../src/import/limits.ts';

const read = (file: string): string => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
/** Code, buffers and stacks beside the heap (measured: peak RSS about 500 MB with the heap capped at 512 MB). */
const BESIDE_HEAP_MB = 128;
/** A reading thread beside its heap: its young generation (at most 32 MB) and its code. */
const BESIDE_READ_MB = 32;

describe('the memory budget', () => {
  it('the heap cap, its overhead and every read at once at its limit fit the container', () => {
    const heapCap = Number(/^CMD .*--max-old-space-size=(\d+)/m.exec(read('Dockerfile'))?.[1]);
    const container = /memory: '(\d+)Gi'/.exec(read('infra/main.bicep'))?.[1];
    expect(heapCap).toBeGreaterThan(0);
    expect(container).toBeDefined();
    const budget = heapCap + BESIDE_HEAP_MB + MAX_CONCURRENT_READS * (READ_LIMITS.heapMb + BESIDE_READ_MB);
    expect(budget).toBeLessThanOrEqual(Number(container) * 1024);
  });
});
