// "chase BED-65", "remind Sam about BED-65", "nudge the owners of PET-6": the commissioner's Chase, typed.
// It sends messages, so the actor always asks first. "remind me about …" is the person's own setting
// (settings.ts) and is never read here.
import type { Intent } from './intent.ts';
import { readNames } from './names.ts';
import { codesOf, type Reading } from './reading.ts';
import { matchPerson, matchRole } from './vocabulary.ts';

const POLITE = /^(?:(?:please|pls|plz|can\s+you|could\s+you|would\s+you|will\s+you|can\s+we|could\s+we)\s+)+/i;
const VERB = /^(?:chase(?:\s+up)?|nudge|ping|poke|prod|hurry(?:\s+up)?|remind|send\s+(?:a\s+)?(?:reminder|nudge|chaser|chase)\s+(?:to|for|about|on|re)|give\s+(?:a\s+)?(?:nudge|reminder|chase|chaser)\s+(?:to|for|about|on))\s+/i;
const GIVE = /^(?:give|send)\s+(.+?)\s+a\s+(?:nudge|reminder|chase|chaser|prod|poke)(?:\s+(?:about|on|for|re|regarding)\s+(.+))?$/i;
const OWNERS = /^(?:the\s+)?(?:owners?|people|person|whoever(?:\s+owns)?|who(?:ever)?\s+(?:owns|holds))\s+(?:of|for|on|behind)?\s*/i;
const ABOUT = /^(.+?)\s+(?:about|on|for|re|regarding|over|to\s+(?:do|finish|update|answer))\s+(.+)$/i;
const TAIL = /^(?:\s+(?:up|now|today|again|please|pls|for\s+me|owners?|'s\s+owners?|s'\s+owners?))*$/i;
const SELF = /^(?:me|myself|i|us)$/i;

/** A chase of one or more named actions, or null. */
export function readChase(r: Reading): Intent | null {
  const text = r.text.replace(POLITE, '');
  const give = GIVE.exec(text);
  const verb = give ? null : VERB.exec(text);
  if (!give && !verb) return null;
  // "give BED-65 a nudge", "give Sam a nudge about BED-65", "chase Sam about BED-65", "chase BED-65".
  let body = give ? (give[2] ? `${give[1]} about ${give[2]}` : give[1] ?? '') : text.slice(verb?.[0].length ?? 0);
  let who: string | undefined;
  body = body.replace(OWNERS, '');
  const direct = readNames(body, codesOf(r));
  if (direct.names.length === 0) {
    const about = ABOUT.exec(body);
    if (!about) return null;
    const written = (about[1] ?? '').replace(OWNERS, '').trim();
    if (SELF.test(written)) return null;
    who = r.mentions.find((m) => m.toLowerCase() === written.toLowerCase()) ?? matchPerson(written, r.vocabulary) ?? matchRole(written.replace(/^the\s+/i, ''), r.vocabulary) ?? written;
    body = (about[2] ?? '').replace(OWNERS, '');
  }
  const { names, rest } = readNames(body.trim(), codesOf(r));
  if (names.length === 0 || !TAIL.test(rest)) return null;
  return { kind: 'chase', names, ...(who ? { who } : {}) };
}
