// Messages in a group chat or a team's channel: everyone there reads the answer, colleagues from other
// organisations included. The rule: only help is answered in the group. Everything else (lists, status,
// summaries, who holds a role, settings and leave, answers, undo, reports, imports) comes from the plans or
// the person's own settings, so it is done as if asked in the personal chat and its answer goes there; the
// group is told "I'll send that to you in our personal chat". Without a personal chat nothing is done.
import { CardFactory, MessageFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Services } from '../app/services.ts';
import { readMessage } from '../domain/reading/readMessage.ts';
import type { ChatReply, ChatTurn } from './commands/chatCommand.ts';
import { helpCard } from './commands/index.ts';
import { sendToPersonalChat } from './personalChat.ts';
import { vocabularyOf } from './vocabulary.ts';

export const SENT_PRIVATELY = "I'll send that to you in our personal chat.";
export const NO_PERSONAL_CHAT = 'I answer that only in our personal chat, and I cannot open one with you: add actionbot for yourself (Apps in Teams) and ask me there. Nothing was changed.';
export const PRIVATE_SEND_FAILED = 'I could not reach our personal chat just now, so the answer is not shown here: ask me there in a minute.';
export const CARD_IN_GROUP = 'Card buttons work only in our personal chat, so nothing was changed. Ask me there.';

/** A group message in hand: where its private answer goes, and replies sent while acting (the report's consent card). */
export interface GroupTurn {
  personal: Partial<ConversationReference> | null;
  captured: Partial<Activity>[];
  capturing: boolean;
}

/** What a group message gets: replies for the group itself, or (privately) replies for the personal chat. */
export interface GroupReplies {
  privately: boolean;
  replies: ChatReply[];
}

/** Starts a group turn: while acting, whatever the command sends is held back for the personal chat. */
export async function startGroupTurn(context: TurnContext, services: Services, personId: string): Promise<GroupTurn> {
  const group: GroupTurn = { personal: (await services.store.people.conversationOf(personId)) as Partial<ConversationReference> | null, captured: [], capturing: false };
  context.onSendActivities(async (_context, activities, next) => {
    if (!group.capturing) return next();
    group.captured.push(...activities);
    return activities.map(() => ({ id: '' }));
  });
  return group;
}

/** Answers a group message: help here; anything else acted on (`act`) and kept for the personal chat. */
export async function groupReplies(group: GroupTurn, turn: ChatTurn, context: TurnContext, act: () => Promise<ChatReply[]>): Promise<GroupReplies> {
  const value = context.activity.value as unknown;
  // Cards with buttons only ever go to personal chats: a press here is on an old card, or made up.
  if (value !== undefined && value !== null) return { privately: false, replies: [{ text: CARD_IN_GROUP }] };
  const intent = readMessage({ text: context.activity.text ?? '', today: turn.today, vocabulary: vocabularyOf(turn) });
  if (intent.kind === 'help') return { privately: false, replies: [{ card: helpCard(turn.caller.name) }] };
  if (!group.personal) return { privately: false, replies: [{ text: NO_PERSONAL_CHAT }] };
  group.capturing = true;
  try {
    return { privately: true, replies: await act() };
  } finally {
    group.capturing = false;
  }
}

/** The activity for a reply. */
export function activityOf(reply: ChatReply): Partial<Activity> {
  return 'card' in reply ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text);
}

/** Sends a private answer to the personal chat and says so in the group (or that it could not). */
export async function deliverPrivately(context: TurnContext, services: Services, group: GroupTurn, replies: ChatReply[]): Promise<void> {
  const activities = [...group.captured, ...replies.map(activityOf)];
  try {
    if (!group.personal) throw new Error('no personal chat');
    if (activities.length > 0) await sendToPersonalChat(context, group.personal, activities);
  } catch (err) {
    services.logger.warn({ err: { message: (err as Error).message }, status: (err as { statusCode?: unknown }).statusCode }, 'private answer not delivered to the personal chat');
    await context.sendActivity(PRIVATE_SEND_FAILED);
    return;
  }
  await context.sendActivity(SENT_PRIVATELY);
}
