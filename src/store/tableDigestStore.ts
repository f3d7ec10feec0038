// Digests sent, on Azure Table storage: one row per digest (PartitionKey the person), an index of its
// lines by action (for refreshing and "seen"), and the unread ones by day (for the commissioner).
import { odata, type TableEntity } from '@azure/data-tables';
import { isEscalationLine, type DigestLine, type DigestRecord, type DigestStore, type UnreadDigest } from '../domain/digestPorts.ts';
import type { IsoDate } from '../domain/plan.ts';
import { compoundKey, prefixEnd, textToKey } from './keys.ts';
import { mapLimit } from '../mapLimit.ts';
import { attempt, rowOrNull, listAll, statusOf, storeError, type Tables } from './tables.ts';
import { getJson, putJson } from './textFields.ts';

export const DIGEST_TABLES = ['Digests', 'DigestActions', 'DigestsUnread'];
const UNREAD = 'unread';

type Row = Record<string, unknown>;

function recordRow(r: DigestRecord): Row {
  const row: Row = {
    partitionKey: textToKey(r.personId), rowKey: textToKey(`${r.day}|${r.kind}`),
    key: r.key, kind: r.kind, personId: r.personId, day: r.day,
  };
  for (const name of ['activityId', 'conversationId', 'sentAt', 'seenAt'] as const) if (r[name] !== null) row[name] = r[name];
  putJson(row, 'lines', r.lines);
  putJson(row, 'notes', r.notes);
  return row;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toRecord(row: Row): DigestRecord {
  return {
    key: String(row.key), kind: row.kind === 'escalation' ? 'escalation' : 'owner', personId: String(row.personId), day: String(row.day),
    lines: getJson<DigestLine[]>(row, 'lines', []), notes: getJson<string[]>(row, 'notes', []),
    activityId: str(row.activityId), conversationId: str(row.conversationId), sentAt: str(row.sentAt), seenAt: str(row.seenAt),
  };
}

/** "owner|<person>|<day>" → its row keys. */
function keysOf(key: string): { partitionKey: string; rowKey: string } {
  const [kind = '', ...rest] = key.split('|');
  const day = rest.pop() ?? '';
  return { partitionKey: textToKey(rest.join('|')), rowKey: textToKey(`${day}|${kind}`) };
}

/** A digest's line, indexed under its action: whether it was the person's own action, and when they read it. */
interface Pointer { key: string; personId: string; own?: boolean; seenAt?: string }

/** The DigestStore on Azure Table storage. */
export class TableDigestStore implements DigestStore {
  constructor(private readonly tables: Tables) {}

  async save(record: DigestRecord): Promise<void> {
    await attempt(`saving digest ${record.key}`, () => this.tables.table('Digests').upsertEntity(recordRow(record) as TableEntity, 'Replace'));
  }

  async recordSent(record: DigestRecord): Promise<void> {
    await this.save(record);
    const index = this.tables.table('DigestActions');
    await mapLimit(record.lines, 8, (line) => attempt(`indexing digest ${record.key}`, () => index.upsertEntity({
      partitionKey: compoundKey(line.planId, line.actionId), rowKey: textToKey(record.key), key: record.key, personId: record.personId, day: record.day,
      own: !isEscalationLine(line),
    }, 'Replace')));
    if (record.kind === 'owner') {
      await attempt(`indexing digest ${record.key}`, () => this.tables.table('DigestsUnread').upsertEntity({ partitionKey: UNREAD, rowKey: textToKey(`${record.day}|${record.key}`), key: record.key, personId: record.personId, day: record.day, lines: record.lines.length }, 'Replace'));
    }
  }

  async get(key: string): Promise<DigestRecord | null> {
    const { partitionKey, rowKey } = keysOf(key);
    const row = await attempt(`reading digest ${key}`, () => rowOrNull<Row>(this.tables.table('Digests'), partitionKey, rowKey));
    return row && toRecord(row);
  }

  private async pointers(planId: string, actionId: string): Promise<Pointer[]> {
    return listAll<Pointer>(this.tables.table('DigestActions'), odata`PartitionKey eq ${compoundKey(planId, actionId)}`, `reading digests of ${actionId}`);
  }

  async withAction(planId: string, actionId: string): Promise<DigestRecord[]> {
    const found = await mapLimit(await this.pointers(planId, actionId), 8, (p) => this.get(p.key));
    return found.filter((r): r is DigestRecord => r !== null);
  }

  async ofPerson(personId: string, limit: number): Promise<DigestRecord[]> {
    const rows = await listAll<Row>(this.tables.table('Digests'), odata`PartitionKey eq ${textToKey(personId)}`, `reading digests of ${personId}`);
    return rows.map(toRecord).filter((r) => r.sentAt !== null).sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? '')).slice(0, limit);
  }

  async markSeen(key: string, at: string): Promise<void> {
    const record = await this.get(key);
    if (!record || record.seenAt !== null) return;
    await this.save({ ...record, seenAt: at });
    const index = this.tables.table('DigestActions');
    await mapLimit(record.lines, 8, (line) => attempt(`marking ${key} seen`, () => index.upsertEntity({ partitionKey: compoundKey(line.planId, line.actionId), rowKey: textToKey(key), seenAt: at }, 'Merge')));
    await this.tables.table('DigestsUnread').deleteEntity(UNREAD, textToKey(`${record.day}|${key}`)).catch((err: unknown) => {
      if (statusOf(err) !== 404) throw storeError(`marking ${key} seen`, err);
    });
  }

  async seenFor(planId: string, actionId: string, personId?: string): Promise<string | null> {
    // Owners' own lines only: the commissioner reading an escalation is not the owners reading theirs.
    // (Pointers written before `own` existed: owner digests held only own lines.)
    const seen = (await this.pointers(planId, actionId)).filter((p) => (p.own ?? p.key.startsWith('owner|')) && (personId === undefined || p.personId === personId) && p.seenAt).map((p) => p.seenAt ?? '');
    return seen.length > 0 ? seen.sort().at(-1) ?? null : null;
  }

  // The unread index carries what the note needs, so the commissioner's sweep reads one range, not each digest.
  async unread(from: IsoDate, to: IsoDate): Promise<UnreadDigest[]> {
    const end = prefixEnd(`${to}|`);
    const rows = await listAll<UnreadDigest>(this.tables.table('DigestsUnread'), odata`PartitionKey eq ${UNREAD} and RowKey ge ${from} and RowKey lt ${end}`, 'reading unread digests');
    return rows.map((r) => ({ key: r.key, personId: r.personId, day: r.day, lines: Number(r.lines) }));
  }
}
