// Reading a chat message (the pure readMessage) over every message of the reading corpus, after
// warm-up. Goal: under 2 ms p95 per message.
import { readMessage } from '../src/domain/reading/readMessage.ts';
import { corpus, today, vocabulary } from '../test/domain/reading/corpus.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const warmUpRounds = sized(20, 1);
const timedRounds = sized(20, 2);

/** Times each corpus message on its own, `timedRounds` times over. */
export async function run(): Promise<BenchFigure[]> {
  for (let i = 0; i < warmUpRounds; i += 1) for (const { text } of corpus) readMessage({ text, today, vocabulary });
  const times: number[] = [];
  for (let i = 0; i < timedRounds; i += 1) {
    for (const { text } of corpus) {
      const started = performance.now();
      readMessage({ text, today, vocabulary });
      times.push(performance.now() - started);
    }
  }
  const { median, p95 } = percentiles(times);
  return [
    { key: 'read.messages', label: 'corpus messages read', value: corpus.length, unit: 'messages' },
    { key: 'read.medianMs', label: `read one message, median of ${times.length}`, value: median, unit: 'ms' },
    { key: 'read.p95Ms', label: `read one message, p95 of ${times.length}`, value: p95, unit: 'ms' },
    { key: 'read.maxMs', label: 'read one message, slowest', value: Math.max(...times), unit: 'ms' },
  ];
}
