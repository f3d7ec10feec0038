// Azure forbids '/', '\\', '#', '?' and control characters in PartitionKey and RowKey. Keys are escaped
// reversibly with '~XX' (not '%', which some Azure operations mis-handle in URLs); '|' is escaped too,
// so it can join parts of a compound key without ambiguity.
import { createHash } from 'node:crypto';

const FORBIDDEN_PRINTABLE = '/\\#?~|';

function isForbidden(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || FORBIDDEN_PRINTABLE.includes(String.fromCharCode(code));
}

const MAX_KEY_CHARS = 1024;

/** `value` made safe for a PartitionKey or RowKey; `keyToText` reverses it. */
export function textToKey(value: string): string {
  let key = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    key += isForbidden(code) ? `~${code.toString(16).padStart(2, '0').toUpperCase()}` : c;
  }
  if (key.length > MAX_KEY_CHARS) throw new Error(`Key too long for Azure Table storage (${key.length} > ${MAX_KEY_CHARS} chars): ${value.slice(0, 60)}…`);
  return key;
}

/** The text a key was made from. */
export function keyToText(key: string): string {
  return key.replace(/~([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Several texts joined into one key with '|' (each part escaped). */
export function compoundKey(...parts: string[]): string {
  const key = parts.map(textToKey).join('|');
  if (key.length > MAX_KEY_CHARS) throw new Error(`Key too long for Azure Table storage (${key.length} > ${MAX_KEY_CHARS} chars)`);
  return key;
}

/** Role names compare without case or extra spaces: "SMLO", "smlo " and "Smlo" are one role. */
export function normaliseRole(role: string): string {
  return role.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A stable bucket number in [0, buckets) for an id. Azurite's write cost grows with the size of the
 * partition written to (see dueIndex.ts), so big plans spread their actions over several partitions.
 */
export function bucketOf(id: string, buckets: number): number {
  if (buckets <= 1) return 0;
  return createHash('sha1').update(id).digest().readUInt32BE(0) % buckets;
}

/** The least string greater than every key that starts with `prefix`: for "starts with" range filters. */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
