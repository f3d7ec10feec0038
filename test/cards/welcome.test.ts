// Issue 18 sharp edges: a person whose Teams activity carries no display name is not greeted "Hello
// someone", and the welcome card's commands are lines of their own (no narrow FactSet column that wraps
// a code mid-word at Teams' narrow width).
import { describe, expect, it } from 'vitest';
import { helpCard } from '../../src/bot/commands/index.ts';
import { UNNAMED } from '../../src/bot/personRecord.ts';

const texts = (card: unknown): string[] => {
  const found: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') found.push(value);
    return value;
  });
  return found;
};

describe('the welcome card', () => {
  it('greets by name, or without one when Teams sent none', () => {
    expect(texts(helpCard('Jane Smith'))[0]).toBe('Hello Jane Smith, I am actionbot');
    expect(texts(helpCard(UNNAMED))[0]).toBe('Hello, I am actionbot');
    expect(JSON.stringify(helpCard(UNNAMED))).not.toMatch(/someone/i);
  });

  it('shows each command on a line of its own, not in a FactSet column', () => {
    const card = helpCard('Jane Smith');
    expect(JSON.stringify(card)).not.toContain('FactSet');
    expect(texts(card)).toContain('done BED-14');
  });
});
