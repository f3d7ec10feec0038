import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src/domain/reading/readMessage.ts';
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
