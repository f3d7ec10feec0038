// The bot adapter: turns Teams activities into intents and card presses, and results into replies.
import { ActivityHandler, CardFactory, MessageFactory, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse } from 'botbuilder';
import { isStorageFault } from '../app/faults.ts';
import type { Services } from '../app/services.ts';
import { z } from 'zod';
import { answerFromCard } from './cardAnswer.ts';
import { snoozeFromCard } from './cardSnooze.ts';
import { answerFromDigest, isDigestVerb } from './digestAnswers.ts';
import { actOnDocumentIntent, isDocumentIntent } from './documentIntents.ts';
import { importPress, repliesToFiles, type FileUploadDeps } from './fileUpload.ts';
import { answerFileConsent, FILE_CONSENT_INVOKE } from './reportFile.ts';
import type { ChatReply, ChatTurn } from './commands/chatCommand.ts';
import { choose } from './commands/confirm.ts';
import { helpCard } from './commands/index.ts';
import { showList } from './commands/lists.ts';
import { noteFromCard } from './commands/note.ts';
import { dispatch, turnFor } from './dispatch.ts';
import { vocabularyOf } from './vocabulary.ts';
import { readMessage } from '../domain/reading/readMessage.ts';
import { MAX_REPLY_BYTES, sizeOf } from './listCard.ts';
import type { Messenger } from './messenger.ts';
import { onceOnly } from './onceOnly.ts';
import { identityOf, isTheirTenant, recordPerson, STRANGER } from './personRecord.ts';
import { activityOf, CARD_IN_GROUP, deliverPrivately, groupReplies, startGroupTurn, type GroupReplies, type GroupTurn } from './groupChat.ts';
import { inPersonalChat } from './personalChat.ts';
import { isReadReceipt, recordReadReceipt } from './readReceipt.ts';

export { helpCard };

const STORE_DOWN = 'I cannot reach the plan store just now, so I could not do that. Nothing was changed: please try again in a few minutes.';
const BROKEN = 'Sorry, something went wrong on my side, so I could not do that. Nothing was changed.';

/** Teams shows a message-typed invoke response to the person and leaves the card as it was. */
function messageResponse(message: string): AdaptiveCardInvokeResponse {
  // botbuilder types `value` as an object, but for this response type Teams expects the message string.
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message as unknown as Record<string, unknown> };
}

function cardResponse(card: object): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as Record<string, unknown> };
}

// "Show more" carries the list's query; it comes back from outside, so it is checked like any input.
const moreData = z.object({ query: z.string().max(4000), offset: z.coerce.number().int().min(0).max(1_000_000) });
const listQuery = z.object({
  list: z.enum(['overdue', 'due', 'blocked', 'mine', 'done', 'delayed', 'all']),
  filter: z.object({ plan: z.string().max(200).optional(), grid: z.number().int().min(0).max(99).optional(), person: z.string().max(200).optional(), role: z.string().max(200).optional(), mine: z.boolean().optional() }).strict(),
  period: z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), label: z.string().max(100) }).optional(),
  groupBy: z.enum(['grid', 'owner', 'plan']).optional(),
}).strict();
const confirmData = z.object({ choice: z.enum(['yes', 'no', 'all', 'oldest']), asked: z.string().max(40) });

