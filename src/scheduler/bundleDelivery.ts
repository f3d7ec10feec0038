// One bundle to one person, sent once: the bundle's claim (person, kind, day) keeps it to one message
// a day whatever else is running; each line's claim (its reminder step and person) keeps a line from
// coming back on a later day. Lines already sent before are dropped; a failure frees every claim for
// the next sweep, which sends what is then still due.
import type { Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { SendError, type ConversationAddress, type Messenger } from '../domain/messenger.ts';
import { digestCard } from '../cards/digestCards.ts';
import { digestKey, type DigestRecord } from '../domain/digestPorts.ts';
import type { Bundle, BundleItem } from './bundles.ts';
import { reminderCard } from './reminderCard.ts';

/** What became of a bundle: its outcome and how many lines and notes went out. */
export interface BundleOutcome {
  outcome: 'sent' | 'skipped' | 'failed' | 'unreachable' | 'empty';
  lines: BundleItem[];
}

async function claimAll<T>(items: T[], claim: (item: T) => Promise<boolean>): Promise<T[]> {
  const won: T[] = [];
  for (let i = 0; i < items.length; i += 8) {
    const slice = items.slice(i, i + 8);
    const results = await Promise.all(slice.map(claim));
    slice.forEach((item, k) => { if (results[k]) won.push(item); });
  }
  return won;
}

async function markAll(keys: string[], mark: (key: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < keys.length; i += 8) await Promise.all(keys.slice(i, i + 8).map(mark));
}

/** Claims, sends and records one bundle. Never throws for a send fault; storage faults propagate. */
export async function deliverBundle(services: Services, messenger: Messenger, directory: Directory, bundle: Bundle, at: Date, leaseMs: number): Promise<BundleOutcome> {
  const { store, logger } = services;
  const { person, day } = bundle;
  const now = at.toISOString();
  if (!person.reachable) return { outcome: 'skipped', lines: [] };
  const key = digestKey(bundle.kind, person.id, day);
  const bundleInfo = { planId: '', actionId: '', audience: bundle.kind === 'owner' ? 'digest' : 'escalation-digest', personId: person.id };
  if (!(await store.reminders.claim(`digest|${key}`, bundleInfo, now, leaseMs))) return { outcome: 'skipped', lines: [] };
  const items = await claimAll(bundle.items, (item) => store.reminders.claim(item.itemKey, item.info, now, leaseMs));
  const noteInfo = { planId: '', actionId: '', audience: 'note', personId: person.id };
  const notes = await claimAll(bundle.notes, (note) => store.reminders.claim(note.key, noteInfo, now, leaseMs));
  const claimed = [`digest|${key}`, ...items.map((i) => i.itemKey), ...notes.map((n) => n.key)];
  if (items.length === 0 && notes.length === 0) {
    // Everything in it went out on an earlier day: nothing to say today.
    await store.reminders.markSent(`digest|${key}`, { at: now, activityId: null, conversationId: null });
    return { outcome: 'empty', lines: [] };
  }
  const failAll = (error: string): Promise<void> => markAll(claimed, (k) => store.reminders.markFailed(k, error, now));
  const conversation = (await store.people.conversationOf(person.id)) as ConversationAddress | null;
  const unreachable = async (message: string): Promise<BundleOutcome> => {
    await store.people.setReachable(person.id, false);
    await failAll(`unreachable: ${message}`);
    logger.warn({ personId: person.id, key }, 'person unreachable: marked so, the commissioner will be told');
    return { outcome: 'unreachable', lines: [] };
  };
  // No personal chat (met only in a group chat or team, and Teams would not open one): as unreachable as a refusal.
  if (!conversation) return unreachable(`${person.name} has no personal chat with the bot`);
  // A person with one action gets the familiar single-action card.
  const single = bundle.kind === 'owner' && items.length === 1 && items[0];
  // An action escalated to a commissioner who also owns it is one line, the escalation (its item is still claimed).
  const escalated = new Set(items.filter((i) => i.info.audience === 'lead').map((i) => `${i.line.planId}|${i.line.actionId}`));
  const lines = items.filter((i) => i.info.audience === 'lead' || !escalated.has(`${i.line.planId}|${i.line.actionId}`)).map((i) => i.line);
  const record: DigestRecord = { key, kind: bundle.kind, personId: person.id, day, lines, notes: notes.map((n) => n.text), activityId: null, conversationId: null, sentAt: null, seenAt: null };
  try {
    // Saved before sending, so a button pressed the moment it arrives finds its digest.
    if (!single) await store.digests.save(record);
    const card = single ? reminderCard(single.reminder, single.stored, directory, day) : digestCard(record, day);
    const { activityId } = await messenger.send(conversation, card);
    const conversationId = conversation.conversation?.id ?? null;
    const sentAt = new Date().toISOString();
    await store.digests.recordSent({ ...record, activityId, conversationId, sentAt });
    // A lone card is refreshed like any reminder card; a digest's lines are refreshed through the digest.
    await markAll(items.map((i) => i.itemKey), (k) => store.reminders.markSent(k, single ? { at: sentAt, activityId, conversationId } : { at: sentAt, activityId: null, conversationId: null }));
    await markAll([`digest|${key}`, ...notes.map((n) => n.key)], (k) => store.reminders.markSent(k, { at: sentAt, activityId: null, conversationId: null }));
    return { outcome: 'sent', lines: items };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof SendError)) throw err;
    if (err.kind === 'unreachable') return unreachable(message);
    await failAll(`${err.kind}: ${message}`);
    logger.warn({ personId: person.id, key, kind: err.kind }, 'digest not sent; the next sweep tries again');
    return { outcome: 'failed', lines: [] };
  }
}
