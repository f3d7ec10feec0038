import { describe, expect, it } from 'vitest';
import { readableDates } from '../../src/cards/format.ts';
import { escapeMarkdown } from '../../src/cards/markdown.ts';

describe('words shown in a card TextBlock', () => {
  it.each([
    ['[Sign in to see why](https://example.com/login)', '\\[Sign in to see why\\](https://example.com/login)'],
    ['**urgent** and _late_', '\\*\\*urgent\\*\\* and \\_late\\_'],
    ['`code` <https://x.example>', '\\`code\\` \\<https://x.example\\>'],
    ['- first\n2. second\n# third', '\\- first\n2\\. second\n\\# third'],
    ['1.2.3 stays, -5 days stays, (BED) stays', '1.2.3 stays, -5 days stays, (BED) stays'],
    ['a \\ backslash', 'a \\\\ backslash'],
  ])('%j is escaped as %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('dates in text people read', () => {
  it('an ISO date becomes a weekday and a date; a number that is not a date is left', () => {
    expect(readableDates('already done on 2008-11-24 by Jane; delayed to 2009-01-31')).toBe('already done on Mon 24 Nov 2008 by Jane; delayed to Sat 31 Jan 2009');
    expect(readableDates('ref 2008-13-45')).toBe('ref 2008-13-45');
  });
});
