// Questions about people rather than plans: what needs the asker's attention ("what needs my attention
// today?"), what a person did ("what did Sam do this week?": the changes they made, never their due
// list), and who is on leave ("who's off this week?", never a role "off this week").
import { Words } from './filters.ts';
import type { Intent, Question } from './intent.ts';
import { readScope, takeSince } from './questionParts.ts';
import type { Reading } from './reading.ts';
import { matchPerson, matchPlan, matchRole } from './vocabulary.ts';

const ask = (question: Question): Intent => ({ kind: 'question', question });
const WHEN = String.raw`(?:\s+(?:today|now|right\s+now|this\s+morning|this\s+afternoon|this\s+week|at\s+the\s+moment|first|currently|urgently))*`;
const LOOK = String.raw`(?:look\s+at|looking\s+at|worry\s+about|be\s+worried\s+about|focus\s+on|know\s+about|deal\s+with|chase|be\s+chasing|prioriti[sz]e|pick\s+up|be\s+aware\s+of|do\s+something\s+about)`;
const ATTENTION = new RegExp(String.raw`^(?:(?:what|which\s+actions?|anything|is\s+there\s+anything|what(?:'s|s|\s+is)|is\s+anything|does\s+anything|has\s+anything)\s+(?:that\s+)?(?:(?:needs?|requires?|wants?|deserves?)\s+(?:my\s+|our\s+|your\s+|urgent\s+|immediate\s+)*(?:attention|attending\s+to|looking\s+at|action|chasing)|(?:should|do|must|shall)\s+(?:i|we)\s+(?:need\s+to\s+)?${LOOK}|(?:i|we)\s+(?:should|need\s+to|must|ought\s+to|have\s+to)\s+${LOOK}|(?:urgent|pressing|important|on\s+fire|escalated|burning)|for\s+me\s+to\s+${LOOK}|my\s+priorit(?:y|ies)|on\s+my\s+radar|(?:are\s+)?my\s+escalations)|(?:my\s+)?escalations|(?:any|show\s+me\s+(?:my\s+)?|what\s+are\s+(?:my|the))\s+escalations|(?:what\s+are\s+)?my\s+priorit(?:y|ies)|(?:any\s+)?red\s+flags|needs\s+my\s+attention|needing\s+my\s+attention)${WHEN}$`, 'i');

/** "what needs my attention today?", "anything I should look at?", "my escalations". */
export function readAttention(text: string): Intent | null {
  return ATTENTION.test(text) ? ask({ ask: 'attention', filter: {} }) : null;
}

const AWAY = String.raw`(?:on\s+(?:annual\s+|sick\s+|study\s+|parental\s+|maternity\s+|paternity\s+)?(?:leave|leve|leav|lave|holidays?|holliday|hoilday|vacation|a\s+break)|away|off(?:\s+(?:work|sick))?|out\s+of\s+(?:the\s+)?office|ooo|not\s+(?:around|in|working)|absent|unavailable)`;
const LEAVE = new RegExp(String.raw`^(?:(?:who(?:'s|\s+is|\s+are|s)|is\s+any(?:one|body)|are\s+any|any(?:one|body)|who\s+else\s+is|which\s+people\s+are|who(?:'s|\s+is)\s+currently)\s+(?:currently\s+|still\s+)?${AWAY}|(?:people|staff|colleagues|owners)\s+(?:who\s+are\s+)?${AWAY}|who(?:'s|\s+is)\s+not\s+(?:here|about))(?![a-z])`, 'i');
const LEAVE_WHEN = /\b(?:today|now|right\s+now|this\s+week|at\s+the\s+moment|currently|at\s+present|just\s+now)\b/gi;

/** "who's on leave?", "who is away?", "who's off this week?", "anyone on leave in Bedfordshire?". */
export function readLeave(text: string, r: Reading): Intent | null {
  const m = LEAVE.exec(text);
  if (!m) return null;
  const scope = readScope(text.slice(m[0].length).replace(LEAVE_WHEN, ' '), r);
  if (!scope || scope.list || scope.period || Object.keys(scope.filter).some((k) => k !== 'plan')) return null;
  return ask({ ask: 'leave', filter: scope.filter });
}

const DID = String.raw`(?:do|done|did|change|changed|update|updated|answer|answered|close|closed|finish|finished|complete|completed|tick\s+off|ticked\s+off|get\s+done|got\s+done|been\s+doing|been\s+up\s+to|achieve|achieved|sort|sorted)`;
const CHANGED_BY = new RegExp(String.raw`^(?:what|which\s+actions?|anything)\s+(?:did|has|have|'s|s)\s+(.+?)\s+${DID}(?![a-z])|^what\s+(?:changes|updates)\s+(?:did|has|have)\s+(.+?)\s+(?:made|make|done|given|give|sent|send)(?![a-z])|^(?:changes|updates|answers)\s+(?:made\s+|given\s+)?by\s+(.+?)(?=\s+(?:since|this|last|in|over|during|today|yesterday|for)\b|$)|^(.+?)'s?\s+(?:changes|updates|answers)(?![a-z])`, 'i');
const notRead: Intent = { kind: 'unknown', suggestions: ["what's changed since last week?", 'help'] };
const WE = /^(?:we|us|the\s+team|everyone|everybody|people)$/i;
const PRONOUN = /^(?:it|this|that|they|them|there|he|she|you|anyone|anybody|the\s+bot|actionbot|what|who)$/i;

/** "what did Sam do this week?", "what has Alex done since Monday?", "changes by Priya Shah since Friday". */
export function readChangedBy(text: string, r: Reading): Intent | null {
  const m = CHANGED_BY.exec(text);
  const name = (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? '').trim();
  if (!m || !name || PRONOUN.test(name)) return null;
  // "last month" alone: since the first of last month, as "since last month".
  const words = new Words(text.slice(m[0].length).replace(/(?<!\b(?:since|in|during|the)\s+)\blast\s+month\b/i, 'since last month'));
  const since = takeSince(words, r.today) ?? weekBack(r);
  const scope = readScope(words.text, r, words);
  // Past this point the words ask what someone did: read as anything else (a due list) it would be a wrong answer.
  if (!scope || scope.list || scope.period) return notRead;
  if (/^(?:i|me|myself)$/i.test(name)) return ask({ ask: 'changed', filter: scope.filter, since, by: 'me' });
  // "what did we finish this month?" is the done list (lists.ts); "what did we do?" is every change.
  if (WE.test(name)) return /finish|complet|clos|tick|sort|achiev|got\s+done|get\s+done/i.test(m[0]) ? null : ask({ ask: 'changed', filter: scope.filter, since });
  // "what has Bedfordshire done since Monday?": the plan's changes.
  const plan = matchPlan(name, r.vocabulary);
  if (plan && !scope.filter.plan) return ask({ ask: 'changed', filter: { ...scope.filter, plan }, since });
  const mention = r.mentions.find((x) => x.toLowerCase() === name.toLowerCase());
  const person = matchPerson(mention ?? name, r.vocabulary) ?? mention ?? (/^[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2}$/.test(name) ? name : null);
  if (person) return ask({ ask: 'changed', filter: scope.filter, since, by: person });
  // "what did the SMLO do?": what changed on the actions the role owns.
  const role = matchRole(name.replace(/^the\s+/i, ''), r.vocabulary);
  if (role && !scope.filter.role) return ask({ ask: 'changed', filter: { ...scope.filter, role }, since });
  return notRead;
}

/** Seven days back: what "what did Sam do?" covers when no day is written. */
function weekBack(r: Reading): string {
  const d = new Date(`${r.today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}
