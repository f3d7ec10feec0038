// Typo tolerance for the words of questions and commands ("whats ovrdue", "summery", "blokced"), and
// the closest commands for a message that is neither a question nor an answer.
import { closestWord, editDistance } from './fuzzy.ts';
import { MONTH_NAMES } from './dates.ts';

// The words readers look for. A typo is corrected only to one of these, and only when one is closest.
const KEYWORDS = [
  'overdue', 'blocked', 'delayed', 'done', 'finished', 'completed', 'postponed', 'summary', 'overview', 'dashboard', 'status',
  'roles', 'assign', 'unassign', 'reopen', 'remind', 'reminders', 'snooze', 'pause', 'resume', 'leave', 'report', 'help', 'undo',
  'actions', 'happening', 'settings', 'merge', 'covers', 'whats', 'what', 'which', 'show', 'mine', 'owner', 'grid',
  'today', 'tomorrow', 'week', 'month', 'next', 'this', 'soon', 'due', 'daily', 'weekly', 'until', 'because', 'import',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'nobody', 'holds', 'unheld', 'delay', 'stuck',
  'attention', 'anything', 'chase', 'nudge', 'escalations', 'urgent', 'holiday',
  ...MONTH_NAMES,
];
const KNOWN = new Set(KEYWORDS);

/**
 * The text with each word that is near one keyword replaced by it (case kept lower). Words of the plans,
 * people and roles the person can see are left alone, as are numbers and names of actions.
 */
export function correctTypos(text: string, keep: ReadonlySet<string>): string {
  const seen = new Map<string, string>();
  return text.replace(/[A-Za-z']+/g, (word) => {
    const lower = word.toLowerCase();
    if (KNOWN.has(lower) || keep.has(lower) || lower.length < 4) return word;
    const corrected = seen.get(lower) ?? closestWord(lower.replace(/'/g, ''), KEYWORDS) ?? word;
    seen.set(lower, corrected);
    return corrected;
  });
}

/** Commands people can copy, shown when a message is not understood (closest first). */
export const EXAMPLES = [
  "what's overdue?", 'my actions', "what's due this week?", "what's blocked?", 'summary', 'status PB-14', 'done PB-14',
  'delayed PB-14 to 30 June because …', 'blocked PB-14: waiting for …', 'roles', 'who is SMLO?', 'assign SMLO to Sam Patel',
  'undo', 'reopen PB-14', 'remind me weekly on Monday', 'pause reminders until 4 Jan', 'snooze PB-14 for a week', 'more', 'help',
  'report', 'my settings',
];

// Words of each example that matter for closeness ("what's" and "…" do not).
const exampleWords = (example: string): string[] =>
  example.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter((w) => w.length > 2 && !['what', 'whats', 'pb', 'sam', 'patel'].includes(w));
const EXAMPLE_WORDS = EXAMPLES.map(exampleWords);

// Commands about one action whose first word may be mistyped while the rest is right ("dun IW-1.2.2").
const LEADING_VERBS = ['done', 'delayed', 'blocked', 'status', 'reopen'];

/** The message with its mistyped first word corrected, when that word is near one command word. */
function correctedCommand(text: string): string | null {
  // The rest must name an action (a code or a reference has a digit), or the guess is only a guess.
  const match = /^\s*([A-Za-z]{3,})\s+(\S.*\d.*)$/s.exec(text);
  if (!match) return null;
  const first = (match[1] ?? '').toLowerCase();
  if (LEADING_VERBS.includes(first)) return null;
  const near = LEADING_VERBS.map((verb) => ({ verb, d: editDistance(first, verb, 2) })).filter((c) => c.d <= Math.min(2, first.length - 1));
  const best = near.sort((a, b) => a.d - b.d)[0];
  if (!best || near.filter((c) => c.d === best.d).length > 1) return null;
  return `${best.verb} ${(match[2] ?? '').trim()}`;
}

/** Up to three commands closest to `text`: the message itself with its first word corrected where that
 *  reads ("dun IW-1.2.2" → "done IW-1.2.2"), then by the nearest word each command shares with it. */
export function suggest(text: string): string[] {
  const fixed = correctedCommand(text);
  const rest = suggestCommands(text).filter((s) => s !== fixed);
  return fixed ? [fixed, ...rest].slice(0, 3) : rest;
}

function suggestCommands(text: string): string[] {
  // The first words say what a message is about; a long one is not compared word by word.
  const words = [...new Set(text.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter((w) => w.length > 2))].slice(0, 12);
  const scored = EXAMPLES.map((example, i) => {
    let best = 0;
    for (const w of words) {
      for (const e of EXAMPLE_WORDS[i] ?? []) {
        const d = editDistance(w, e, 3);
        best = Math.max(best, d > 3 ? 0 : 1 - d / Math.max(w.length, e.length));
      }
    }
    return { example, score: best, i };
  });
  const close = scored.filter((s) => s.score >= 0.7).sort((a, b) => b.score - a.score || a.i - b.i);
  return close.length > 0 ? close.slice(0, 3).map((s) => s.example) : ["what's overdue?", 'my actions', 'help'];
}
