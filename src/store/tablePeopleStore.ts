// People who installed the bot, and the ConversationReference that reaches each of them.
import { odata, type TableEntity } from '@azure/data-tables';
import { isPersonalChat } from '../domain/messenger.ts';
import type { PeopleStore } from '../domain/ports.ts';
import type { Person } from '../domain/progress.ts';
import { textToKey } from './keys.ts';
import { attempt, listAll, statusOf, storeError, type Tables } from './tables.ts';
import { checkSize, getJson, putJson } from './textFields.ts';

const TABLE = 'People';
// Hundreds of people at most: one partition keeps listing them a single query.
const PARTITION = 'person';

type Row = Record<string, unknown>;

function toPerson(row: Row): Person {
  return {
    id: String(row.personId), tenantId: String(row.tenantId), name: String(row.name), reachable: row.reachable === true,
    ...(typeof row.teamsId === 'string' ? { teamsId: row.teamsId } : {}), ...(typeof row.email === 'string' ? { email: row.email } : {}),
  };
}

/** The PeopleStore on Azure Table storage. */
export class TablePeopleStore implements PeopleStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.table(TABLE);
  }

  private async row(id: string): Promise<Row | null> {
    try {
      return await this.client.getEntity<Row>(PARTITION, textToKey(id));
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  async save(person: Person, conversation: object | null): Promise<void> {
    // Private reminders must never go to a group chat or channel, so such a reference is never kept as the person's.
    if (conversation !== null && !isPersonalChat(conversation)) throw new Error(`Only a personal chat is stored as where to reach person ${person.id}`);
    const row: Row = { partitionKey: PARTITION, rowKey: textToKey(person.id), personId: person.id, tenantId: person.tenantId, name: person.name, reachable: person.reachable };
    if (person.teamsId) row.teamsId = person.teamsId;
    if (person.email) row.email = person.email;
    if (conversation !== null) putJson(row, 'conversation', conversation);
    checkSize(row, `Person ${person.id}`);
    await attempt(`saving person ${person.id}`, () => this.client.upsertEntity(row as TableEntity, 'Replace'));
  }

  async get(id: string): Promise<Person | null> {
    const row = await attempt(`reading person ${id}`, () => this.row(id));
    return row && toPerson(row);
  }

  async conversationOf(id: string): Promise<object | null> {
    const row = await attempt(`reading person ${id}`, () => this.row(id));
    const conversation = row && getJson<object | null>(row, 'conversation', null);
    // A group chat or channel stored before only personal chats were kept: as good as none.
    return isPersonalChat(conversation) ? conversation : null;
  }

  async list(): Promise<Person[]> {
    const rows = await listAll<Row>(this.client, odata`PartitionKey eq ${PARTITION}`, 'listing people');
    return rows.map(toPerson).sort((a, b) => a.name.localeCompare(b.name));
  }

  async findByName(name: string): Promise<Person[]> {
    const wanted = name.trim().toLowerCase();
    if (wanted === '') return [];
    return (await this.list()).filter((p) => p.name.toLowerCase().includes(wanted));
  }

  async setReachable(id: string, reachable: boolean): Promise<void> {
    const entity = { partitionKey: PARTITION, rowKey: textToKey(id), reachable };
    try {
      // Merge with any ETag: reachability is a plain flag, the latest observation wins.
      await this.client.updateEntity(entity, 'Merge');
    } catch (err) {
      if (statusOf(err) === 404) throw new Error(`No person with id ${id}`, { cause: err });
      throw storeError(`marking person ${id} reachable=${reachable}`, err);
    }
  }
}
