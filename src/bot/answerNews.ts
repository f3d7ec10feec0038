// The bot's side of AnswerNews: a saved answer replaces every reminder card sent about the action and is
// written against the action on every digest listing it (other owners', the commissioner's escalation
// digest), each redrawn in its chat. Failures are logged, not thrown: the answer is already saved.
import type { ConversationReference } from 'botbuilder';
import { actionCardFields } from '../app/actionCards.ts';
import type { AnswerNews, SavedAnswer, ShownBy } from '../app/answerNews.ts';
import type { Directory } from '../app/directory.ts';
import { seenAt } from '../app/seenLabel.ts';
import type { Services } from '../app/services.ts';
import { digestCard } from '../cards/digestCards.ts';
import { dueLabel } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import { bannerKind } from '../domain/digestItems.ts';
import type { DigestLine, DigestRecord } from '../domain/digestPorts.ts';
import type { ActionChange } from '../domain/progress.ts';
import type { StoredAction } from '../domain/ports.ts';
import { answeredCard } from './answeredCard.ts';
import type { Messenger } from './messenger.ts';

/** A digest line's outcome after an answer: "Done by Sam Patel, Tue 13 Sep 2011 10:14". */
export function outcomeLine(change: ActionChange): string {
  const how = change.to === 'delayed' && change.dueAfter ? `Delayed to ${dueLabel(change.dueAfter)} (${change.reason ?? ''})` : change.to === 'blocked' ? `Blocked (${change.reason ?? ''})` : 'Done';
  return `${how} by ${change.by.name}, ${seenAt(change.at)}`;
}

/** The digest with `outcome` written on the lines `which` picks (the latest news replaces a "Chased by"). */
export function withOutcome(record: DigestRecord, which: (l: DigestLine) => boolean, outcome: string): DigestRecord {
  return { ...record, lines: record.lines.map((l) => (which(l) ? { ...l, outcome } : l)) };
}

/** The record with `note` on the lines `which` picks: news that leaves them open (a chase, a reassignment). */
export function withNote(record: DigestRecord, which: (l: DigestLine) => boolean, note: string): DigestRecord {
  return { ...record, lines: record.lines.map((l) => (which(l) ? { ...l, note } : l)) };
}

async function conversationOf(services: Services, personId: string): Promise<Partial<ConversationReference> | null> {
  return (await services.store.people.conversationOf(personId)) as Partial<ConversationReference> | null;
}

/** Replaces every reminder card sent about the action with `card`, except the one the answer replaced. */
async function refreshSentCards(services: Services, messenger: Messenger, stored: StoredAction, card: object, skipActivityId: string | undefined): Promise<number> {
  const sent = await services.store.reminders.sentFor(stored.planId, stored.action.id);
  let refreshed = 0;
  await Promise.all(sent.filter((s) => s.activityId !== skipActivityId).map(async (s) => {
    try {
      const conversation = await conversationOf(services, s.personId);
      if (!conversation) return;
      await messenger.update(conversation, s.activityId, card);
      refreshed += 1;
    } catch (err) {
      services.logger.warn({ personId: s.personId, err: { message: (err as Error).message } }, 'could not refresh a sent card');
    }
  }));
  return refreshed;
}

/** Writes `outcome` (or a `note`) against the action on every digest listing it (but `exceptKey`) and redraws each in its chat. */
export async function refreshDigests(services: Services, messenger: Messenger, planId: string, actionId: string, outcome: string, today: string, exceptKey: string | undefined, as: 'outcome' | 'note' = 'outcome', reline: (l: DigestLine) => DigestLine = (l) => l): Promise<number> {
  let refreshed = 0;
  for (const record of await services.store.digests.withAction(planId, actionId)) {
    // A one-line owner "digest" went out as the single-action card, which refreshSentCards replaces; an
    // escalation digest is always a digest, however short.
    if (record.key === exceptKey || !record.activityId || (record.kind === 'owner' && record.lines.length < 2)) continue;
    const about = (l: DigestLine): boolean => l.planId === planId && l.actionId === actionId;
    const noted = (as === 'note' ? withNote : withOutcome)(record, about, outcome);
    const changed = { ...noted, lines: noted.lines.map((l) => (about(l) ? reline(l) : l)) };
    try {
      // A read receipt recorded since the digests were listed is kept, not overwritten by this copy.
      const updated = { ...changed, seenAt: (await services.store.digests.get(record.key))?.seenAt ?? changed.seenAt };
      await services.store.digests.save(updated);
      const conversation = await conversationOf(services, record.personId);
      if (!conversation) continue;
      await messenger.update(conversation, record.activityId, digestCard(updated, today));
      refreshed += 1;
    } catch (err) {
      services.logger.warn({ personId: record.personId, err: { message: (err as Error).message } }, 'could not refresh a digest');
    }
  }
  return refreshed;
}

/** The action as it stands, with its buttons (a done one as its status card). */
function currentCard(stored: StoredAction, directory: Directory, today: string): object {
  const fields = actionCardFields(stored, directory, today);
  if (stored.progress.status === 'done') return renderCard('status', { ...fields, reason: stored.progress.reason, note: '', history: [], seen: '' });
  return renderCard('reminder', { ...fields, kind: bannerKind(stored.progress.dueDate ?? today, today) });
}

/** AnswerNews over the bot's messenger. */
export function answerNews(services: Services, messenger: Messenger): AnswerNews {
  return {
    async show({ stored, change, directory, today }: SavedAnswer, except: ShownBy): Promise<void> {
      await refreshSentCards(services, messenger, stored, answeredCard(stored, change, directory, today), except.activityId);
      await refreshDigests(services, messenger, stored.planId, stored.action.id, outcomeLine(change), today, except.digestKey);
    },
    async takenBack({ stored, directory, today }: SavedAnswer): Promise<void> {
      await refreshSentCards(services, messenger, stored, currentCard(stored, directory, today), undefined);
      // The line loses the answer's outcome: it is open to answer again.
      const unanswered = (l: DigestLine): DigestLine => ({ ...l, outcome: undefined });
      await refreshDigests(services, messenger, stored.planId, stored.action.id, '', today, undefined, 'outcome', unanswered);
    },
  };
}
