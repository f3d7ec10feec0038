// Activities from a group chat or a team's channel, shaped as Teams sends them: the conversation says
// 'groupChat' or 'channel', a channel message's conversation id ends in ";messageid=…", and the bot is
// addressed with an @mention ("<at>actionbot</at> what's overdue?") listed in the activity's entities.
import type { Activity } from 'botbuilder';
import { cardAction, message, testTenantId, type TeamsOrigin, type TeamsPerson } from './teamsActivity.ts';

/** Where the activity happens: a group chat, or a team's channel. */
export interface GroupPlace {
  kind: 'groupChat' | 'channel';
  /** "19:…@thread.v2" for a group chat; "19:…@thread.tacv2" for a channel (the team's General has the team's id). */
  id: string;
  /** For a channel: the team's id. */
  teamId?: string;
}

export function groupChat(name: string): GroupPlace {
  return { kind: 'groupChat', id: `19:${name}@thread.v2` };
}

export function teamChannel(name: string): GroupPlace {
  const id = `19:${name}@thread.tacv2`;
  return { kind: 'channel', id, teamId: id };
}

function inPlace(activity: Partial<Activity>, place: GroupPlace, tenantId = testTenantId, messageId?: string): Partial<Activity> {
  const conversationId = place.kind === 'channel' && messageId ? `${place.id};messageid=${messageId}` : place.id;
  return {
    ...activity,
    conversation: { id: conversationId, conversationType: place.kind, isGroup: true, tenantId, name: place.kind === 'channel' ? 'General' : '' },
    channelData: {
      tenant: { id: tenantId },
      ...(place.kind === 'channel' ? { team: { id: place.teamId, name: 'Partnership' }, channel: { id: place.id, name: 'General' } } : {}),
    },
  };
}

/** The app added to a group chat or team by `person`: Teams sends installationUpdate and conversationUpdate. */
export function addedTo(origin: TeamsOrigin, person: TeamsPerson, place: GroupPlace): Partial<Activity>[] {
  const rest = { ...message(origin, person, ''), text: undefined, textFormat: undefined };
  const bot = rest.recipient;
  return [
    inPlace({ ...rest, type: 'installationUpdate', action: 'add' }, place),
    inPlace({ ...rest, type: 'conversationUpdate', membersAdded: [bot as NonNullable<typeof bot>], channelData: {} }, place),
  ];
}

/** The app removed from the group chat or team. */
export function removedFrom(origin: TeamsOrigin, person: TeamsPerson, place: GroupPlace): Partial<Activity> {
  const rest = { ...message(origin, person, ''), text: undefined, textFormat: undefined };
  return inPlace({ ...rest, type: 'installationUpdate', action: 'remove' }, place);
}

/** A message to the bot there, addressed with an @mention as Teams sends it. */
export function mentionIn(origin: TeamsOrigin, person: TeamsPerson, place: GroupPlace, words: string): Partial<Activity> {
  const base = message(origin, person, `<at>${origin.botName ?? 'actionbot'}</at> ${words}`);
  const mention = { type: 'mention', mentioned: { id: base.recipient?.id, name: base.recipient?.name }, text: `<at>${origin.botName ?? 'actionbot'}</at>` };
  return { ...inPlace(base, place, testTenantId, base.id), textFormat: 'xml', entities: [mention] };
}

/** A card button pressed there (Action.Execute). */
export function pressIn(origin: TeamsOrigin, person: TeamsPerson, place: GroupPlace, verb: string, data: Record<string, unknown>): Partial<Activity> {
  return inPlace(cardAction(origin, person, verb, data), place);
}
