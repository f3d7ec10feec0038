// A chat command is data: a pattern, a help line and a handler. Help is generated from the list.
import type { Caller } from '../../app/caller.ts';
import type { Directory } from '../../app/directory.ts';
import type { Services } from '../../app/services.ts';
import type { IsoDate } from '../../domain/plan.ts';

/** Everything a command needs about the message in hand. */
export interface ChatTurn {
  services: Services;
  directory: Directory;
  caller: Caller;
  today: IsoDate;
  /** The message with mentions of the bot removed, trimmed. */
  text: string;
  /** People mentioned in the message (Teams @mentions), by display name. */
  mentions: string[];
}

/** What a command answers: a card from cards/, or plain text. */
export type ChatReply = { card: object } | { text: string };

/** One thing people can type. */
export interface ChatCommand {
  /** An example people can copy, shown in help and the welcome card. */
  example: string;
  summary: string;
  pattern: RegExp;
  run(turn: ChatTurn, match: RegExpMatchArray): Promise<ChatReply>;
}
