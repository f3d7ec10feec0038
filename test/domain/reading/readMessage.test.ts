import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src/domain/reading/readMessage.ts';
import { EXAMPLES } from '../../../src/domain/reading/typos.ts';
import { corpus, today, vocabulary } from './corpus.ts';

describe('reading what people type', () => {
  it('the corpus is the size the issue asks for, with no message twice', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(170);
    expect(new Set(corpus.map((c) => c.text)).size).toBe(corpus.length);
  });

  it.each(corpus)('"$text"', ({ text, intent }) => {
    expect(readMessage({ text, today, vocabulary })).toEqual(intent);
  });
});

describe('reading odd input', () => {
  const read = (text: unknown) => readMessage({ text: text as string, today, vocabulary });

  it('a text that is not a string is not understood, and an empty one gets help', () => {
    expect(read(undefined)).toEqual({ kind: 'unknown', suggestions: ["what's overdue?", 'my actions', 'help'] });
    expect(read({ html: 'done' })).toMatchObject({ kind: 'unknown' });
    expect(read('   ')).toEqual({ kind: 'help' });
  });

  it('a reason over 500 characters is refused, however long the message', () => {
    for (const length of [600, 30_000]) {
      const intent = read(`blocked PB-14: ${'the venue is not booked yet '.repeat(Math.ceil(length / 27))}`);
      expect(intent).toMatchObject({ kind: 'invalid-answer', status: 'blocked', names: [{ kind: 'code', code: 'PB-14' }] });
      expect(intent.kind === 'invalid-answer' && intent.problem).toMatch(/^The reason is too long \(.* characters; at most 500\)/);
    }
  });

  it('never throws, whatever the characters', () => {
    const alphabet = ['done', 'blocked', 'delayed', ' ', '1.2', 'PB-', '14', '#', '<at>', '</at>', '<p>', '&amp;', '&#', '?', ':', '–', '✅', 'to', 'by', 'for', 'grid', 'in', 'June', '31/02', 'Sam', "'s", '"', 'x'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const kinds = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const text = Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join('');
      kinds.add(read(text).kind);
    }
    expect([...kinds].every((k) => ['answer', 'invalid-answer', 'list', 'status', 'unknown', 'help', 'summary', 'reopen', 'who', 'more', 'yes', 'no'].includes(k))).toBe(true);
    expect(kinds.size).toBeGreaterThan(3);
  });
});

describe('the bot never suggests a reply it cannot read', () => {
  const read = (text: string) => readMessage({ text, today, vocabulary });

  it.each(EXAMPLES)('the suggested command "%s" reads', (example) => {
    expect(read(example).kind).not.toMatch(/unknown|invalid-answer/);
  });

  it.each(['delay', "I'm blocked", 'delayed 1.2.3 to the 45th', 'blocked PB-14', 'delayed to July', 'delayed 1.1 to 1 June 2020'])(
    'every example in the problem with "%s" reads as an answer',
    (text) => {
      const intent = read(text);
      if (intent.kind !== 'invalid-answer') throw new Error(`"${text}" read as ${intent.kind}`);
      const examples = [...intent.problem.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '').filter((e) => /^(?:delayed|blocked)\s/.test(e));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(read(example)).toMatchObject({ kind: 'answer', status: intent.status });
    },
  );
});
