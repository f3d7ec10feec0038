// Activities shaped as Microsoft Teams sends them to a bot, for tests that go over real HTTP.
import type { Activity } from 'botbuilder';

/** A person in the tenant. */
export interface TeamsPerson {
  aadObjectId: string;
  name: string;
}

/** Where the activity comes from: the connector's URL, the tenant and the bot. */
export interface TeamsOrigin {
  serviceUrl: string;
  tenantId?: string;
  botId?: string;
  botName?: string;
}

export const testTenantId = '72f988bf-0000-4000-8000-000000000001';
let sequence = 0;

/** The id Teams gives the one-to-one chat between this person and the bot. */
export function personalConversationId(person: TeamsPerson): string {
  return `a:1${person.aadObjectId}`;
}

function base(origin: TeamsOrigin, person: TeamsPerson, type: string): Partial<Activity> {
  const tenantId = origin.tenantId ?? testTenantId;
  return {
    type,
    id: `teams-${++sequence}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: origin.serviceUrl,
    from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: `28:${origin.botId ?? 'actionbot'}`, name: origin.botName ?? 'actionbot' },
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId, isGroup: false, name: '' },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
  };
}

/** A typed message ("what's overdue"). */
export function message(origin: TeamsOrigin, person: TeamsPerson, text: string): Partial<Activity> {
  return { ...base(origin, person, 'message'), text, textFormat: 'plain' };
}

/** A Universal Action (Action.Execute) pressed on a card; `replyToId` is the card's activity id. */
export function cardAction(origin: TeamsOrigin, person: TeamsPerson, verb: string, data: Record<string, unknown>, replyToId?: string): Partial<Activity> {
  return {
    ...base(origin, person, 'invoke'),
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** An Action.Submit pressed on a client without Universal Actions: a message whose value is the data. */
export function cardSubmit(origin: TeamsOrigin, person: TeamsPerson, value: Record<string, unknown>, replyToId?: string): Partial<Activity> {
  return { ...base(origin, person, 'message'), replyToId, value };
}

/** The bot added to the person's personal scope (first install). */
export function botAdded(origin: TeamsOrigin, person: TeamsPerson): Partial<Activity> {
  const activity = base(origin, person, 'conversationUpdate');
  return { ...activity, membersAdded: [activity.recipient!], channelData: { ...activity.channelData, eventType: 'teamMemberAdded' } };
}

/** The app installed ('add') or uninstalled ('remove') by the person. */
export function installationUpdate(origin: TeamsOrigin, person: TeamsPerson, action: 'add' | 'remove'): Partial<Activity> {
  return { ...base(origin, person, 'installationUpdate'), action };
}

/** Posts an activity to the bot's messaging endpoint as the connector would; the local chat's own poster. */
export { postToBot as postActivity } from '../../src/localChat/teamsActivity.ts';
