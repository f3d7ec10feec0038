import { describe, expect, it } from 'vitest';
import { findNames, readName, readNames } from '../../../src/domain/reading/names.ts';

const name = (s: string, codes: string[] = []) => readName(s, codes)?.name ?? null;

describe('naming an action', () => {
  it.each([
    ['PB-14', 'PB-14'], ['pb-14', 'PB-14'], ['#PB-14', 'PB-14'], ['IW-4.1.1/g4', 'IW-4.1.1/g4'], ['iw-4.1.1/G4', 'IW-4.1.1/g4'],
    ['WOR-22/g3', 'WOR-22/g3'], ['GLOS-8i', 'GLOS-8i'], ['BED-7:', 'BED-7'], ['#b801ad', 'b801ad'], ['b801ad', 'b801ad'], ['#B801AD.', 'b801ad'],
  ])('"%s" is the code %s', (text, code) => {
    expect(name(text)).toEqual({ kind: 'code', code });
  });

  it.each([['1.2.3', '1.2.3'], ['2.3', '2.3'], ['6a', '6a'], ['6A', '6a'], ['8 i', '8 i'], ['14', '14'], ['#1.2.3', '1.2.3'], ['1.2.3.', '1.2.3'], ['action 3.8', '3.8']])(
    '"%s" is the reference %s', (text, ref) => {
      expect(name(text)).toEqual({ kind: 'ref', ref });
    });

  it('reads a code without its dash only for plans the person can see', () => {
    expect(name('pb14', ['PB'])).toEqual({ kind: 'code', code: 'PB-14' });
    expect(name('PB 14', ['PB'])).toEqual({ kind: 'code', code: 'PB-14' });
    expect(name('xy14', ['PB'])).toBeNull();
  });

  it.each(['30 June', '3 weeks', '2 days', '1st', '31/07/2027', '2026-Q3', 'SPM-CC', 'deface', 'SMLO', '12 months'])('"%s" names no action', (text) => {
    expect(name(text)).toBeNull();
  });

  it('reads several names joined by commas, "and" and "&", and stops at the first word that is not one', () => {
    expect(readNames('3.1.4 and 3.6.1 are done')).toEqual({ names: [{ kind: 'ref', ref: '3.1.4' }, { kind: 'ref', ref: '3.6.1' }], rest: ' are done' });
    expect(readNames('PB-3, PB-4 & PB-5: waiting').names.map((n) => (n.kind === 'code' ? n.code : n.ref))).toEqual(['PB-3', 'PB-4', 'PB-5']);
    expect(readNames('1.2 and the rest')).toEqual({ names: [{ kind: 'ref', ref: '1.2' }], rest: ' and the rest' });
  });

  it('finds names anywhere in a sentence, but not dates or spans', () => {
    expect(findNames('done 1.2.3 but 1.2.4 is late by 3 weeks, due 30 June')).toEqual([{ kind: 'ref', ref: '1.2.3' }, { kind: 'ref', ref: '1.2.4' }]);
  });
});
