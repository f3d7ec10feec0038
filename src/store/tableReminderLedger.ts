// The send-once ledger. A claim is a row created with createEntity (409 when it exists); taking over an
// expired or failed claim is an ETag-checked replace, so of two sweeps racing, exactly one wins.
import { odata, type TableEntity } from '@azure/data-tables';
import type { ReminderInfo, ReminderLedger, SentReminder } from '../domain/ports.ts';
import { bucketOf, compoundKey, textToKey } from './keys.ts';
import { attempt, rowOrNull, listAll, statusOf, storeError, type Tables } from './tables.ts';
import { putText } from './textFields.ts';

const LEDGER = 'Reminders';
const SENT = 'Sent';
// Keys spread over partitions: Azurite slows with partition size, Azure spreads load by partition.
const BUCKETS = 64;

type State = 'claimed' | 'sent' | 'failed';
interface ClaimRow extends ReminderInfo { key: string; state: State; claimedAt: string; attempts: number; error?: string; failedAt?: string; sentAt?: string; activityId?: string; conversationId?: string }

function keysOf(key: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: bucketOf(key, BUCKETS).toString(16).padStart(2, '0'), rowKey: textToKey(key) };
}

/** The ReminderLedger on Azure Table storage. */
export class TableReminderLedger implements ReminderLedger {
  constructor(private readonly tables: Tables) {}

  private get ledger() {
    return this.tables.table(LEDGER);
  }

  private async read(key: string): Promise<(ClaimRow & { etag: string }) | null> {
    const { partitionKey, rowKey } = keysOf(key);
    return attempt(`reading reminder ${key}`, () => rowOrNull<ClaimRow>(this.ledger, partitionKey, rowKey));
  }

  async claim(key: string, info: ReminderInfo, at: string, leaseMs: number): Promise<boolean> {
    const fresh: ClaimRow = { key, ...info, state: 'claimed', claimedAt: at, attempts: 1 };
    for (let tries = 0; tries < 3; tries++) {
      try {
        await this.ledger.createEntity({ ...keysOf(key), ...fresh });
        return true;
      } catch (err) {
        if (statusOf(err) !== 409) throw storeError(`claiming reminder ${key}`, err);
      }
      const existing = await this.read(key);
      if (!existing) continue; // vanished between the two calls: try creating again
      if (existing.state === 'sent') return false;
      const age = Date.parse(at) - Date.parse(existing.claimedAt);
      if (existing.state === 'claimed' && !(age >= leaseMs)) return false;
      try {
        await this.ledger.updateEntity({ ...keysOf(key), ...fresh, attempts: existing.attempts + 1 }, 'Replace', { etag: existing.etag });
        return true;
      } catch (err) {
        if (statusOf(err) === 412) return false; // another sweep took it over first
        throw storeError(`re-claiming reminder ${key}`, err);
      }
    }
    return false;
  }

  async markSent(key: string, sent: { at: string; activityId: string | null; conversationId: string | null }): Promise<void> {
    const existing = await this.read(key);
    if (!existing) throw new Error(`Reminder ${key} was marked sent without being claimed`);
    const row: TableEntity<ClaimRow> = { ...keysOf(key), key, planId: existing.planId, actionId: existing.actionId, audience: existing.audience, personId: existing.personId, state: 'sent', claimedAt: existing.claimedAt, attempts: existing.attempts, sentAt: sent.at };
    if (sent.activityId !== null) row.activityId = sent.activityId;
    if (sent.conversationId !== null) row.conversationId = sent.conversationId;
    await attempt(`marking reminder ${key} sent`, () => this.ledger.upsertEntity(row, 'Replace'));
    if (sent.activityId !== null && sent.conversationId !== null) {
      const pointer = { partitionKey: compoundKey(existing.planId, existing.actionId), rowKey: textToKey(key), key, personId: existing.personId, activityId: sent.activityId, conversationId: sent.conversationId };
      await attempt(`recording sent reminder ${key}`, () => this.tables.table(SENT).upsertEntity(pointer, 'Replace'));
    }
  }

  async markFailed(key: string, error: string, at: string): Promise<void> {
    const existing = await this.read(key);
    if (!existing) throw new Error(`Reminder ${key} was marked failed without being claimed`);
    if (existing.state === 'sent') return; // a later failure report must not make a sent reminder re-sendable
    const row: TableEntity<ClaimRow> = { ...keysOf(key), key, planId: existing.planId, actionId: existing.actionId, audience: existing.audience, personId: existing.personId, state: 'failed', claimedAt: existing.claimedAt, attempts: existing.attempts, failedAt: at };
    putText(row, 'error', error); // whole, split if long: the error is what the operator reads
    await attempt(`marking reminder ${key} failed`, () => this.ledger.updateEntity(row, 'Replace', { etag: existing.etag }));
  }

  async sentFor(planId: string, actionId: string): Promise<SentReminder[]> {
    const rows = await listAll<SentReminder>(this.tables.table(SENT), odata`PartitionKey eq ${compoundKey(planId, actionId)}`, `reading reminders sent for ${actionId}`);
    return rows.map((r) => ({ key: r.key, personId: r.personId, activityId: r.activityId, conversationId: r.conversationId }));
  }

  async stats(): Promise<{ sent: number; failed: number; claimed: number }> {
    const rows = await listAll<{ state: State }>(this.ledger, undefined, 'counting reminders');
    const stats = { sent: 0, failed: 0, claimed: 0 };
    for (const r of rows) stats[r.state] += 1;
    return stats;
  }
}