/** The Teams bot. */
export class ActionBot extends ActivityHandler {
  constructor(private readonly services: Services, private readonly messenger: Messenger, private readonly files: FileUploadDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded && context.activity.conversation.conversationType !== 'channel') await this.greet(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (isReadReceipt(context.activity)) {
        await recordReadReceipt(this.services, context.activity).catch((err: unknown) => {
          this.services.logger.warn({ err: { message: (err as Error).message } }, 'read receipt not recorded');
        });
      }
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      const who = identityOf(context);
      // Removed from a group chat or team, the app still reaches the person in their personal chat.
      if (!inPersonalChat(context)) {
        await next();
        return;
      }
      // Only their own tenant's removal says anything about their chat; another tenant's names a stranger.
      const known = await this.services.store.people.get(who.id);
      if (!known || !isTheirTenant(known, who.tenantId)) {
        await next();
        return;
      }
      await this.services.store.people.setReachable(who.id, false);
      this.services.logger.info({ personId: who.id }, 'bot removed: person marked unreachable');
      await next();
    });
  }

  /** Messages from tenants that are not allowed are ignored (and logged). */
  override async run(context: TurnContext): Promise<void> {
    const allowed = this.services.settings.ALLOWED_TENANTS;
    const tenant = identityOf(context).tenantId;
    // Teams names the tenant twice; an activity whose two disagree is not one Teams sent, whichever is believed.
    const told = (context.activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
    if (context.activity.conversation?.tenantId && typeof told === 'string' && told !== context.activity.conversation.tenantId) {
      this.services.logger.warn({ tenantId: tenant, type: context.activity.type }, 'activity naming two tenants: ignored');
      return;
    }
    if (allowed.length > 0 && !allowed.includes(tenant)) {
      this.services.logger.warn({ tenantId: tenant, type: context.activity.type }, 'activity from a tenant that is not allowed: ignored');
      return;
    }
    await super.run(context);
  }

  private async greet(context: TurnContext): Promise<void> {
    if ((await recordPerson(this.services, context)) === 'greet') {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(helpCard(identityOf(context).name))));
    }
  }

  private async turn(context: TurnContext): Promise<ChatTurn> {
    const who = identityOf(context);
    const botId = context.activity.recipient.id;
    // Teams puts each @mention in the activity's entities with the person's id ("29:…", sometimes the AAD id too).
    const entities: unknown[] = Array.isArray(context.activity.entities) ? context.activity.entities : [];
    const mentions = entities
      .filter((e): e is { type: unknown } => typeof e === 'object' && e !== null)
      .map((e) => (e.type === 'mention' ? (e as { mentioned?: { id?: unknown; name?: unknown; aadObjectId?: unknown } }).mentioned : undefined))
      .filter((m) => m !== undefined && typeof m.id === 'string' && m.id !== botId && typeof m.name === 'string' && m.name.length <= 200)
      .map((m) => ({ id: String(m?.id), name: String(m?.name), ...(typeof m?.aadObjectId === 'string' ? { aadObjectId: m.aadObjectId } : {}) }));
    return turnFor(this.services, this.messenger, { ...who, mentions });
  }

  private keyOf(context: TurnContext): string | null {
    const { id, conversation } = context.activity;
    return id ? `${conversation.id}|${id}` : null;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    let replies: ChatReply[];
    // In a group chat or channel only help is answered there; the rest goes to the personal chat (groupChat.ts).
    let group: GroupTurn | null = null;
    let privately: boolean = false;
    try {
      if ((await recordPerson(this.services, context)) === 'stranger') {
        await context.sendActivity(STRANGER);
        return;
      }
      group = inPersonalChat(context) ? null : await startGroupTurn(context, this.services, identityOf(context).id);
      const inGroup = group;
      const { reply } = await onceOnly(this.services, this.keyOf(context), async () => {
        const turn = await this.turn(context);
        return JSON.stringify(inGroup ? await groupReplies(inGroup, turn, context, () => this.repliesTo(context, turn)) : await this.repliesTo(context, turn));
      });
      const parsed = JSON.parse(reply) as ChatReply[] | GroupReplies;
      ({ replies, privately } = Array.isArray(parsed) ? { replies: parsed, privately: false } : parsed);
    } catch (err) {
      replies = [{ text: this.failure(err, 'message not handled') }];
    }
    for (const reply of replies) {
      if ('card' in reply && sizeOf(reply.card) > MAX_REPLY_BYTES) this.services.logger.error({ bytes: sizeOf(reply.card) }, 'reply card over the size limit');
    }
    if (group && privately) {
      await deliverPrivately(context, this.services, group, replies);
      return;
    }
    for (const reply of replies) await context.sendActivity(activityOf(reply));
  }

  private failure(err: unknown, what: string): string {
    this.services.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, what);
    return isStorageFault(err) ? STORE_DOWN : BROKEN;
  }

  private async repliesTo(context: TurnContext, turn: ChatTurn): Promise<ChatReply[]> {
    const value = context.activity.value as Record<string, unknown> | undefined | null;
    if (value !== undefined && value !== null) {
      // Action.Submit: the card fallback for clients without Universal Actions.
      const before = JSON.stringify(turn.state);
      const result = await this.press(turn, value.verb, value, context.activity.replyToId);
      if (JSON.stringify(turn.state) !== before) await this.services.store.chat.saveState(turn.caller.id, turn.state);
      if ('card' in result && result.card && context.activity.replyToId) {
        await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(result.card)), id: context.activity.replyToId });
      }
      return result.message ? [{ text: result.message }] : [];
    }
    const fromFiles = await repliesToFiles(this.services, turn.caller, context.activity.attachments, this.files, context.activity.text);
    if (fromFiles !== null) return fromFiles;
    const intent = readMessage({ text: context.activity.text ?? '', today: turn.today, vocabulary: vocabularyOf(turn) });
    if (isDocumentIntent(intent)) return actOnDocumentIntent(context, turn, intent);
    return [await dispatch(turn, intent)];
  }

  /** A card press of any kind: an answer, a digest's button, a confirmation, or "Show more". */
  private async press(turn: ChatTurn, verb: unknown, data: unknown, replyToId: string | undefined): Promise<{ card: object | null; message: string; note?: string }> {
    const imported = await importPress(this.services, turn.caller, verb, data);
    if (imported !== null) return imported;
    if (verb === 'confirm') {
      const parsed = confirmData.safeParse(data);
      if (!parsed.success) return { card: null, message: 'That button press could not be used. Nothing was changed.' };
      const result = await choose(turn, parsed.data.choice, parsed.data.asked, 'button', replyToId);
      return { card: result.card, message: result.text };
    }
    if (verb === 'more') {
      const parsed = moreData.safeParse(data);
      const query = parsed.success ? listQuery.safeParse(parseJson(parsed.data.query)) : null;
      if (!parsed.success || !query?.success) return { card: null, message: 'That list could not be continued. Ask for it again.' };
      const reply = await showList(turn, query.data, parsed.data.offset);
      return 'card' in reply ? { card: reply.card, message: 'Next page.' } : { card: null, message: reply.text };
    }
    if (verb === 'done' || verb === 'delayed' || verb === 'blocked') return answerFromCard(turn, verb, data, replyToId);
    if (verb === 'snooze') return snoozeFromCard(turn, data);
    if (verb === 'note') return noteFromCard(turn, data);
    if (isDigestVerb(verb)) return answerFromDigest(turn, this.messenger, verb, data);
    this.services.logger.warn({ personId: turn.caller.id, verb: typeof verb === 'string' ? verb.slice(0, 40) : typeof verb }, 'card press refused: unknown verb');
    return { card: null, message: 'That button is not one I know. Nothing was changed.' };
  }

  /** Invokes other than card actions (and card actions with nothing in them) get a clear, empty answer. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    const action = (value as { action?: { verb?: unknown } } | undefined)?.action;
    if (name === 'adaptiveCard/action' && (typeof action !== 'object' || action === null)) {
      this.services.logger.warn({ name }, 'card action with no action in it: ignored');
      return { status: 200, body: messageResponse('That card press carried nothing I can use. Nothing was changed.') };
    }
    if (name === FILE_CONSENT_INVOKE) {
      if ((await recordPerson(this.services, context)) === 'stranger') return { status: 200, body: {} };
      return answerFileConsent(context, this.services, (await this.turn(context)).caller, this.files);
    }
    if (name !== 'adaptiveCard/action') {
      this.services.logger.info({ name }, 'invoke the bot does not handle: acknowledged');
      return { status: 200, body: {} };
    }
    return super.onInvokeActivity(context);
  }

  /** Action.Execute: the answer replaces the card in place; a refusal is shown without changing it. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    // Cards with buttons only ever go to personal chats; a card in a group (sent before that rule) stays as it is.
    if (!inPersonalChat(context)) return messageResponse(CARD_IN_GROUP);
    try {
      if ((await recordPerson(this.services, context)) === 'stranger') return messageResponse(STRANGER);
      const { reply } = await onceOnly(this.services, this.keyOf(context), async () => {
        const turn = await this.turn(context);
        const before = JSON.stringify(turn.state);
        const result = await this.press(turn, invokeValue.action.verb, invokeValue.action.data, context.activity.replyToId);
        if (JSON.stringify(turn.state) !== before) await this.services.store.chat.saveState(turn.caller.id, turn.state);
        return JSON.stringify(result);
      });
      const result = JSON.parse(reply) as { card: object | null; message: string; note?: string };
      if (result.card) {
        // The replaced card cannot say that another owner answered a moment before: tell them in the chat.
        if (result.note) await context.sendActivity(result.note);
        return cardResponse(result.card);
      }
      return messageResponse(result.message);
    } catch (err) {
      return messageResponse(this.failure(err, 'card press not handled'));
    }
  }
}

/** JSON from a card press, which may not be JSON at all: undefined then (and the press is refused). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
