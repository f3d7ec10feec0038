// What each personal chat holds, in memory: the people's messages, the bot's messages and cards, and
// notices (an invoke's message response). Listeners hear every addition and replacement.
import { unescapeCardText } from '../cards/markdown.ts';
import type { Activity } from 'botbuilder';
import type { ChatFile } from './fileCards.ts';

/** One line of a chat. */
export interface ChatEntry {
  id: string;
  conversationId: string;
  from: 'bot' | 'person' | 'notice';
  text: string | null;
  /** Adaptive Card contents attached to the message. */
  cards: object[];
  /** Files sent, offered or delivered (Teams' file attachments); absent when none. */
  files?: ChatFile[];
  replyToId: string | null;
  at: string;
}

/** Something that happened in a chat. */
export interface ChatEvent {
  kind: 'added' | 'replaced';
  entry: ChatEntry;
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** The Adaptive Cards attached to an activity, their text as Teams shows it (the page renders no Markdown). */
export function cardsOf(activity: Partial<Activity>): object[] {
  return (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE && a.content && typeof a.content === 'object').map((a) => unescapeCardText(a.content) as object);
}

/**
 * Lines kept per chat: the page shows the latest and a card further back can no longer be pressed.
 * A year of daily digests is about 365 cards of up to 25 KB per chat; without a cap the bot's memory
 * would grow with every sweep of a long local run.
 */
export const MAX_ENTRIES_PER_CHAT = 200;

/** Every chat of the local channel, each its latest `maxPerChat` lines. */
export class Transcript {
  private readonly chats = new Map<string, ChatEntry[]>();
  private readonly listeners = new Set<(event: ChatEvent) => void>();
  private counter = 0;

  constructor(private readonly maxPerChat = MAX_ENTRIES_PER_CHAT) {}

  /** A new activity id, unique in this process. */
  nextId(): string {
    this.counter += 1;
    return `msg-${this.counter}`;
  }

  add(entry: Omit<ChatEntry, 'id'> & { id?: string }): ChatEntry {
    const full: ChatEntry = { ...entry, id: entry.id ?? this.nextId() };
    const chat = this.chats.get(full.conversationId) ?? [];
    chat.push(full);
    if (chat.length > this.maxPerChat) chat.splice(0, chat.length - this.maxPerChat);
    this.chats.set(full.conversationId, chat);
    this.emit({ kind: 'added', entry: full });
    return full;
  }

  /** A line from the page itself (an invoke's message, a refusal), under the message it is about. */
  notice(conversationId: string, text: string, replyToId: string | null = null): ChatEntry {
    return this.add({ conversationId, from: 'notice', text, cards: [], replyToId, at: new Date().toISOString() });
  }

  /** Replaces a message's text and cards (a card refreshed in place); null when there is no such message. */
  replace(conversationId: string, id: string, text: string | null, cards: object[], files?: ChatFile[]): ChatEntry | null {
    const chat = this.chats.get(conversationId) ?? [];
    const index = chat.findIndex((e) => e.id === id);
    const current = chat[index];
    if (!current) return null;
    const next: ChatEntry = { ...current, text, cards, ...(files ? { files } : {}) };
    chat[index] = next;
    this.emit({ kind: 'replaced', entry: next });
    return next;
  }

  /** Replaces a message's files (a consent card answered); null when there is no such message. */
  setFiles(conversationId: string, id: string, files: ChatFile[]): ChatEntry | null {
    const current = this.find(conversationId, id);
    return current ? this.replace(conversationId, id, current.text, current.cards, files) : null;
  }

  find(conversationId: string, id: string): ChatEntry | undefined {
    return this.chats.get(conversationId)?.find((e) => e.id === id);
  }

  list(conversationId: string): ChatEntry[] {
    return [...(this.chats.get(conversationId) ?? [])];
  }

  /** Calls `listener` on every event until the returned function is called. */
  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ChatEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
