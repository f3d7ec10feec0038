// "chase BED-65", "remind Sam about BED-65", "nudge the owners of PET-6": the digest's Chase, typed. Only
// the plan's commissioner or an admin may; anyone else is told who can. It sends messages, so the bot
// always asks first ("Chase BED-65's owners now?") and chases only on "yes".
import { typeableRef, actionCardFields } from '../../app/actionCards.ts';
import { holdersIn, mayManagePlan } from '../../app/access.ts';
import { chase, nudgeWith } from '../../app/escalationActions.ts';
import { findNamed } from '../../app/findActions.ts';
import { commissionerOfWords } from '../../app/roleGrants.ts';
import { renderCard } from '../../cards/render.ts';
import { bannerKind } from '../../domain/digestItems.ts';
import type { StoredAction } from '../../domain/ports.ts';
import { nameText } from '../../domain/reading/names.ts';
import { command, type ChatTurn } from './chatCommand.ts';

// As other questions: a "yes" an hour later should not surprise anyone.
const PENDING_FOR_MS = 60 * 60_000;

export const chaseCommand = command({
  kinds: ['chase'],
  example: 'chase BED-14',
  summary: 'for a commissioner: remind the owners of an action now, as the digest\'s Chase button ("remind Sam about BED-14" too); asks first',
  async run(turn, intent) {
    const found: StoredAction[] = [];
    for (const name of intent.names) {
      const actions = await findNamed(turn.services.store, turn.visible, turn.directory.plans, name);
      if (actions.length === 0) return { text: `I could not find ${nameText(name)} in the plans you can see, so nobody was chased.` };
      if (actions.length > 1) return { text: `Several actions are called ${nameText(name)}, so nobody was chased. Say which: ${actions.slice(0, 5).map((a) => `"chase ${typeableRef(a)}"`).join(', ')}.` };
      found.push(actions[0] as StoredAction);
    }
    const refused = found.filter((a) => !mayManagePlan(turn.caller, a.planId, turn.directory));
    if (refused.length > 0) {
      const first = refused[0] as StoredAction;
      const plan = turn.directory.plan(first.planId);
      const who = plan ? commissionerOfWords(plan, turn.directory, turn.services.settings.LEAD_ROLE) : 'the commissioner';
      return { text: `Only ${who} or an admin can chase ${refused.map(typeableRef).join(', ')}, so nobody was chased. You can answer it yourself if it is yours ("done ${typeableRef(first)}"), or ask them to chase it.` };
    }
    const finished = found.filter((a) => a.progress.status === 'done');
    if (finished.length > 0) return { text: `${finished.map(typeableRef).join(', ')} ${finished.length === 1 ? 'is' : 'are'} already done: there is nobody to chase. Nothing was sent.` };
    const askedAt = turn.services.clock.now().toISOString();
    turn.state.pendingChase = { targets: found.map((a) => ({ planId: a.planId, actionId: a.action.id })), askedAt };
    const facts = found.map((a) => {
      const holders = [...new Set(a.action.owners.flatMap((r) => holdersIn(a.planId, r, turn.directory).map((p) => p.name)))];
      return { title: typeableRef(a), value: `${a.action.owners.join(', ') || 'no owner role'}: ${holders.join(', ') || 'nobody holds it'}` };
    });
    const named = intent.who && !facts.some((f) => f.value.toLowerCase().includes((intent.who ?? '').toLowerCase())) ? ` (${intent.who} does not hold its roles: its owners are reminded)` : '';
    const what = found.length === 1 ? `${typeableRef(found[0] as StoredAction)}'s owners` : `the owners of ${found.map(typeableRef).join(', ')}`;
    const choices = [{ title: 'Yes', choice: 'yes', asked: askedAt }, { title: 'No', choice: 'no', asked: askedAt }];
    return { card: renderCard('question', { title: 'Please confirm', message: `Chase ${what} now${named}? They get the reminder card now. Nothing is sent until you say yes.`, facts, choices }) };
  },
});

/**
 * "yes"/"no" to a typed chase, when it is the question meant (pressed by its own button, or typed while it
 * is the newest open question); null when it is not.
 */
export async function chooseChase(turn: ChatTurn, choice: string, asked: string | null): Promise<{ text: string; card: object } | null> {
  const pending = turn.state.pendingChase;
  if (!pending) return null;
  const others = [turn.state.pending?.askedAt, turn.state.pendingSetting?.askedAt].filter((a): a is string => typeof a === 'string');
  if (asked === null ? others.some((a) => a > pending.askedAt) : asked !== pending.askedAt) return null;
  turn.state.pendingChase = null;
  const reply = (text: string, tone: 'good' | 'default' | 'warning'): { text: string; card: object } => ({ text, card: renderCard('confirmation', { title: tone === 'good' ? 'Chased' : 'Nothing sent', message: text, tone, facts: [] }) });
  if (Date.parse(pending.askedAt) < turn.services.clock.now().getTime() - PENDING_FOR_MS) return reply('I asked that more than an hour ago, so nobody was chased. Please say it again.', 'warning');
  if (choice !== 'yes') return reply('OK, nobody was chased.', 'default');
  const { services, directory, caller, today } = turn;
  const nudge = nudgeWith(services, turn.messenger, (stored) => renderCard('reminder', { ...actionCardFields(stored, directory, today), kind: bannerKind(stored.progress.dueDate ?? today, today) }));
  const lines: string[] = [];
  let any = false;
  for (const t of pending.targets) {
    const stored = await services.store.actions.get(t.planId, t.actionId);
    const label = stored ? typeableRef(stored) : 'That action';
    const result = await chase(services, directory, caller, t.planId, t.actionId, nudge);
    any ||= result.ok;
    lines.push(result.ok ? `${label}: ${result.message}` : `${label}: nobody was chased: ${result.message}`);
  }
  return reply(lines.join('\n\n'), any ? 'good' : 'warning');
}
