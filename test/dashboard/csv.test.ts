// The CSV a commissioner opens in Excel for the board papers: every cell survives intact, and nothing
// from a plan or a person can run as a formula.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/dashboard/csv.ts';

describe('a CSV cell', () => {
  it('is quoted, with quotes doubled, so commas, quotes and line breaks stay in one cell', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('Review "housing", then\nreport')).toBe('"Review ""housing"", then\nreport"');
  });

  it('keeps numbers as numbers and leaves empty cells empty', () => {
    expect(csvCell(28)).toBe('"28"');
    expect(csvCell(null)).toBe('""');
  });

  it.each(['=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'])(
    'defuses %j with a leading apostrophe so a spreadsheet shows it as text',
    (value) => {
      expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
    },
  );

  it('leaves a formula character alone when it is not first', () => {
    expect(csvCell('Cost = £3,000')).toBe('"Cost = £3,000"');
  });
});

describe('a CSV document', () => {
  it('starts with a BOM for Excel, has a header row, and ends every line with CRLF', () => {
    const text = toCsv(['Ref', 'Action'], [['1.1', 'Agree, then sign'], ['1.2', null]]);
    expect(text.startsWith('\uFEFF"Ref","Action"\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['"Ref","Action"', '"1.1","Agree, then sign"', '"1.2",""', '']);
  });
});
