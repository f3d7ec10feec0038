// People are saved with their personal chat's reference the first time the bot hears from them (on
// install, or any message), so reminders can reach them later. Met in a group chat or a team, the group's
// reference is never kept: their personal chat is kept, or created, or they are left with none (unreachable).
import type { TurnContext } from 'botbuilder';
import type { Services } from '../app/services.ts';
import type { Person } from '../domain/progress.ts';
import { inPersonalChat, openPersonalChat, referenceOf } from './personalChat.ts';

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

/** True when the activity's tenant is the person's own (a person saved with no tenant takes the first one met). */
export function isTheirTenant(person: Pick<Person, 'tenantId'>, tenantId: string): boolean {
  return person.tenantId === '' || person.tenantId === tenantId;
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
const inFlight = new Map<string, Promise<Met>>();

/** How the sender was met: 'greet' (new, or back after removing the bot), 'known', or 'stranger' (known in another tenant). */
export type Met = 'greet' | 'known' | 'stranger';

/** What a stranger is told, whatever they asked: it names no tenant and no plan. */
export const STRANGER = 'I cannot act for you in this organisation. Nothing was changed.';

/** Saves the person and where to reach them, and says how they were met. */
export function recordPerson(services: Services, context: TurnContext): Promise<Met> {
  const who = identityOf(context);
  const previous = inFlight.get(who.id) ?? Promise.resolve<Met>('known');
  const next = previous.then(async () => {
    const known = await services.store.people.get(who.id);
    // A person belongs to the tenant they were first met in. The same id from another tenant is a stranger
    // there: their record (tenant, name, personal chat) is never overwritten, and nothing is done for them
    // (their roles, admin right, settings, last answers and imports are their own tenant's).
    if (known && !isTheirTenant(known, who.tenantId)) {
      services.logger.warn({ personId: who.id, tenantId: who.tenantId }, 'activity from a known person in another tenant: not recorded there');
      return 'stranger';
    }
    const storedRef = known ? await services.store.people.conversationOf(who.id) : null;
    const personal = inPersonalChat(context);
    // Outside their personal chat: the one stored (if it still worked), else one created now (null when Teams refuses).
    const fresh = personal ? referenceOf(context) : known?.reachable && storedRef ? storedRef : await openPersonalChat(context, services.logger);
    const conversation = fresh ?? storedRef;
    // Someone found unreachable stays so until a personal chat is known again; someone new without one is
    // tried by the next sweep, which reports them unreachable as it does anyone Teams refuses.
    const reachable = fresh !== null || !known || known.reachable;
    const contact = contactOf(context);
    // An activity without a display name (Teams' installationUpdate has none) never replaces a known name.
    const name = who.name === UNNAMED && known && known.name !== UNNAMED ? known.name : who.name;
    const changed = !known || known.reachable !== reachable || known.name !== name || known.teamsId !== contact.teamsId || (contact.email !== undefined && known.email !== contact.email)
      || JSON.stringify(storedRef) !== JSON.stringify(conversation);
    if (changed) {
      const person: Person = { id: who.id, tenantId: who.tenantId, name, reachable, ...(known?.email ? { email: known.email } : {}), ...contact };
      await services.store.people.save(person, conversation);
    }
    return !known || (!known.reachable && reachable) ? 'greet' : 'known';
  }).finally(() => {
    if (inFlight.get(who.id) === next) inFlight.delete(who.id);
  });
  inFlight.set(who.id, next);
  return next;
}
