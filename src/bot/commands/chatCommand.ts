// A chat command is data: the intent kind it acts on, a help line, and a handler. Help is generated from
// the list. Reading the message is done before (src/domain/reading); a command only acts.
import type { Caller } from '../../app/caller.ts';
import type { Directory } from '../../app/directory.ts';
import type { Services } from '../../app/services.ts';
import type { ChatState } from '../../domain/chatState.ts';
import type { IsoDate } from '../../domain/plan.ts';
import type { Intent } from '../../domain/reading/intent.ts';
import type { Messenger } from '../messenger.ts';

/** Everything a command needs about the message in hand. */
export interface ChatTurn {
  services: Services;
  messenger: Messenger;
  directory: Directory;
  caller: Caller;
  /** The plans the caller may see (src/app/access.ts). */
  visible: Set<string>;
  today: IsoDate;
  /** People mentioned in the message (Teams @mentions), with the ids Teams gave. */
  mentions: Mention[];
  /** The conversation's memory for this person; commands change it in place and it is saved after. */
  state: ChatState;
}

/** A Teams @mention: the person's Teams user id ("29:…"), display name, and AAD id when Teams gives it. */
export interface Mention {
  id: string;
  name: string;
  aadObjectId?: string;
}

/** What a command answers: a card from cards/, or plain text. */
export type ChatReply = { card: object } | { text: string };

/** One thing people can ask for: the handler of one or more intent kinds. */
export interface ChatCommand<K extends Intent['kind'] = Intent['kind']> {
  kinds: readonly K[];
  /** An example people can copy, shown in help; absent for commands help does not list. */
  example?: string;
  summary?: string;
  run(turn: ChatTurn, intent: Extract<Intent, { kind: K }>): Promise<ChatReply>;
}

/** A command for these intent kinds (keeps the handler's intent type narrow). */
export function command<K extends Intent['kind']>(definition: ChatCommand<K>): ChatCommand {
  return definition as unknown as ChatCommand;
}
