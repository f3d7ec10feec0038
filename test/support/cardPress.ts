// What a person sees and presses in Teams: the cards in their chat with the bot, and the Done / Delayed /
// Blocked buttons on them, pressed as Action.Execute (universal actions) or the Action.Submit fallback.
import type { BotHarness } from './botHarness.ts';
import { cardOf, textOf } from './botHarness.ts';
import type { ConnectorCall } from './connector.ts';
import { cardAction, cardSubmit, personalConversationId, testTenantId, type TeamsPerson } from './teamsActivity.ts';

/** Installs the bot for a person and gives them roles, as the commissioner would. */
export async function meet(bot: BotHarness, person: TeamsPerson, ...roles: string[]): Promise<void> {
  await bot.install(person);
  // Roles are given in the person's own tenant, as their tenant's commissioner would.
  const tenant = (await bot.store.people.get(person.aadObjectId))?.tenantId ?? testTenantId;
  for (const role of roles) await bot.store.roles.assign(tenant, role, person.aadObjectId, { id: 'test', name: 'test setup' }, bot.clock.now().toISOString());
}

/** Cards the bot posted as new messages in the person's chat (reminders, notices), oldest first. */
export function cardsTo(bot: BotHarness, person: TeamsPerson): ConnectorCall[] {
  return bot.connector.sentTo(personalConversationId(person)).filter((c) => c.kind === 'send' && cardOf(c) !== null);
}

/** Those of them that mention `words` (an action's text, "Roles nobody holds", …). */
export function cardsAbout(bot: BotHarness, person: TeamsPerson, words: string): ConnectorCall[] {
  return cardsTo(bot, person).filter((c) => textOf(c).includes(words));
}

/** Card updates (PUT of an activity) in the person's chat. */
export function updatesIn(bot: BotHarness, person: TeamsPerson): ConnectorCall[] {
  return bot.connector.sentTo(personalConversationId(person)).filter((c) => c.kind === 'update');
}

interface CardAction { type?: string; verb?: string; data?: Record<string, unknown>; fallback?: CardAction; card?: { actions?: CardAction[] } }

function findAction(actions: CardAction[] | undefined, verb: string): CardAction | null {
  for (const action of actions ?? []) {
    if (action.type === 'Action.Execute' && action.verb === verb) return action;
    const inner = findAction(action.card?.actions, verb);
    if (inner) return inner;
  }
  return null;
}

function buttonOf(call: ConnectorCall, verb: string): CardAction {
  const action = findAction(cardOf(call)?.actions as CardAction[] | undefined, verb);
  if (!action) throw new Error(`The card has no "${verb}" button`);
  return action;
}

/** The invoke response Teams gets back for an Action.Execute. */
export interface InvokeAnswer {
  status: number;
  statusCode: number;
  type: string;
  value: unknown;
}

/** Presses a button (Action.Execute) on a card the person received; `inputs` are the card's input fields. */
export async function press(bot: BotHarness, person: TeamsPerson, call: ConnectorCall, verb: string, inputs: Record<string, string> = {}): Promise<InvokeAnswer> {
  const { data = {} } = buttonOf(call, verb);
  const res = await bot.post(cardAction(bot.origin, person, verb, { ...data, ...inputs }, call.activityId ?? undefined));
  const body = (res.body ?? {}) as { statusCode?: number; type?: string; value?: unknown };
  return { status: res.status, statusCode: body.statusCode ?? 0, type: body.type ?? '', value: body.value };
}

/**
 * Presses the Action.Submit fallback of a button (clients without universal actions); returns what the
 * bot sent to the person's chat because of it (the card update and the reply).
 */
export async function submit(bot: BotHarness, person: TeamsPerson, call: ConnectorCall, verb: string, inputs: Record<string, string> = {}): Promise<ConnectorCall[]> {
  const fallback = buttonOf(call, verb).fallback;
  if (fallback?.type !== 'Action.Submit') throw new Error(`The "${verb}" button has no Action.Submit fallback`);
  const before = bot.connector.calls.length;
  const res = await bot.post(cardSubmit(bot.origin, person, { ...fallback.data, ...inputs }, call.activityId ?? undefined));
  if (res.status >= 300) throw new Error(`submit failed: ${res.status}`);
  return bot.connector.calls.slice(before).filter((c) => c.conversationId === personalConversationId(person));
}

/** All the text of an invoke answer's card (or its message). */
export function answerText(answer: InvokeAnswer): string {
  return textOf({ body: typeof answer.value === 'string' ? { text: answer.value } : { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.value }] } } as unknown as ConnectorCall);
}
