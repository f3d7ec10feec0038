// Questions answered with figures, read as data rather than matched as phrasings: what is asked (a count,
// progress, a comparison, a ranking, what changed, a person's work, how long overdue, who is silent) and
// the parts that narrow it (questionParts.ts). "and for Bedfordshire?", "just grid 2": a follow-up, the
// last question or list with the parts written changed.
import { Words } from './filters.ts';
import type { Intent, ListFilter, Question } from './intent.ts';
import { readAttention, readChangedBy, readLeave } from './people.ts';
import { namesIn, readScope, soonPeriod, takeAge, takeSince } from './questionParts.ts';
import type { Reading } from './reading.ts';
import { cleanRole, matchPerson, matchPlan, matchRole } from './vocabulary.ts';

// "can you tell me …", "do you know …", "I'd like to know …": the question is what follows.
const ASKING = /^(?:(?:please|pls|so|ok|okay|and\s+(?=can|could|do))\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|show|give)\s+(?:me|us)\s+|do\s+you\s+know\s+|i'd\s+like\s+to\s+know\s+|i\s+want\s+to\s+know\s+|tell\s+(?:me|us)\s+|show\s+(?:me|us)\s+|give\s+(?:me|us)\s+)/i;

/** A question with figures, a follow-up, or null. */
export function readQuestion(r: Reading): Intent | null {
  const text = r.text.replace(ASKING, '').replace(/\s+(?:please|pls)$/i, '').trim();
  if (namesIn(text, r)) return null;
  const question = readAttention(text) ?? readLeave(text, r) ?? readChangedBy(text, r) ?? readFollowUp(text, r) ?? readCompare(text, r) ?? readRank(text) ?? readChanged(text, r) ?? readWork(text, r) ?? readSilent(text, r) ?? readProgress(text, r) ?? readAged(text, r) ?? readCount(text, r);
  return question;
}

const ask = (question: Question): Intent => ({ kind: 'question', question });

const FOLLOW = /^(?:(?:and|&|also|plus|then|now|ok|okay|so)\s+)*(?:(?:what|how)\s+about|what\s+of|(?:the\s+)?same\s+(?:again\s+)?(?:for|but)|just|only|and)\s+/i;

/** "and for Bedfordshire?", "what about Peterborough?", "just grid 2", "and in Q4?", "same for Sam Patel". */
function readFollowUp(text: string, r: Reading): Intent | null {
  const lead = FOLLOW.exec(text);
  if (!lead) return null;
  const scope = readScope(text.slice(lead[0].length), r);
  if (!scope || (Object.keys(scope.filter).length === 0 && !scope.period && !scope.list)) return null;
  return { kind: 'follow-up', filter: scope.filter, ...(scope.period ? { period: scope.period } : {}), ...(scope.list ? { list: scope.list } : {}) };
}

const COMPARE = /^(?:compare|comparison\s+(?:of|between)|how\s+(?:does|do|is|are)\s+(.+?)\s+compar(?:e|ing)\s+(?:to|with|against))\s+(.+)$|^(.+?)\s+(?:vs\.?|versus|v\.?|compared\s+(?:to|with)|against)\s+(.+)$/i;
const ALL_PLANS = /^(?:(?:all|every|each)\s+(?:of\s+)?)?(?:the\s+|my\s+|our\s+)?(?:plans|partnerships|areas)$/i;

/** "compare Bedfordshire and Worcestershire", "BED vs WOR", "how does BED compare to PB?", "compare all plans". */
function readCompare(text: string, r: Reading): Intent | null {
  const m = COMPARE.exec(text);
  if (!m) return null;
  const written = [m[1], m[2], m[3], m[4]].filter((s): s is string => Boolean(s)).join(' and ');
  if (ALL_PLANS.test(written.trim())) return ask({ ask: 'compare', filter: {}, plans: [] });
  const parts = written.split(/\s*(?:,|&|\band\b|\bwith\b|\bto\b|\bvs\.?|\bversus\b|\bagainst\b)\s*/i).map((p) => p.replace(/^(?:the|plan)\s+|\s+(?:plan|partnership)$/gi, '').trim()).filter(Boolean);
  const plans = parts.map((p) => matchPlan(p, r.vocabulary) ?? (/^[A-Z][\w&'-]*(?:\s+(?:of\s+)?[A-Z][\w&'-]*){0,3}$/.test(p) ? p : null));
  if (plans.length < 2 || plans.some((p) => p === null)) return null;
  return ask({ ask: 'compare', filter: {}, plans: [...new Set(plans as string[])] });
}

