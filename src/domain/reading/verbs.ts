// The words that say what happened to an action. A clear verb ("done", "delayed", "blocked") can be
// acted on when it names actions; a loose one ("sorted", "stuck on", "can't do") is a guess to confirm.
import type { AnswerStatus } from './intent.ts';

/** A verb found at the start of a message. `status` null is "mark … as done". */
export interface Verb {
  status: AnswerStatus | null;
  clear: boolean;
  length: number;
  /** Words the reason keeps ("waiting for" in "waiting for sign-off"). */
  keep?: string;
}

const CANT = String.raw`(?:can'?t|cannot|can\s+not|unable\s+to|couldn'?t)\s+(?:do|progress|complete|finish|deliver|start|move)`;
const VERBS: [RegExp, AnswerStatus | null, boolean][] = [
  [/^(?:mark(?:ed)?|set)(?=\s)/i, null, true],
  [/^(?:done|completed?|finished|closed)\b/i, 'done', true],
  [/^(?:sorted|tick(?:ed)?\s+off|signed\s+off|delivered|achieved|all\s+done|fully\s+done|complete\s+now|close)\b/i, 'done', false],
  [/^(?:delayed|delay|postponed?|deferred?|defer|rescheduled?|push(?:ed|ing)?(?:\s+back)?|mov(?:e|ed|ing)(?:\s+back)?)\b/i, 'delayed', true],
  [/^(?:slipped|slipping|slip|put\s+back|put\s+off|extended|extend|running\s+late|(?:will\s+be|is\s+going\s+to\s+be|going\s+to\s+be|is)\s+(?:running\s+)?late)\b/i, 'delayed', false],
  [/^(?:blocked|block)\b/i, 'blocked', true],
  [new RegExp(String.raw`^(?:stuck(?:\s+on)?|on\s+hold|${CANT})(?![a-z])`, 'i'), 'blocked', false],
];
const WAITING = /^(?:waiting\s+(?:for|on)|awaiting)(?![a-z])/i;

/** The answer verb at the start of `s`, or null. */
export function verbAt(s: string): Verb | null {
  for (const [pattern, status, clear] of VERBS) {
    const m = pattern.exec(s);
    if (m) return { status, clear, length: m[0].length };
  }
  const waiting = WAITING.exec(s);
  return waiting ? { status: 'blocked', clear: false, length: waiting[0].length, keep: waiting[0] } : null;
}
