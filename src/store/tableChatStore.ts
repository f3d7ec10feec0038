// The conversation's memory in Azure Table storage: one row per person ("ChatState"), and one row per
// handled activity ("ChatReplies", keyed by conversation and activity id) so a retried activity is
// answered as before and applied once. Reply rows older than a day are treated as gone.
import type { TableEntity } from '@azure/data-tables';
import { emptyChatState, type ChatState } from '../domain/chatState.ts';
import type { ChatStore } from '../domain/ports.ts';
import { textToKey } from './keys.ts';
import { attempt, rowOrNull, statusOf, storeError, type Tables } from './tables.ts';
import { getJson, getText, putJson, putText } from './textFields.ts';

export const CHAT_TABLES = ['ChatState', 'ChatReplies'];
const REPLY_TTL_MS = 24 * 3600_000;

/** Splits an activity key into Table keys: the conversation is the partition. */
function replyKeys(key: string): { partitionKey: string; rowKey: string } {
  const cut = key.lastIndexOf('|');
  return { partitionKey: textToKey(key.slice(0, Math.max(0, cut)) || '-'), rowKey: textToKey(key.slice(cut + 1)) };
}

/** The ChatStore on Azure Table storage. */
export class TableChatStore implements ChatStore {
  constructor(private readonly tables: Tables) {}

  async state(personId: string): Promise<ChatState> {
    try {
      const row = await this.tables.table('ChatState').getEntity<Record<string, unknown>>('state', textToKey(personId));
      return { ...emptyChatState, ...getJson<Partial<ChatState>>(row, 'state', {}) };
    } catch (err) {
      if (statusOf(err) === 404) return emptyChatState;
      throw storeError(`reading the conversation state of ${personId}`, err);
    }
  }

  async saveState(personId: string, state: ChatState): Promise<void> {
    const row: Record<string, unknown> = { partitionKey: 'state', rowKey: textToKey(personId) };
    putJson(row, 'state', state);
    await attempt(`saving the conversation state of ${personId}`, () => this.tables.table('ChatState').upsertEntity(row as TableEntity, 'Replace'));
  }

  async claimActivity(key: string, at: string): Promise<boolean> {
    const client = this.tables.table('ChatReplies');
    const keys = replyKeys(key);
    try {
      await client.createEntity({ ...keys, claimedAt: at });
      return true;
    } catch (err) {
      if (statusOf(err) !== 409) throw storeError(`claiming activity ${key}`, err);
    }
    // A claim from more than a day ago is an old activity id used again: handle it afresh.
    const row = await attempt(`reading activity ${key}`, () => client.getEntity<Record<string, unknown>>(keys.partitionKey, keys.rowKey));
    if (Date.parse(String(row.claimedAt)) < Date.parse(at) - REPLY_TTL_MS) {
      await attempt(`reclaiming activity ${key}`, () => client.updateEntity({ ...keys, claimedAt: at }, 'Replace', { etag: row.etag }));
      return true;
    }
    return false;
  }

  async saveReply(key: string, reply: string): Promise<void> {
    const client = this.tables.table('ChatReplies');
    const row: Record<string, unknown> = { ...replyKeys(key) };
    putText(row, 'reply', reply);
    await attempt(`saving the reply to ${key}`, () => client.upsertEntity(row as TableEntity, 'Merge'));
  }

  async replyOf(key: string): Promise<string | null> {
    const keys = replyKeys(key);
    const row = await attempt(`reading the reply to ${key}`, () => rowOrNull<Record<string, unknown>>(this.tables.table('ChatReplies'), keys.partitionKey, keys.rowKey));
    const reply = row ? getText(row, 'reply') : '';
    return reply === '' ? null : reply;
  }
}
