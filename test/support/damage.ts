// A seeded generator of damaged planning documents: lines shuffled, moved and duplicated, tabs dropped,
// binary junk inserted, lines cut short and the document truncated, as broken PDF extractions are.

import { seededRandom } from '../../src/seededRandom.ts';

export { seededRandom };

type Random = () => number;
const pick = (random: Random, n: number): number => Math.floor(random() * n);

/** Control characters, replacement characters, stray surrogates and bytes read as Latin-1. */
function junk(random: Random): string {
  const length = 1 + pick(random, 24);
  let text = '';
  for (let i = 0; i < length; i++) {
    const kind = pick(random, 5);
    if (kind === 0) text += String.fromCharCode(pick(random, 32));
    else if (kind === 1) text += String.fromCharCode(0x7f + pick(random, 0x21));
    else if (kind === 2) text += ['\uFFFD', '\uD800', '\uDFFF', '\uFEFF', '\u200B', '\u00A0'][pick(random, 6)];
    else if (kind === 3) text += String.fromCharCode(0xa0 + pick(random, 0x60));
    else text += String.fromCharCode(0x21 + pick(random, 0x5e));
  }
  return text;
}

type Damage = (lines: string[], random: Random) => { lines: string[]; what: string };

const damages: Damage[] = [
  (lines, random) => {
    const start = pick(random, lines.length);
    const block = lines.slice(start, start + 2 + pick(random, 10));
    for (let i = block.length - 1; i > 0; i--) {
      const j = pick(random, i + 1);
      [block[i], block[j]] = [block[j] as string, block[i] as string];
    }
    return { lines: [...lines.slice(0, start), ...block, ...lines.slice(start + block.length)], what: `shuffled ${block.length} lines from ${start + 1}` };
  },
  (lines, random) => {
    const start = pick(random, lines.length);
    const block = lines.slice(start, start + 1 + pick(random, 20));
    const rest = [...lines.slice(0, start), ...lines.slice(start + block.length)];
    const to = pick(random, rest.length + 1);
    return { lines: [...rest.slice(0, to), ...block, ...rest.slice(to)], what: `moved ${block.length} lines from ${start + 1}` };
  },
  (lines, random) => {
    const at = pick(random, lines.length);
    const copies = Array.from({ length: 1 + pick(random, 3) }, () => lines[at] ?? '');
    return { lines: [...lines.slice(0, at), ...copies, ...lines.slice(at)], what: `duplicated line ${at + 1}` };
  },
  (lines, random) => {
    const out = lines.map((line) => (line.includes('\t') && random() < 0.15 ? line.replace(random() < 0.5 ? /\t/g : /\t/, random() < 0.5 ? ' ' : '') : line));
    return { lines: out, what: 'dropped tabs' };
  },
  (lines, random) => {
    const out = [...lines];
    for (let n = 1 + pick(random, 8); n > 0; n--) {
      const at = pick(random, out.length);
      const line = out[at] ?? '';
      const pos = pick(random, line.length + 1);
      out[at] = line.slice(0, pos) + junk(random) + line.slice(pos);
    }
    return { lines: out, what: 'inserted junk in lines' };
  },
  (lines, random) => {
    const at = pick(random, lines.length + 1);
    return { lines: [...lines.slice(0, at), junk(random), ...lines.slice(at)], what: `inserted a junk line at ${at + 1}` };
  },
  (lines, random) => {
    const out = [...lines];
    for (let n = 1 + pick(random, 5); n > 0; n--) {
      const at = pick(random, out.length);
      const line = out[at] ?? '';
      out[at] = line.slice(0, pick(random, line.length + 1));
    }
    return { lines: out, what: 'cut lines short' };
  },
];

/** A damaged copy of `text`, and what was done to it (for the test's name when it fails). */
export function damage(text: string, seed: number): { text: string; what: string[] } {
  const random = seededRandom(seed);
  let lines = text.split('\n');
  const what: string[] = [];
  for (let n = 1 + pick(random, 6); n > 0; n--) {
    const done = (damages[pick(random, damages.length)] as Damage)(lines, random);
    lines = done.lines;
    what.push(done.what);
  }
  let damaged = lines.join('\n');
  if (random() < 0.3) {
    const cut = pick(random, damaged.length + 1);
    damaged = damaged.slice(0, cut);
    what.push(`truncated at character ${cut}`);
  }
  return { text: damaged, what };
}
