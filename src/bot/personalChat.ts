// A person's personal (1:1) chat with the bot, reached from a turn in any conversation: found in the
// activity when they write to the bot directly, created through the Bot Connector when they are met only in
// a group chat or a team (Teams allows it once the app is installed there), and used to answer privately.
import { TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Logger } from '../log.ts';
import { isPersonalChat } from '../domain/messenger.ts';

/** How long creating a chat may take before the bot gives up (the turn is waiting). */
const CREATE_TIMEOUT_MS = 10_000;

/** True when the activity came from the person's 1:1 chat with the bot. */
export function inPersonalChat(context: TurnContext): boolean {
  return isPersonalChat(context.activity);
}

/** The bot's own app id, from the turn's claims (empty in local mode, where nothing is signed). */
function botAppIdOf(context: TurnContext): string {
  const identity = context.turnState.get(context.adapter.BotIdentityKey) as { claims?: { type: string; value: string }[] } | undefined;
  return identity?.claims?.find((c) => c.type === 'aud')?.value ?? '';
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Creates (or finds: Teams answers with the existing one) the sender's personal chat with the bot, as Teams
 * allows for an app installed where the person is a member. Null when Teams refuses (403/404: the app is not
 * installed for them, or they blocked it) or does not answer; the reason is logged, never shown.
 */
export async function openPersonalChat(context: TurnContext, logger: Logger): Promise<Partial<ConversationReference> | null> {
  const { from, recipient, serviceUrl, channelId, conversation, channelData } = context.activity;
  const tenantFromChannel = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = conversation.tenantId ?? (typeof tenantFromChannel === 'string' ? tenantFromChannel : '');
  if (!from?.id || !serviceUrl) return null;
  const parameters = {
    isGroup: false,
    bot: recipient,
    members: [{ id: from.id, name: from.name ?? '' }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as ConversationParameters;
  let createdId = '';
  try {
    const audience = context.turnState.get(context.adapter.OAuthScopeKey) as string;
    await withTimeout(context.adapter.createConversationAsync(botAppIdOf(context), channelId, serviceUrl, audience, parameters, async (created) => {
      createdId = created.activity.conversation?.id ?? '';
    }), CREATE_TIMEOUT_MS, 'creating a personal chat');
  } catch (err) {
    logger.warn({ personId: from.aadObjectId ?? from.id, status: statusOf(err), err: { message: (err as Error).message } }, 'personal chat could not be created: the person counts as unreachable');
    return null;
  }
  if (!createdId) return null;
  return {
    channelId, serviceUrl, bot: recipient, user: from, locale: context.activity.locale,
    // Asked for as a 1:1 chat (isGroup false, one member): Teams' personal chat, whatever the create answer left out.
    conversation: { id: createdId, conversationType: 'personal', isGroup: false, tenantId, name: '' } as ConversationReference['conversation'],
  };
}

/** Just the content of a reply: its address is the personal chat's, not the group message's. */
function contentOf(activity: Partial<Activity>): Partial<Activity> {
  const { type, text, textFormat, attachments, attachmentLayout, summary, speak, inputHint, entities, suggestedActions } = activity;
  return Object.fromEntries(Object.entries({ type, text, textFormat, attachments, attachmentLayout, summary, speak, inputHint, entities, suggestedActions }).filter(([, v]) => v !== undefined)) as Partial<Activity>;
}

/** Sends replies into the person's personal chat (from a turn elsewhere). Throws when Teams refuses. */
export async function sendToPersonalChat(context: TurnContext, reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void> {
  let failure: unknown;
  // botbuilder hands errors inside the callback to onTurnError and resolves: they are carried out by hand.
  await context.adapter.continueConversationAsync(botAppIdOf(context), reference, async (personal) => {
    try {
      // The continuation carries a made-up activity id: without clearing it the message goes as a reply to it.
      personal.activity.id = undefined;
      await personal.sendActivities(activities.map(contentOf));
    } catch (err) {
      failure = err ?? new Error('send failed');
    }
  });
  if (failure !== undefined) throw failure;
}

/** The reference of the activity in hand (used when it came from the personal chat). */
export function referenceOf(context: TurnContext): Partial<ConversationReference> {
  return TurnContext.getConversationReference(context.activity);
}
