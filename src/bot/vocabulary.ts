// What the reader may match loosely for a person: the plans, roles and people they can see, no more.
import type { Message } from '../domain/reading/intent.ts';
import type { ChatTurn } from './commands/chatCommand.ts';

/** The vocabulary of the caller's view. */
export function vocabularyOf(turn: ChatTurn): Message['vocabulary'] {
  const plans = turn.directory.plans.filter((p) => turn.visible.has(p.id));
  return {
    plans: plans.map((p) => ({ code: p.code, partnership: p.partnership })),
    roles: [...new Set(plans.flatMap((p) => p.roles.map((r) => r.name)))],
    people: turn.directory.people.filter((p) => p.tenantId === turn.caller.tenantId).map((p) => p.name),
  };
}
