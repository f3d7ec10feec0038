// The people of a bench: one per owner role and a commissioner, installed (a conversation reference
// pointing at the bench connector) and holding their roles, as `actionbot roles` would leave them.
import type { ConversationReference } from 'botbuilder';
import { roleKey } from '../../src/domain/owners.ts';
import type { Store } from '../../src/domain/ports.ts';
import type { Person } from '../../src/domain/progress.ts';
import { BENCH_ROLES, LEAD_ROLE } from './syntheticPlan.ts';

export const BENCH_TENANT = '72f988bf-0000-4000-8000-00000000bench';

/** Who holds what, and the conversation each person is reached in. */
export interface BenchPeople {
  lead: Person;
  /** The holder of each owner role, by role as compared (roleKey). */
  holderOf: Map<string, Person>;
  /** Person id → their personal conversation id. */
  conversationOf: Map<string, string>;
  /** Conversation id → person. */
  byConversation: Map<string, Person>;
}

/** The conversation reference Teams would have given at install. */
export function conversationFor(person: Person, serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: `a:1${person.id}`, conversationType: 'personal', tenantId: person.tenantId, isGroup: false, name: '' },
    bot: { id: '28:actionbot', name: 'actionbot' },
    user: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id },
  };
}

/** Saves a commissioner and one person per bench role, and assigns the roles. */
export async function seatPeople(store: Store, serviceUrl: string, at: string): Promise<BenchPeople> {
  const by = { id: 'bench', name: 'bench' };
  const lead: Person = { id: 'bench-commissioner', tenantId: BENCH_TENANT, name: 'Chris Commissioner', reachable: true };
  const people = [lead, ...BENCH_ROLES.map((_, i): Person => ({ id: `bench-officer-${i + 1}`, tenantId: BENCH_TENANT, name: `Officer ${i + 1}`, reachable: true }))];
  const holderOf = new Map<string, Person>();
  const conversationOf = new Map<string, string>();
  const byConversation = new Map<string, Person>();
  for (const person of people) {
    const reference = conversationFor(person, serviceUrl);
    await store.people.save(person, reference);
    conversationOf.set(person.id, reference.conversation?.id ?? '');
    byConversation.set(reference.conversation?.id ?? '', person);
  }
  await store.roles.assign(BENCH_TENANT, LEAD_ROLE, lead.id, by, at);
  for (const [i, role] of BENCH_ROLES.entries()) {
    const person = people[i + 1] as Person;
    await store.roles.assign(BENCH_TENANT, role, person.id, by, at);
    holderOf.set(roleKey(role), person);
  }
  return { lead, holderOf, conversationOf, byConversation };
}
