// Plugs the digest buttons and read receipts into the bot from outside its class: a turn handler that
// answers digest invokes itself (so they never reach the single-card answers) and an event handler
// for read receipts. The composition root calls this once.
import { ActivityHandler, CardFactory, MessageFactory, TurnContext, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { Services } from '../app/services.ts';
import type { ChatTurn } from './commands/chatCommand.ts';
import { turnFor } from './dispatch.ts';
import { answerFromDigest, isDigestVerb } from './digestAnswers.ts';
import type { Messenger } from './messenger.ts';
import { identityOf, recordPerson } from './personRecord.ts';
import { isReadReceipt, recordReadReceipt } from './readReceipt.ts';

const STORE_DOWN = 'I cannot reach the plan store just now, so I could not do that. Nothing was changed: please try again in a few minutes.';

/** The ChatTurn of the person behind an activity. */
function turnOf(services: Services, messenger: Messenger, context: TurnContext): Promise<ChatTurn> {
  return turnFor(services, messenger, { ...identityOf(context), mentions: [] });
}

async function digestInvoke(services: Services, messenger: Messenger, context: TurnContext, verb: string, data: unknown): Promise<AdaptiveCardInvokeResponse> {
  try {
    await recordPerson(services, context);
    const result = await answerFromDigest(await turnOf(services, messenger, context), messenger, verb, data);
    if (result.card) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card as Record<string, unknown> };
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.message as unknown as Record<string, unknown> };
  } catch (err) {
    services.logger.error({ err: { message: (err as Error).message } }, 'digest button not handled');
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: STORE_DOWN as unknown as Record<string, unknown> };
  }
}

/** Registers the digest's handlers on the bot. */
export function wireDigest(bot: ActivityHandler, services: Services, messenger: Messenger): void {
  bot.onTurn(async (context, next) => {
    const { activity } = context;
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && isDigestVerb(action?.verb)) {
      const body = await digestInvoke(services, messenger, context, String(action?.verb), action?.data);
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
      return; // answered here: the single-card handler must not see it
    }
    const submitted = activity.value as { verb?: unknown } | undefined;
    if (activity.type === 'message' && isDigestVerb(submitted?.verb)) {
      // Action.Submit, the fallback on clients without Universal Actions: redraw the card, then say the result.
      const body = await digestInvoke(services, messenger, context, String(submitted?.verb), submitted);
      if (body.type === 'application/vnd.microsoft.card.adaptive' && activity.replyToId) {
        await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(body.value)), id: activity.replyToId });
      } else await context.sendActivity(String(body.value));
      return;
    }
    await next();
  });
  bot.onEvent(async (context, next) => {
    if (isReadReceipt(context.activity)) {
      await recordReadReceipt(services, context.activity).catch((err: unknown) => {
        services.logger.warn({ err: { message: (err as Error).message } }, 'read receipt not recorded');
      });
    }
    await next();
  });
}
