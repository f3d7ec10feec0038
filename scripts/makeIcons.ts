// Draws the Teams app icons with no image library: a white tick on a teal tile (color.png, 192×192)
// and the same tick in white on transparent (outline.png, 32×32). Run: node --import tsx scripts/makeIcons.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of `size`×`size`; `pixel` gives [r, g, b, a] for each pixel centre in 0..1 coordinates. */
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel((x + 0.5) / size, (y + 0.5) / size), row + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function distanceToSegment(px: number, py: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const [dx, dy] = [(bx ?? 0) - (ax ?? 0), (by ?? 0) - (ay ?? 0)];
  const t = Math.max(0, Math.min(1, ((px - (ax ?? 0)) * dx + (py - (ay ?? 0)) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ((ax ?? 0) + t * dx), py - ((ay ?? 0) + t * dy));
}

const tick = [[0.26, 0.52], [0.43, 0.69], [0.76, 0.33]];

/** How much of a pixel the tick covers (0..1), softened over one pixel at the edge. */
function tickCoverage(x: number, y: number, size: number, width: number): number {
  const d = Math.min(distanceToSegment(x, y, tick[0]!, tick[1]!), distanceToSegment(x, y, tick[1]!, tick[2]!));
  return Math.max(0, Math.min(1, (width / 2 - d) * size + 0.5));
}

const teal: [number, number, number] = [0x1f, 0x7a, 0x6d];

const color = png(192, (x, y) => {
  const c = tickCoverage(x, y, 192, 0.11);
  const mix = (bg: number): number => Math.round(bg + (255 - bg) * c);
  return [mix(teal[0]), mix(teal[1]), mix(teal[2]), 255];
});
const outline = png(32, (x, y) => [255, 255, 255, Math.round(255 * tickCoverage(x, y, 32, 0.14))]);

const out = new URL('../manifest/', import.meta.url);
writeFileSync(new URL('color.png', out), color);
writeFileSync(new URL('outline.png', out), outline);
process.stdout.write(`wrote manifest/color.png (${color.length} bytes) and manifest/outline.png (${outline.length} bytes)\n`);
