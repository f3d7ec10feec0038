// Short messages that mean one thing whole: "yes", "no", "more", "undo", "help", "my settings".
import type { Intent } from './intent.ts';

const FIXED: [RegExp, Intent][] = [
  [/^(?:yes|y|yep|yeah|yup|yes please|ok|okay|confirm|confirmed|correct|sure|go ahead|do it|that's right|thats right|right)$/i, { kind: 'yes' }],
  [/^(?:no|n|nope|nah|cancel|no thanks|no thank you|don't|dont|leave it|abort|never mind|nevermind|forget it)$/i, { kind: 'no' }],
  // "stop" with nothing asked, "unsubscribe": reminders pause until turned back on (the command treats a bare
  // "stop" while a question waits as "no").
  [/^(?:stop|stop it|unsubscribe|unsubscribe me|opt out|stop (?:all )?(?:the |my )?(?:reminders|messages|notifications|digests|emails)(?: (?:for now|please|altogether|completely))?|stop (?:messaging|reminding|nagging|emailing) me|(?:please )?stop sending (?:me )?(?:reminders|messages|these)|turn (?:off|my) reminders(?: off)?|no more (?:reminders|messages)|switch (?:off )?(?:my )?reminders(?: off)?|i don't want (?:any more )?reminders)$/i, { kind: 'stop' }],
  [/^(?:(?:show\s+)?more|next|next page|(?:show|see)\s+(?:me\s+)?more|more please|continue|keep going|the rest|show the rest|page 2)$/i, { kind: 'more' }],
  [/^(?:undo|undo (?:that|it|this|last|my last (?:answer|change|reply))|oops|whoops|revert|revert that|take that back|undo please|please undo)$/i, { kind: 'undo' }],
  [/^(?:undo|revert|reverse|roll back|rollback)\s+(?:the\s+|that\s+|my\s+|last\s+|the\s+last\s+)?(?:plan\s+)?(?:import|upload)$/i, { kind: 'undo-import' }],
  [/^(?:import|upload|(?:import|upload|add|load) (?:a |the |my |our )?(?:new )?plan|how (?:do|can|should) (?:i|we) (?:import|upload|add|load) (?:a |the |my |our )?(?:new )?plan|how to (?:import|upload) (?:a |the )?plan)\??$/i, { kind: 'import-help' }],
  [/^(?:help|hi|hello|hey|hiya|morning|good morning|afternoon|good afternoon|start|menu|commands|options|what can you do|what can i (?:say|ask|type)|how does this work|how do i use (?:this|you)|instructions|\?)$/i, { kind: 'help' }],
  [/^(?:(?:what are\s+|show\s+)?my (?:settings|reminder settings|reminders|preferences)|settings|reminder settings)$/i, { kind: 'my-settings' }],
  [/^(?:resume|resume reminders|restart reminders|unpause|unpause reminders|start reminders again|turn reminders (?:back )?on|i'm back|im back|i am back|back from leave|(?:cancel|end|stop) (?:my |the )?(?:leave|pause|holiday)|unmute(?: reminders)?|turn (?:my )?reminders (?:back )?on again|start again|start (?:my )?reminders again|(?:please )?turn (?:my |the )?reminders back on|(?:i'm back(?: now)?,? )?(?:can|could) you turn my reminders back on|resubscribe|subscribe(?: me)?(?: again)?|switch (?:my )?reminders back on|start sending (?:me )?reminders again|send (?:me )?reminders again|restart)$/i, { kind: 'resume' }],
  [/^(?:(?:show\s+|list\s+)?(?:all\s+)?roles|who holds what|who holds which roles?)$/i, { kind: 'roles' }],
  [/^(?:(?:show\s+|list\s+|which\s+|what\s+)?(?:unheld|unassigned|empty|vacant|unfilled|orphan(?:ed)?)\s+roles(?:\s+are\s+there)?|roles (?:nobody|no one|noone) (?:holds|has)|roles (?:with|that have|held by) (?:nobody|no one|noone)|which roles (?:does nobody|do no one) hold|which roles have (?:nobody|no one|no holder))$/i, { kind: 'roles', unheld: true }],
];

/** The intent of a message that is one of the fixed phrases, or null. */
export function readFixed(text: string): Intent | null {
  const plain = text.replace(/^(?:please|pls)\s+/i, '').replace(/\s+please$/i, '').trim();
  const found = FIXED.find(([pattern]) => pattern.test(plain))?.[1];
  return found ? { ...found } : null;
}
