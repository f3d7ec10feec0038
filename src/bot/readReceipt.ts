// Teams tells the bot, in personal chats, the id of the last message a person has read (an event named
// application/vnd.microsoft.readReceipt, with the app's ChatMessageReadReceipt.Read.Chat consent). Every
// digest up to that message counts as seen, and so do its lines.
import type { Activity } from 'botbuilder';
import type { Services } from '../app/services.ts';

export const READ_RECEIPT = 'application/vnd.microsoft.readReceipt';

/** True for a read receipt event. */
export function isReadReceipt(activity: Partial<Activity>): boolean {
  return activity.type === 'event' && activity.name === READ_RECEIPT;
}

/** Teams message ids in a chat are increasing numbers (their time); other ids compare only as equal. */
function readUpTo(activityId: string, lastRead: string): boolean {
  if (/^\d{1,20}$/.test(activityId) && /^\d{1,20}$/.test(lastRead)) return BigInt(activityId) <= BigInt(lastRead);
  return activityId === lastRead;
}

/** How many digests of the person are recent enough to be worth checking. */
const RECENT = 60;

/** Records a read receipt; returns how many digests became seen. Malformed receipts are ignored (logged). */
export async function recordReadReceipt(services: Services, activity: Partial<Activity>): Promise<number> {
  const personId = activity.from?.aadObjectId ?? activity.from?.id;
  const lastRead = (activity.value as { lastReadMessageId?: unknown } | undefined)?.lastReadMessageId;
  if (!personId || typeof lastRead !== 'string' || lastRead.length === 0 || lastRead.length > 200) {
    services.logger.warn({ personId }, 'read receipt without a usable lastReadMessageId: ignored');
    return 0;
  }
  // Only from the person's own tenant: another tenant's activity naming them marks nothing.
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation?.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : '');
  const person = await services.store.people.get(personId);
  if (!person || person.tenantId !== tenantId) {
    services.logger.warn({ personId, tenantId }, 'read receipt from a person not known in that tenant: ignored');
    return 0;
  }
  const digests = (await services.store.digests.ofPerson(personId, RECENT)).filter((d) => d.activityId !== null);
  // The message read, and every digest sent before it (a person who read the latest has seen the older).
  const read = digests.find((d) => d.activityId === lastRead);
  const seen = digests.filter((d) => d.seenAt === null && (readUpTo(d.activityId ?? '', lastRead) || (read !== undefined && (d.sentAt ?? '') <= (read.sentAt ?? ''))));
  const at = services.clock.now().toISOString();
  for (const d of seen) await services.store.digests.markSeen(d.key, at);
  if (seen.length > 0) services.logger.info({ personId, digests: seen.length }, 'digests read');
  return seen.length;
}
