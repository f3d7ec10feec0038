// "lead role for WOR is JCM": which role's holders commission a plan, set or asked.
import type { Intent } from './intent.ts';
import type { Reading } from './reading.ts';
import { cleanRole, matchPlan, matchRole } from './vocabulary.ts';

const LEAD = String.raw`(?:lead|commissioner(?:'s|s)?|commissioning)\s+role`;
// "set the lead role for WOR to JCM", "lead role of Worcestershire is JCM", "lead role for WOR: JCM".
const SET = new RegExp(String.raw`^(?:(?:please\s+)?(?:set|change|make)\s+)?(?:the\s+)?${LEAD}\s+(?:for|of|in|on)\s+(.+?)\s*(?:\s(?:is|to|becomes?|should\s+be|will\s+be)\s|:|=)\s*(.+)$`, 'i');
// "WOR's lead role is JCM", "Worcestershire lead role: JCM".
const OWNED = new RegExp(String.raw`^(?:(?:set|change)\s+)?(.+?)(?:'s|s')?\s+${LEAD}\s*(?:\s(?:is|to|becomes?|should\s+be)\s|:|=)\s*(.+)$`, 'i');
// "make JCM the lead role for WOR".
const MAKE = new RegExp(String.raw`^make\s+(.+?)\s+the\s+${LEAD}\s+(?:for|of|in|on)\s+(.+)$`, 'i');
// "lead role for WOR?", "what is the lead role of Worcestershire", "what's WOR's lead role".
const ASK = new RegExp(String.raw`^(?:(?:what|which)(?:'s|s|\s+is)?\s+)?(?:the\s+)?(?:${LEAD}\s+(?:for|of|in|on)\s+(.+?)|(.+?)(?:'s|s')\s+${LEAD})$`, 'i');

// "who commissions WOR?", "who is the commissioner for Worcestershire", "who's the lead for PB".
const WHO = /^who(?:'s|s|\s+is)?\s+(?:commissions|runs|leads|(?:the\s+)?(?:lead|commissioner)\s+(?:for|of|in|on))\s+(.+)$/i;

// "lead roles", "what is the lead role of each plan?", "who are the commissioners?": every plan's.
const ALL = new RegExp(String.raw`^(?:(?:what|which)(?:'s|s|\s+is|\s+are)?\s+)?(?:the\s+)?(?:lead\s+roles|${LEAD}(?:\s+(?:of|for|in)\s+(?:each|every|all(?:\s+the)?|my|our)\s+plans?)?)$|^who\s+(?:are|is)\s+(?:the\s+)?(?:commissioners|plan\s+leads)$`, 'i');

/** The plan's code when the phrase names one the person can see, else the words as written. */
function plan(text: string, r: Reading): string {
  const written = text.trim().replace(/^the\s+/i, '');
  return matchPlan(written, r.vocabulary) ?? written;
}

const role = (text: string, r: Reading): string => matchRole(text, r.vocabulary) ?? cleanRole(text);

/** "lead role for WOR is JCM" (set), "lead role for WOR?", "who commissions WOR?" (asked). */
export function readLeadRole(r: Reading): Intent | null {
  if (ALL.test(r.text)) return { kind: 'lead-role', plan: '' };
  const make = MAKE.exec(r.text);
  if (make) return { kind: 'lead-role', plan: plan(make[2] ?? '', r), role: role(make[1] ?? '', r) };
  const set = SET.exec(r.text) ?? OWNED.exec(r.text);
  if (set && !/^(?:what|which|who)\b/i.test(set[1] ?? '')) return { kind: 'lead-role', plan: plan(set[1] ?? '', r), role: role(set[2] ?? '', r) };
  const ask = ASK.exec(r.text) ?? WHO.exec(r.text);
  if (ask) return { kind: 'lead-role', plan: plan(ask[1] ?? ask[2] ?? '', r) };
  return null;
}
