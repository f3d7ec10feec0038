// Acting on what a message means: the intent goes to the command for its kind, with the caller's view
// (the plans they may see) and the conversation's memory, which is saved after the command has run.
import { visiblePlanIds } from '../app/access.ts';
import { callerFrom } from '../app/caller.ts';
import { loadDirectory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { londonDate } from '../domain/calendar.ts';
import type { Intent } from '../domain/reading/intent.ts';
import type { ChatReply, ChatTurn, Mention } from './commands/chatCommand.ts';
import { commandFor } from './commands/index.ts';
import type { Messenger } from './messenger.ts';

/** Who sent the activity. */
export interface Sender {
  id: string;
  name: string;
  tenantId: string;
  mentions: Mention[];
}

/** Builds the turn for a sender: directory, caller, visible plans and the conversation's memory. */
export async function turnFor(services: Services, messenger: Messenger, sender: Sender): Promise<ChatTurn> {
  const directory = await loadDirectory(services.store);
  const caller = callerFrom(sender.id, sender.name, sender.tenantId, directory, services.settings);
  const state = await services.store.chat.state(sender.id);
  return { services, messenger, directory, caller, visible: visiblePlanIds(caller, directory), today: londonDate(services.clock.now()), mentions: sender.mentions, state: structuredClone(state) };
}

/** Runs the command for `intent` and saves the conversation's memory if it changed. */
export async function dispatch(turn: ChatTurn, intent: Intent): Promise<ChatReply> {
  const before = JSON.stringify(turn.state);
  const command = commandFor(intent.kind);
  const reply = command ? await command.run(turn, intent) : { text: `I understood that ("${intent.kind}"), but I can't do it here yet. Nothing was changed.` };
  if (JSON.stringify(turn.state) !== before) await turn.services.store.chat.saveState(turn.caller.id, turn.state);
  return reply;
}