const RANK = /^(?:(?:which|what)\s+(?:partnership|plan|area|county|one)s?(?:\s+(?:is|are|has\s+been|'s))?\s+(?:doing\s+|performing\s+)?(?:the\s+)?(worst|best|badly|well|furthest\s+behind|most\s+behind|behind\s+the\s+most|furthest\s+ahead|most\s+ahead|most\s+on\s+track|least\s+on\s+track)(?:\s+(?:at\s+the\s+moment|now|so\s+far|overall))?|(?:which|what)\s+(?:partnership|plan|area)\s+has\s+the\s+(most|fewest)\s+(?:overdue|late)(?:\s+actions)?|rank(?:ing)?\s+(?:of\s+)?(?:the\s+|all\s+(?:the\s+)?|my\s+)?(?:plans|partnerships|areas)|league\s+table(?:\s+(?:of|for)\s+(?:the\s+)?(?:plans|partnerships))?|(?:the\s+)?(worst|best)\s+(?:performing\s+)?(?:plan|partnership|area)s?|who(?:'s|\s+is)\s+(?:doing\s+)?(?:the\s+)?(worst|best)|who(?:'s|\s+is)\s+(?:the\s+)?(?:(?:furthest|most)\s+)?behind(?:\s+the\s+most)?)$/i;

/** "which partnership is doing worst?", "rank the plans", "league table", "best performing partnership". */
function readRank(text: string): Intent | null {
  const m = RANK.exec(text);
  if (!m) return null;
  const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? 'worst').toLowerCase();
  const best = /best|well|ahead|most\s+on\s+track|fewest/.test(word) && !/least/.test(word);
  return ask({ ask: 'rank', filter: {}, order: best ? 'best' : 'worst' });
}

const CHANGED = /^(?:what(?:'s|\s+has|\s+have|s)?(?:\s+been)?\s+(?:changed|happened|updated|moved|answered)|what(?:'s|\s+is)\s+new|(?:has\s+)?anything\s+(?:changed|happened|new|been\s+updated)|(?:have\s+there\s+been\s+|were\s+there\s+|any\s+)?(?:changes|updates)|what\s+(?:changes|updates)\s+(?:have\s+there\s+been|were\s+there|are\s+there))(?![a-z])/i;

/** "what's changed since last week?", "any changes in Bedfordshire since Friday?", "what's new?". */
function readChanged(text: string, r: Reading): Intent | null {
  const m = CHANGED.exec(text);
  if (!m) return null;
  const words = new Words(text.slice(m[0].length));
  const since = takeSince(words, r.today);
  const scope = readScope(words.text, r, words);
  if (!scope || scope.list || scope.period) return null;
  return ask({ ask: 'changed', filter: scope.filter, since: since ?? addDaysBack(r.today) });
}

const addDaysBack = (today: string): string => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
};

const WORK = /^(?:what(?:'s|\s+is|\s+are|s|\s+has|\s+have)?\s+(.+?)\s+(?:(?:been\s+)?working\s+on|doing|up\s+to|busy\s+with|responsible\s+for|in\s+charge\s+of|got\s+on|on\s+with|working\s+at)(?:\s+(?:at\s+the\s+moment|now|right\s+now|currently|these\s+days|this\s+week))?|(?:what's\s+on\s+|what\s+is\s+on\s+)(.+?)'s?\s+(?:plate|list|desk)|(?:the\s+)?(?:workload|work)\s+(?:of|for)\s+(.+)|(.+?)'s?\s+workload)$/i;
const PRONOUN = /^(?:it|this|that|they|them|there|he|she|we|you|everyone|everybody|anyone|people|the\s+bot|actionbot)$/i;

/** "what is Alex Jones working on?", "what's the SMLO doing?", "Sam's workload", "what am I working on?". */
function readWork(text: string, r: Reading): Intent | null {
  const m = WORK.exec(text);
  const name = (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? '').trim();
  if (!m || !name || PRONOUN.test(name)) return null;
  if (/^(?:i|me|am\s+i|i\s+am)$/i.test(name)) return ask({ ask: 'work', filter: { mine: true } });
  const filter = whoIs(name.replace(/^(?:the|our)\s+/i, (w) => (/^the/i.test(w) ? 'the ' : '')), r);
  if (!filter) return null;
  // "what is Bedfordshire doing?" asks how far a plan is.
  return ask({ ask: filter.plan ? 'progress' : 'work', filter });
}

/** A person, role or plan named on its own: by the vocabulary, then by its look (an acronym is a role, Capitalised Words a person). */
function whoIs(name: string, r: Reading): ListFilter | null {
  const mention = r.mentions.find((m) => m.toLowerCase() === name.toLowerCase());
  if (mention) return { person: matchPerson(mention, r.vocabulary) ?? mention };
  const person = matchPerson(name, r.vocabulary);
  if (person) return { person };
  const role = matchRole(name, r.vocabulary);
  if (role) return { role };
  const plan = matchPlan(name, r.vocabulary);
  if (plan) return { plan };
  if (/^(?:the\s+)?[A-Z][A-Z0-9&-]{1,9}(?:\s+role)?$/.test(name)) return { role: cleanRole(name) };
  if (/^[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2}$/.test(name)) return { person: name };
  return null;
}

const SILENT = /^(?:who(?:'s|\s+is|\s+are|\s+has|\s+have|s)?\s+(?:not|n't|yet\s+to|still\s+not)\s+|who\s+(?:hasn't|haven't|hasnt|havent|didn't|didnt|isn't|isnt|aren't|has\s+not|have\s+not|did\s+not|never)\s+(?:yet\s+)?)(?:replied|responded|answered|updated|got\s+back|been\s+replying|replying|responding|answering|reacted|read|opened|looked\s+at)(?:\s+to)?(?:\s+(?:their|the|my|his|her|any|its|our))?(?:\s+(?:reminders?|digests?|messages?|chasers?|updates?|actions?|emails?))?(?:\s+(?:yet|so\s+far))?|^who(?:'s|\s+is|\s+are)\s+ignoring\s+(?:their|the|my|our)\s+(?:reminders?|digests?|messages?|chasers?)/i;

/** "who hasn't replied to their reminders?", "who hasn't updated their actions in Bedfordshire?". */
function readSilent(text: string, r: Reading): Intent | null {
  const m = SILENT.exec(text);
  if (!m) return null;
  const scope = readScope(text.slice(m[0].length), r);
  if (!scope || scope.list || scope.period) return null;
  return ask({ ask: 'silent', filter: scope.filter });
}

const PERCENT = /(?<![a-z])(?:what\s+)?(?:percentage|percent|per\s+cent|%|proportion|share|fraction)(?:\s+(?:of|is|are))?(?![a-z])|\bhow\s+much\s+of\b|\bhow\s+far\s+(?:along|through|on)\b|\bhow\s+complete\b|\bcompletion(?:\s+rate)?\b|\b(?:progress|percent\s+complete|%\s+complete)\s+(?:of|for|in)\b/i;
const DOING = /^how(?:'s|\s+is|\s+are|s)\s+(?:we\s+|things\s+)?(?:getting\s+on|doing|going|progressing|coming\s+along|performing)(?:\s+(?:with|in|on|for))?\s+|^how(?:'s|\s+is|\s+are|s)\s+(.+?)\s+(?:getting\s+on|doing|going|progressing|coming\s+along|performing)$/i;
const DONE_WORDS = /\b(?:is|are|has\s+been|have\s+been|we've|we\s+have|got|been)?\s*(?:complete|completed|done|finished|through)\b|\bwe\s+are\b|\bwe're\b/gi;

/** "what percentage of the Bedfordshire plan is complete?", "how far along is grid 2?", "how are we getting on with Peterborough?". */
function readProgress(text: string, r: Reading): Intent | null {
  const percent = PERCENT.exec(text);
  const doing = percent ? null : DOING.exec(text);
  if (!percent && !doing) return null;
  const words = new Words(text);
  if (percent) words.cut(percent);
  else if (doing) words.text = doing[1] ?? text.slice((doing as RegExpExecArray)[0].length);
  words.text = words.text.replace(DONE_WORDS, ' ');
  const scope = readScope(words.text, r, words);
  if (!scope || scope.list || scope.period) return null;
  // "how are we doing?" alone is the summary; a progress question names what, or asks for a share.
  if (!percent && Object.keys(scope.filter).length === 0) return null;
  return ask({ ask: 'progress', filter: scope.filter });
}

/** "what's more than 3 months overdue?", "how many are overdue by over 6 weeks in grid 2?". */
function readAged(text: string, r: Reading): Intent | null {
  const words = new Words(text.replace(COUNT, ''));
  const olderThan = takeAge(words);
  if (!olderThan) return null;
  const scope = readScope(words.text, r, words);
  if (!scope || (scope.list && scope.list !== 'overdue') || scope.period) return null;
  return ask({ ask: 'aged', filter: scope.filter, olderThan });
}

const COUNT = /^(?:how\s+many|(?:what(?:'s|\s+is)\s+)?(?:the\s+)?(?:total\s+)?(?:number|count|total)\s+of|count(?:\s+(?:of|up))?|total\s+number\s+of|total(?=\s+(?:actions|overdue|blocked|delayed|done|due)\b))(?![a-z])/i;

/** "how many actions are running late in Worcestershire?", "how many actions are there in total?", "number of blocked actions in grid 2". */
function readCount(text: string, r: Reading): Intent | null {
  const m = COUNT.exec(text);
  if (!m) return null;
  const scope = readScope(text.slice(m[0].length), r);
  if (!scope) return null;
  const list = scope.list ?? (scope.period ? 'due' : scope.filter.mine ? 'mine' : 'all');
  const filter = { ...scope.filter };
  if (list === 'mine') delete filter.mine;
  const period = scope.period ?? (list === 'due' ? soonPeriod(r.today) : undefined);
  return ask({ ask: 'count', list, filter, ...(period ? { period } : {}) });
}
