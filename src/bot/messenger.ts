// Proactive messages: a card sent to, or updated in, a conversation the bot was installed in.
import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Logger } from '../log.ts';
import { Pacer, teamsLimits, type PacingLimits } from './pacing.ts';
import { classify, MAX_RETRY_AFTER_MS, SendError } from './sendError.ts';

import type { ConversationAddress, Messenger } from '../domain/messenger.ts';

export { SendError, type SendErrorKind } from './sendError.ts';
export type { Messenger };

/** The part of CloudAdapter a messenger uses. */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface MessengerOptions {
  /** MicrosoftAppId; empty in local mode. */
  appId: string;
  /** Default: Teams' limits with 7 sends a second overall. */
  limits?: PacingLimits;
  /** Tries per message, the first included (default 4). */
  attempts?: number;
  /** First back-off; doubles each retry, with jitter (default 500 ms, at most 30 s). */
  backoffMs?: number;
  /** One try is abandoned after this long (default 30 s). */
  attemptTimeoutMs?: number;
  logger?: Logger;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Marks a try abandoned for want of an answer (it may still have arrived). */
const timeoutCode = 'Timeout';
const sleeper = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A Messenger over the Bot Framework adapter, paced and retried. */
export class BotMessenger implements Messenger {
  private readonly pacer: Pacer;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly adapter: ProactiveAdapter, private readonly options: MessengerOptions) {
    this.sleep = options.sleep ?? sleeper;
    this.pacer = new Pacer(options.limits ?? teamsLimits(7), Date.now, this.sleep);
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  async send(conversation: ConversationAddress, card: object): Promise<{ activityId: string }> {
    let activityId = '';
    // A send that timed out may still arrive: trying again could post the reminder twice.
    await this.withRetries(conversation, 'send', false, async (context) => {
      // The continuation carries a made-up activity id; without clearing it the card goes as a reply.
      context.activity.id = undefined;
      const response = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      activityId = response?.id ?? '';
    });
    return { activityId };
  }

  async update(conversation: ConversationAddress, activityId: string, card: object): Promise<void> {
    await this.withRetries(conversation, 'update', true, async (context) => {
      await context.updateActivity({ type: 'message', id: activityId, attachments: [CardFactory.adaptiveCard(card)] });
    });
  }

  private async withRetries(conversation: ConversationAddress, what: string, retryTimeouts: boolean, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const conversationId = conversation.conversation?.id ?? '';
    for (let attempt = 1; ; attempt++) {
      await this.pacer.take(conversationId);
      try {
        await this.once(conversation, logic);
        return;
      } catch (error) {
        const failure = classify(error, attempt);
        const retryable = failure.kind === 'throttled' || (failure.kind === 'transient' && (retryTimeouts || failure.code !== timeoutCode));
        // Asked to wait longer than a sweep should: failed now, and the next sweep tries again.
        const tooLong = (failure.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS;
        if (!retryable || tooLong || attempt >= this.attempts) throw failure;
        const backoff = Math.min(30_000, this.backoffMs * 2 ** (attempt - 1));
        const wait = Math.max(failure.retryAfterMs ?? 0, backoff / 2 + this.random() * (backoff / 2));
        this.options.logger?.warn({ conversationId, what, attempt, kind: failure.kind, status: failure.status, wait }, 'send failed; retrying');
        await this.sleep(wait);
      }
    }
  }

  /** One try. botbuilder hands callback errors to onTurnError and resolves, so they are carried out by hand. */
  private async once(conversation: ConversationAddress, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    let failed = false;
    // The address is the ConversationReference stored when the person installed the bot.
    const run = this.adapter.continueConversationAsync(this.options.appId, conversation as Partial<ConversationReference>, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failed = true;
        failure = error;
      }
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new SendError('transient', `no answer from Teams within ${this.attemptTimeoutMs} ms`, undefined, timeoutCode)), this.attemptTimeoutMs);
    });
    try {
      await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
    if (failed) throw failure;
  }
}
