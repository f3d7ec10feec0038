// Day-one messages and small talk: greetings, thanks, goodbyes, "what is this?", and questions about the
// person themself ("who am I?", "my roles", "who is my commissioner?", "my next deadline", "where's the
// dashboard?"), and "how do I get a new plan in?". Read before roles and names, so "who am I" is never a
// role "am I" and "my commissioner" never a role.
import type { Intent } from './intent.ts';

const BOT = String.raw`(?:\s+(?:there|all|team|everyone|actionbot|bot|again|folks))*`;
const TALK: [RegExp, Intent][] = [
  [new RegExp(String.raw`^(?:hi|hello|hey|hiya|howdy|morning|afternoon|evening|good\s+(?:morning|afternoon|evening|day)|greetings|yo)${BOT}$`, 'i'), { kind: 'small-talk', topic: 'hello' }],
  [new RegExp(String.raw`^(?:(?:ok|okay|great|brilliant|perfect|lovely|super|fab|excellent|nice\s+one|got\s+it|noted|that's\s+great|that's\s+brilliant)[\s,!.]*)?(?:thanks|thank\s+you|thankyou|thx|ty|cheers|ta|many\s+thanks|much\s+appreciated|appreciated)(?:\s+(?:very\s+much|so\s+much|a\s+lot|loads|again|for\s+(?:that|this|your\s+help|the\s+help)))*${BOT}$|^(?:great|brilliant|perfect|lovely|super|excellent|nice\s+one|that's\s+great|that's\s+brilliant|awesome|cool)$`, 'i'), { kind: 'small-talk', topic: 'thanks' }],
  [new RegExp(String.raw`^(?:bye|goodbye|bye\s+bye|see\s+you(?:\s+later|\s+soon|\s+tomorrow)?|see\s+ya|cya|later|night|good\s+night|speak\s+soon|talk\s+later|ttyl|have\s+a\s+(?:good|nice|great)\s+(?:day|weekend|evening|one))${BOT}$`, 'i'), { kind: 'small-talk', topic: 'bye' }],
  [/^(?:what\s+(?:is|'s)\s+(?:this|this\s+bot|actionbot|the\s+bot|this\s+thing|this\s+for)|whats\s+this|what\s+are\s+you|who\s+are\s+you|what\s+(?:do|can)\s+you\s+do\s+for\s+me|what\s+does\s+(?:this|this\s+bot|actionbot|the\s+bot)\s+do|what\s+is\s+this\s+bot\s+for|why\s+am\s+i\s+getting\s+(?:these|this|messages|reminders))$/i, { kind: 'small-talk', topic: 'about' }],
  [/^(?:who\s+am\s+i|whoami|what(?:'s|\s+is)\s+my\s+name|do\s+you\s+know\s+(?:me|who\s+i\s+am)|who\s+do\s+you\s+think\s+i\s+am)$/i, { kind: 'about-me', topic: 'who' }],
  [/^(?:(?:what|which)\s+(?:are|is)\s+my\s+roles?|my\s+roles?|(?:what|which)\s+roles?\s+(?:do\s+i\s+(?:have|hold)|have\s+i\s+got|am\s+i(?:\s+in)?)|what\s+(?:am\s+i|do\s+i\s+do)\s+(?:responsible\s+for|in\s+the\s+plans?)|what\s+is\s+my\s+role|show\s+(?:me\s+)?my\s+roles)$/i, { kind: 'about-me', topic: 'roles' }],
  [/^(?:who(?:'s|\s+is|s)\s+my\s+(?:commissioner|lead|plan\s+lead|manager)|who\s+(?:commissions|manages|oversees)\s+(?:me|my\s+(?:actions|work|plan))|who\s+do\s+i\s+report\s+to|my\s+commissioner)$/i, { kind: 'about-me', topic: 'commissioner' }],
  [/^(?:(?:what(?:'s|\s+is)|when(?:'s|\s+is))\s+my\s+next\s+(?:deadline|due\s+date|action)|my\s+next\s+(?:deadline|action|due\s+date)|what(?:'s|\s+is)\s+(?:due\s+)?next\s+for\s+me|what\s+do\s+i\s+(?:need\s+to|have\s+to)\s+do\s+next|what(?:'s|\s+is)\s+next\s+on\s+my\s+list|when\s+is\s+my\s+next\s+action\s+due)$/i, { kind: 'about-me', topic: 'next-deadline' }],
  [/^(?:where(?:'s|\s+is|s)\s+(?:the\s+)?dashboard|how\s+do\s+i\s+(?:get\s+to|find|open|see)\s+the\s+dashboard|dashboard\s+link|link\s+to\s+the\s+dashboard|is\s+there\s+a\s+dashboard|where\s+can\s+i\s+see\s+(?:the\s+)?(?:dashboard|everything|all\s+the\s+actions))$/i, { kind: 'about-me', topic: 'dashboard' }],
  [/^(?:how\s+(?:do|can|should)\s+(?:i|we)\s+(?:get|put|add|load|upload|import|send)\s+(?:a|the|my|our)\s+(?:new\s+)?(?:action\s+)?plan\s+(?:into|in\s+to|to|in)\s+(?:the\s+bot|actionbot|you|here)|(?:can|could)\s+(?:i|we)\s+(?:upload|import|add|send|load)\s+(?:a|the|my|our)\s+(?:new\s+)?(?:action\s+)?plan(?:\s+(?:here|to\s+you))?|how\s+do\s+i\s+(?:upload|import)\s+(?:a|the|my|our)\s+(?:new\s+)?(?:action\s+)?plan|where\s+do\s+i\s+(?:upload|put)\s+(?:a|the|my|our)\s+(?:new\s+)?(?:action\s+)?plan)$/i, { kind: 'import-help' }],
];

/** Small talk and questions about the person themself, or null. */
export function readSmallTalk(text: string): Intent | null {
  const plain = text.replace(/[\s!.,]+$/, '').replace(/^(?:please|pls|so|and|ok|okay|um|erm|hmm)[\s,]+/i, '').trim();
  const found = TALK.find(([pattern]) => pattern.test(plain))?.[1];
  return found ? { ...found } : null;
}
