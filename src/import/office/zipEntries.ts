// The parts of a zip (Word and Excel files), read from its central directory, and inflated with a
// running count so a zip bomb is refused before it is unpacked past the caps in limits.ts: the sizes
// the zip declares are checked first, and since a zip can lie about them, inflating stops at the cap.
import { inflateRawSync } from 'node:zlib';
import { MAX_UNZIPPED_PART_BYTES, MAX_UNZIPPED_TOTAL_BYTES, megabytes, overLimit } from '../limits.ts';
import { PlanFormatError } from '../planFormatError.ts';

/** One part of a zip as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The unzipped size the zip declares (not trusted: inflating counts the real one). */
  declaredSize: number;
  localHeader: number;
}

const damaged = (why: string): PlanFormatError => new PlanFormatError(`damaged office file (${why})`);

/** The entries of the zip in `bytes`. @throws PlanFormatError for a damaged, encrypted or zip64 file. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no zip directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged('bad zip directory entry');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localHeader: view.getUint32(at + 42, true),
    };
    if ((flags & 1) !== 0) throw new PlanFormatError('the file is password-protected');
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localHeader === 0xffffffff) throw damaged('zip64 parts are not read');
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Running totals while parts are unzipped: each part, and all of them together, stay under the caps. */
export class UnzipBudget {
  private total = 0;

  /** Refuses a part (or the set) whose declared size is already past a cap, before any inflating. */
  checkDeclared(entries: ZipEntry[]): void {
    for (const entry of entries) {
      if (entry.declaredSize > MAX_UNZIPPED_PART_BYTES) throw partTooLarge(entry.name);
    }
    const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
    if (declared > MAX_UNZIPPED_TOTAL_BYTES) throw totalTooLarge();
  }

  /** The part's bytes, inflated until done or until a cap is passed (then refused, the rest never inflated). */
  inflate(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const local = entry.localHeader;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged(`bad header for ${entry.name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw damaged(`${entry.name} is cut short`);
    const room = Math.min(MAX_UNZIPPED_PART_BYTES, MAX_UNZIPPED_TOTAL_BYTES - this.total);
    const tooLarge = (): PlanFormatError => (room === MAX_UNZIPPED_PART_BYTES ? partTooLarge(entry.name) : totalTooLarge());
    let part: Uint8Array;
    if (entry.method === 0) part = data;
    else if (entry.method === 8) {
      try {
        // zlib stops (and throws) once the output would pass maxOutputLength: nothing past the cap is inflated.
        part = inflateRawSync(data, { maxOutputLength: room + 1 });
      } catch (error) {
        if (error instanceof RangeError) throw tooLarge();
        throw damaged(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else throw damaged(`${entry.name} is packed with method ${entry.method}`);
    if (part.length > room) throw tooLarge();
    this.total += part.length;
    return part;
  }
}

function partTooLarge(name: string): PlanFormatError {
  return overLimit(`its part ${name} unzips to more than ${megabytes(MAX_UNZIPPED_PART_BYTES)}`, `${megabytes(MAX_UNZIPPED_PART_BYTES)} per part`);
}

function totalTooLarge(): PlanFormatError {
  return overLimit(`it unzips to more than ${megabytes(MAX_UNZIPPED_TOTAL_BYTES)}`, `${megabytes(MAX_UNZIPPED_TOTAL_BYTES)} unzipped`);
}

/**
 * Unzips every part of the file with the caps, keeping nothing but what `look` learns from each part:
 * a zip another library will open is known to fit first.
 */
export function checkUnzips(bytes: Uint8Array, look: (name: string, part: Uint8Array) => void = () => undefined): void {
  const entries = zipEntries(bytes);
  const budget = new UnzipBudget();
  budget.checkDeclared(entries);
  for (const entry of entries) look(entry.name, budget.inflate(bytes, entry));
}
