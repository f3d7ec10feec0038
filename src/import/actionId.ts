// Action ids must survive re-importing the same plan, so they come from what the row says,
// never from its position or a random source.

const encoder = new TextEncoder();

/** 32-bit FNV-1a of `text`, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A short stable id from the plan, grid, reference and text (case and spacing ignored). */
export function actionId(planId: string, grid: number, ref: string | null, text: string): string {
  const normalised = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return fnv1a(`${planId}|${grid}|${ref ?? ''}|${normalised}`);
}
