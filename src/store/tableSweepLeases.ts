// Sweep leases: a row per scheduled sweep slot, created by the instance that runs it (409 for the rest)
// and marked finished after. Taking over a lapsed lease is an ETag-checked replace: one instance wins.
import type { SweepLeases } from '../domain/ports.ts';
import { textToKey } from './keys.ts';
import { attempt, statusOf, storeError, type Tables } from './tables.ts';

export const LEASES_TABLE = 'Leases';
const PARTITION = 'sweep';

interface LeaseRow { holder: string; takenAt: string; finishedAt?: string }

/** SweepLeases on Azure Table storage. */
export class TableSweepLeases implements SweepLeases {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.table(LEASES_TABLE);
  }

  async take(slot: string, holder: string, at: string, leaseMs: number): Promise<boolean> {
    const row = { partitionKey: PARTITION, rowKey: textToKey(slot), holder, takenAt: at };
    try {
      await this.client.createEntity(row);
      return true;
    } catch (err) {
      if (statusOf(err) !== 409) throw storeError(`taking sweep lease ${slot}`, err);
    }
    const existing = await attempt(`reading sweep lease ${slot}`, () => this.client.getEntity<LeaseRow>(PARTITION, row.rowKey));
    if (existing.finishedAt || !(Date.parse(at) - Date.parse(existing.takenAt) >= leaseMs)) return false;
    try {
      await this.client.updateEntity(row, 'Replace', { etag: existing.etag });
      return true;
    } catch (err) {
      if (statusOf(err) === 412) return false; // another instance took it over first
      throw storeError(`taking over sweep lease ${slot}`, err);
    }
  }

  async finish(slot: string, holder: string, at: string): Promise<void> {
    await attempt(`finishing sweep lease ${slot}`, () => this.client.updateEntity({ partitionKey: PARTITION, rowKey: textToKey(slot), holder, finishedAt: at }, 'Merge'));
  }
}
