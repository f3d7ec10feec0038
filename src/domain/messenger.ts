// The port through which the scheduler (and anything else outside the bot adapter) sends cards to
// people: what it needs of a chat channel, without naming the SDK that provides it.

/** Where a person's chat with the bot is, as stored when they installed it (opaque to the core). */
export interface ConversationAddress {
  /** Teams says 'personal' for the one-to-one chat, 'groupChat' and 'channel' for chats everyone in them reads. */
  conversation?: { id: string; conversationType?: string };
}

/**
 * True only for a person's one-to-one chat with the bot. Reminders, digests, escalations and briefings
 * name colleagues and their unanswered reminders, so they go nowhere else; an address that does not say
 * 'personal' (a group chat, a channel, or one that does not say) is not a personal chat.
 */
export function isPersonalChat(address: unknown): boolean {
  const conversation = (address as ConversationAddress | null | undefined)?.conversation;
  return typeof conversation === 'object' && conversation !== null && conversation.conversationType === 'personal';
}

/** Sends and replaces cards in people's chats. Failures reject with a SendError. */
export interface Messenger {
  send(conversation: ConversationAddress, card: object): Promise<{ activityId: string }>;
  update(conversation: ConversationAddress, activityId: string, card: object): Promise<void>;
}

/**
 * unreachable: the person removed or blocked the bot, or the chat is gone (403/404): stop sending.
 * throttled: Teams still said 429 after retries. transient: 5xx or no answer after retries.
 * rejected: Teams refused this message (other 4xx): a bug or a bad card, not worth retrying.
 */
export type SendErrorKind = 'unreachable' | 'throttled' | 'transient' | 'rejected';

/** A failed send or update. */
export class SendError extends Error {
  override name = 'SendError';

  constructor(
    readonly kind: SendErrorKind,
    message: string,
    readonly status?: number,
    /** Teams' error code, e.g. "MessageWritesBlocked". */
    readonly code?: string,
    /** How long Teams asked us to wait. */
    readonly retryAfterMs?: number,
    /** Tries made before giving up. */
    readonly attempts = 1,
  ) {
    super(message);
  }
}
