// The bot adapter: turns Teams activities into commands, answers and installs, and results into cards.
import { ActivityHandler, CardFactory, MessageFactory, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from 'botbuilder';
import { callerFrom } from '../app/caller.ts';
import { loadDirectory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { renderCard } from '../cards/render.ts';
import { londonDate } from '../domain/calendar.ts';
import { readReply } from '../domain/typedReply.ts';
import { answerFromCard } from './cardAnswer.ts';
import type { ChatReply, ChatTurn } from './commands/chatCommand.ts';
import { answerExamples, chatCommands, findCommand } from './commands/index.ts';
import type { Messenger } from './messenger.ts';
import { identityOf, recordPerson } from './personRecord.ts';
import { answeredCard, refreshSentCards } from './answeredCard.ts';
import { typedAnswer } from './typedAnswer.ts';

const STORE_DOWN = 'I cannot reach the plan store just now, so I could not do that. Nothing was changed: please try again in a few minutes.';

/** Teams shows a message-typed invoke response to the person and leaves the card as it was. */
function messageResponse(message: string): AdaptiveCardInvokeResponse {
  // botbuilder types `value` as an object, but for this response type Teams expects the message string.
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message as unknown as Record<string, unknown> };
}

/** The help card, generated from the command list. */
export function helpCard(personName: string): object {
  return renderCard('welcome', {
    personName,
    botName: 'actionbot',
    commands: [...chatCommands.map((c) => ({ example: c.example, summary: c.summary })), ...answerExamples],
  });
}

/** The Teams bot. */
export class ActionBot extends ActivityHandler {
  constructor(private readonly services: Services, private readonly messenger: Messenger) {
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
    this.onInstallationUpdateRemove(async (context, next) => {
      const who = identityOf(context);
      await this.services.store.people.setReachable(who.id, false);
      this.services.logger.info({ personId: who.id }, 'bot removed: person marked unreachable');
      await next();
    });
  }

  /** Messages from tenants that are not allowed are ignored (and logged). */
  override async run(context: TurnContext): Promise<void> {
    const allowed = this.services.settings.ALLOWED_TENANTS;
    const tenant = identityOf(context).tenantId;
    if (allowed.length > 0 && !allowed.includes(tenant)) {
      this.services.logger.warn({ tenantId: tenant, type: context.activity.type }, 'activity from a tenant that is not allowed: ignored');
      return;
    }
    await super.run(context);
  }

  private async greet(context: TurnContext): Promise<void> {
    if (await recordPerson(this.services, context)) {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(helpCard(identityOf(context).name))));
    }
  }

  private async turnFor(context: TurnContext, text: string): Promise<ChatTurn> {
    const directory = await loadDirectory(this.services.store);
    const who = identityOf(context);
    const botId = context.activity.recipient.id;
    const mentions = (context.activity.entities ?? [])
      .filter((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id !== botId)
      .map((e) => String((e as { mentioned?: { name?: string } }).mentioned?.name ?? ''))
      .filter(Boolean);
    return { services: this.services, directory, caller: callerFrom(who.id, who.name, directory, this.services.settings), today: londonDate(this.services.clock.now()), text, mentions };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    try {
      await recordPerson(this.services, context);
      if (context.activity.value !== undefined && context.activity.value !== null) {
        // Action.Submit: the card fallback for clients without Universal Actions.
        const turn = await this.turnFor(context, '');
        const value = context.activity.value as Record<string, unknown>;
        const result = await answerFromCard(turn, this.messenger, value.verb, value, context.activity.replyToId);
        if (result.card && context.activity.replyToId) {
          await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(result.card)), id: context.activity.replyToId });
        }
        await context.sendActivity(result.message);
        return;
      }
      const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').replace(/<\/?at>/g, '').trim();
      const turn = await this.turnFor(context, text);
      await this.reply(context, await this.answerText(turn));
    } catch (err) {
      this.services.logger.error({ err: { message: (err as Error).message } }, 'message not handled');
      await context.sendActivity(STORE_DOWN);
    }
  }

  private async answerText(turn: ChatTurn): Promise<ChatReply> {
    if (/^(help|\?|hi|hello|start|what can you do\??)$/i.test(turn.text)) return { card: helpCard(turn.caller.name) };
    const command = findCommand(turn.text);
    if (command) return command.command.run(turn, command.match);
    const reply = readReply(turn.text, turn.today);
    if (reply) {
      const result = await typedAnswer(turn, reply);
      if (result.outcome?.kind === 'saved') {
        const card = answeredCard(result.outcome.stored, result.outcome.change, turn.directory, turn.today);
        await refreshSentCards(this.services, this.messenger, result.outcome.stored, card, undefined);
      }
      return { text: result.text };
    }
    return { card: helpCard(turn.caller.name) };
  }

  private async reply(context: TurnContext, reply: ChatReply): Promise<void> {
    if ('card' in reply) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)));
    else await context.sendActivity(MessageFactory.text(reply.text));
  }

  /** Action.Execute: the answer replaces the card in place; a refusal is shown without changing it. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    try {
      await recordPerson(this.services, context);
      const turn = await this.turnFor(context, '');
      const result = await answerFromCard(turn, this.messenger, invokeValue.action.verb, invokeValue.action.data, context.activity.replyToId);
      if (result.card) {
        // The replaced card cannot say that another owner answered a moment before: tell them in the chat.
        if (result.note) await context.sendActivity(result.note);
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card as Record<string, unknown> };
      }
      return messageResponse(result.message);
    } catch (err) {
      this.services.logger.error({ err: { message: (err as Error).message } }, 'card answer not handled');
      return messageResponse(STORE_DOWN);
    }
  }
}
