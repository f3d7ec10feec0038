// People are saved with their conversation reference the first time the bot hears from them (on
// install, or any message), so reminders can reach them later.
import { TurnContext } from 'botbuilder';
import type { Services } from '../app/services.ts';
import type { Person } from '../domain/progress.ts';

/** The name kept for someone whose Teams activity carries no display name (never used in a greeting). */
export const UNNAMED = 'someone';

/** The AAD identity behind an activity, as Teams sends it. */
export function identityOf(context: TurnContext): { id: string; name: string; tenantId: string } {
  const { from, conversation, channelData } = context.activity;
  const tenantFromChannel = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return {
    id: from.aadObjectId ?? from.id,
    name: from.name?.trim() || UNNAMED,
    tenantId: conversation.tenantId ?? (typeof tenantFromChannel === 'string' ? tenantFromChannel : ''),
  };
}

/** The sender's Teams user id and, when the activity carries one (a Teams member record), their email or UPN. */
function contactOf(context: TurnContext): Pick<Person, 'teamsId' | 'email'> {
  const from = context.activity.from as { id?: unknown; aadObjectId?: unknown; email?: unknown; userPrincipalName?: unknown };
  const email = [from.email, from.userPrincipalName].find((e): e is string => typeof e === 'string' && /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(e));
  return {
    ...(typeof from.id === 'string' && from.id !== from.aadObjectId ? { teamsId: from.id } : {}),
    ...(email ? { email: email.toLowerCase() } : {}),
  };
}

// Teams sends conversationUpdate and installationUpdate together on install: one greeting, not two.
const inFlight = new Map<string, Promise<boolean>>();

/**
 * Saves the person and where to reach them. Returns true when they are new, or back after removing
 * the bot (so they should be greeted).
 */
export function recordPerson(services: Services, context: TurnContext): Promise<boolean> {
  const who = identityOf(context);
  const previous = inFlight.get(who.id) ?? Promise.resolve(false);
  const next = previous.then(async () => {
    const known = await services.store.people.get(who.id);
    const reference = TurnContext.getConversationReference(context.activity);
    const storedRef = known ? await services.store.people.conversationOf(who.id) : null;
    const contact = contactOf(context);
    const changed = !known || !known.reachable || known.name !== who.name || known.teamsId !== contact.teamsId || (contact.email !== undefined && known.email !== contact.email)
      || JSON.stringify(storedRef) !== JSON.stringify(reference);
    if (changed) {
      const person: Person = { id: who.id, tenantId: who.tenantId, name: who.name, reachable: true, ...(known?.email ? { email: known.email } : {}), ...contact };
      await services.store.people.save(person, reference);
    }
    return !known || !known.reachable;
  }).finally(() => {
    if (inFlight.get(who.id) === next) inFlight.delete(who.id);
  });
  inFlight.set(who.id, next);
  return next;
}
