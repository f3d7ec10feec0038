// Text pieces gathered into visual lines, and each line into chunks: runs of text with no wide gap,
// which is what a table cell looks like on one line.
import type { PdfPiece } from './pdfText.ts';

/** A run of text on one line. */
export interface Chunk {
  text: string;
  x: number;
  right: number;
}

/** One visual line: where it sits, its text size, and its chunks left to right. */
export interface PdfLine {
  top: number;
  size: number;
  page: number;
  chunks: Chunk[];
  /** The text pieces as pdf.js gave them: table cells are cut from these, not from chunks that may run across a narrow gap. */
  pieces: Chunk[];
  text: string;
}

/** Pieces on the same baseline (within a fifth of the text size) make one line. */
export function linesOf(pieces: PdfPiece[]): PdfLine[] {
  const sorted = [...pieces].sort((a, b) => a.top - b.top || a.x - b.x);
  const lines: PdfPiece[][] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line !== undefined && first !== undefined && Math.abs(first.top - piece.top) <= Math.max(1.5, first.size / 5)) line.push(piece);
    else lines.push([piece]);
  }
  return lines.map((line) => {
    const ordered = line.sort((a, b) => a.x - b.x);
    const size = Math.max(...ordered.map((p) => p.size));
    const chunks: Chunk[] = [];
    for (const piece of ordered) {
      const last = chunks.at(-1);
      // A gap wider than about two spaces separates cells.
      if (last !== undefined && piece.x - last.right < size * 0.6) {
        last.text += piece.x - last.right > size * 0.15 && !last.text.endsWith(' ') ? ` ${piece.text}` : piece.text;
        last.right = Math.max(last.right, piece.right);
      } else chunks.push({ text: piece.text, x: piece.x, right: piece.right });
    }
    for (const chunk of chunks) chunk.text = chunk.text.replace(/\s+/g, ' ').trim();
    const pieces = ordered.map((p) => ({ text: p.text.replace(/\s+/g, ' ').trim(), x: p.x, right: p.right }));
    return { top: ordered[0]?.top ?? 0, size, page: ordered[0]?.page ?? 0, chunks, pieces, text: chunks.map((c) => c.text).join(' ') };
  });
}

/** Rough advance widths (in ems) of a proportional font, so a cut inside one text piece lands near the right word. */
export function charWidth(char: string): number {
  if (char === ' ' || /[il.,:;'|!]/.test(char)) return 0.28;
  if (/[jftr()-]/.test(char)) return 0.34;
  if (/[mw]/.test(char)) return 0.83;
  if (/[MW]/.test(char)) return 0.9;
  if (/[A-Z]/.test(char)) return 0.68;
  return 0.53;
}

/**
 * Cuts a chunk that runs over a column edge ("2.1 Finalise … review April 09" across two cells) at the
 * space nearest the edge, placing characters by their usual widths.
 */
export function splitAt(chunk: Chunk, edge: number): [Chunk, Chunk] | null {
  if (!(chunk.x < edge - 1 && chunk.right > edge + 1)) return null;
  const widths = [...chunk.text].map(charWidth);
  const scale = (chunk.right - chunk.x) / widths.reduce((sum, w) => sum + w, 0);
  const starts: number[] = [];
  let at = chunk.x;
  for (const w of widths) {
    starts.push(at);
    at += w * scale;
  }
  // The space whose following word starts closest to the edge.
  let cut = -1;
  let best = Infinity;
  [...chunk.text].forEach((char, i) => {
    if (char !== ' ' || i === 0) return;
    const distance = Math.abs((starts[i + 1] ?? chunk.right) - edge);
    if (distance < best) {
      best = distance;
      cut = i;
    }
  });
  if (cut <= 0) return null;
  return [
    { text: chunk.text.slice(0, cut).trim(), x: chunk.x, right: starts[cut] ?? edge },
    { text: chunk.text.slice(cut + 1).trim(), x: starts[cut + 1] ?? edge, right: chunk.right },
  ];
}
