// Progress notes: "update on BED-14: met the provider, spec agreed", "progress on 1.2.3 - draft sent",
// "note for PB-14: …", "BED-14 update: …". A note changes no status; the words after the name are kept
// as written. The name alone ("update on BED-14") is a question about it, read elsewhere as status.
import type { Intent } from './intent.ts';
import { readName } from './names.ts';
import { codesOf, type Reading } from './reading.ts';

const MAX_NOTE = 500;
const LEAD = /^(?:(?:please\s+)?(?:add|put|leave|record|log)\s+(?:a\s+|an\s+|this\s+)?(?:note|update|comment)\s+(?:to|on|for|against)|(?:an?\s+|quick\s+|small\s+|brief\s+)*(?:progress\s+)?(?:update|progress|note|comment|news)\s+(?:on|for|about|re|to|against|from)|(?:note|update)\s*:)\s*/i;
// "BED-14 update: …", "BED-14 – progress: …".
const AFTER = /^\s*[-–:,]?\s*(?:progress\s+)?(?:update|progress|note)\s*[:\-–]\s*/i;
const SEPARATOR = /^\s*(?:[:\-–,]\s*|\s+(?:is|:)\s+)/;

/** A note, a note with nothing to keep, or null when the message is not a note. */
export function readNote(r: Reading): Intent | null {
  // "update on BED-14: is it done?" asks.
  if (r.asked) return null;
  const codes = codesOf(r);
  const lead = LEAD.exec(r.text);
  let name: ReturnType<typeof readName>;
  let rest: string;
  if (lead) {
    const after = r.text.slice(lead[0].length);
    name = readName(after, codes);
    if (!name) return null;
    rest = after.slice(name.length);
    // "update on BED-14" alone asks for its status.
    if (rest.trim() === '') return /^(?:add|put|leave|record|log)\b/i.test(lead[0]) || /^note/i.test(lead[0])
      ? { kind: 'invalid-note', name: name.name, problem: `What is the note? For example "note for ${nameOf(name.name)}: met the provider, spec agreed".` } : null;
    const sep = SEPARATOR.exec(rest);
    if (!sep) return null;
    rest = rest.slice(sep[0].length);
  } else {
    name = readName(r.text, codes);
    if (!name) return null;
    const after = AFTER.exec(r.text.slice(name.length));
    if (!after) return null;
    rest = r.text.slice(name.length + after[0].length);
  }
  const note = rest.trim();
  if (note === '') return { kind: 'invalid-note', name: name.name, problem: `What is the note? For example "note for ${nameOf(name.name)}: met the provider, spec agreed".` };
  if (note.length > MAX_NOTE) return { kind: 'invalid-note', name: name.name, problem: `The note is too long (${note.length >= 900 ? 'about 1,000 or more' : note.length} characters; at most ${MAX_NOTE}). Shorten it and send it again.` };
  return { kind: 'note', name: name.name, note };
}

const nameOf = (n: { kind: 'code'; code: string } | { kind: 'ref'; ref: string }): string => (n.kind === 'code' ? n.code : n.ref);
