import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../../src/domain/reading/fuzzy.ts';
import { correctTypos, suggest } from '../../../src/domain/reading/typos.ts';

describe('typo tolerance', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('blokced', 'blocked')).toBe(1);
    expect(editDistance('ovrdue', 'overdue')).toBe(1);
    expect(editDistance('summery', 'summary')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
  });

  it('corrects only to a keyword that is closest on its own, never short words or vocabulary', () => {
    expect(closestWord('summery', ['summary', 'status'])).toBe('summary');
    expect(closestWord('dne', ['done'])).toBeNull();
    expect(correctTypos('whats ovrdue in Bedforshire', new Set(['bedfordshire']))).toBe('whats overdue in Bedforshire');
    expect(correctTypos('overdue for Sam Patle', new Set(['sam', 'patel']))).toBe('overdue for Sam Patle');
  });

  it('suggests the closest commands for a message it cannot read', () => {
    expect(suggest('summery plz')).toEqual(['summary']);
    expect(suggest('the weather')).toEqual(["what's overdue?", 'my actions', 'help']);
  });
});
