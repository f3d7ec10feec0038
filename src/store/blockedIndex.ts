// The blocked index: one small pointer row per blocked action (PartitionKey the plan, RowKey the
// action), so "what is blocked" reads only the blocked ones. Azurite answers every query by filtering the
// whole table (see dueIndex.ts), so `status eq 'blocked'` over Actions read every stored action on every
// sweep: 100,000 rows a day for a tenant with one blocked action.
//
// The action row stays the truth. Writers add a pointer BEFORE writing a blocked row and drop it AFTER
// writing an unblocked one (guarded by the pointer's ETag read before, so a block given meanwhile keeps
// its pointer): a crash leaves at worst a pointer too many, which readers check and tidy, never a blocked
// action the index misses. A store written before the index existed is scanned once, its blocked actions
// pointed at, and a marker row says so.
import type { TransactionAction } from '@azure/data-tables';
import type { StoredAction } from '../domain/ports.ts';
import { keyToText, textToKey } from './keys.ts';
import { mapLimit } from '../mapLimit.ts';
import type { PlanRow } from './planRows.ts';
import { attempt, rowOrNull, listAll, statusOf, submitAll, type Tables } from './tables.ts';

export const BLOCKED_TABLE = 'Blocked';

/** A pointer disagreeing with its action and this old was left by a crash, not a write in flight. */
export const STALE_POINTER_MS = 10 * 60_000;

// textToKey writes '~' as '~7E', so no plan's key can be this.
const MARKER = { partitionKey: '~index', rowKey: 'built' };

/** An action that is (or was being made) blocked. */
export interface BlockedPointer {
  planId: string;
  actionId: string;
}

/** A pointer read back: when storage wrote it, and its ETag (to delete only that write). */
export interface StoredPointer extends BlockedPointer {
  writtenAt: string;
  etag: string;
}

const keysOf = (p: BlockedPointer): { partitionKey: string; rowKey: string } => ({ partitionKey: textToKey(p.planId), rowKey: textToKey(p.actionId) });

/** The blocked index of one store. */
export class BlockedIndex {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.table(BLOCKED_TABLE);
  }

  /** Points at actions about to be written blocked. */
  async add(pointers: BlockedPointer[]): Promise<void> {
    if (pointers.length === 0) return;
    const client = await this.tables.ensure(BLOCKED_TABLE);
    const writes = pointers.map((p): TransactionAction => ['upsert', keysOf(p), 'Replace']);
    await submitAll(client, writes, 'adding to the blocked index');
  }

  /** The pointer's ETag, or null if there is none. */
  async etagOf(pointer: BlockedPointer): Promise<string | null> {
    const { partitionKey, rowKey } = keysOf(pointer);
    return (await rowOrNull(this.client, partitionKey, rowKey))?.etag ?? null;
  }

  /** Drops pointers; with an ETag, only if not written again since. Gone or rewritten ones are fine. */
  async remove(pointers: (BlockedPointer & { etag?: string | null })[]): Promise<void> {
    await mapLimit(pointers, 16, async (p) => {
      const { partitionKey, rowKey } = keysOf(p);
      try {
        await this.client.deleteEntity(partitionKey, rowKey, p.etag ? { etag: p.etag } : {});
      } catch (err) {
        const status = statusOf(err);
        if (status !== 404 && status !== 412) throw err;
      }
    });
  }

  /** Every pointer, and whether the store's older blocked actions have been pointed at yet. */
  async read(): Promise<{ built: boolean; pointers: StoredPointer[] }> {
    const rows = await listAll<Record<string, unknown>>(this.client, undefined, 'reading the blocked index').catch((err: unknown) => {
      if (statusOf(err) === 404) return [];
      throw err;
    });
    const built = rows.some((r) => r.partitionKey === MARKER.partitionKey);
    const pointers = rows
      .filter((r) => r.partitionKey !== MARKER.partitionKey)
      .map((r) => ({ planId: keyToText(r.partitionKey), actionId: keyToText(r.rowKey), writtenAt: r.timestamp ?? '', etag: r.etag }));
    return { built, pointers };
  }

  /** Says that every blocked action stored so far has a pointer. */
  async markBuilt(): Promise<void> {
    const client = await this.tables.ensure(BLOCKED_TABLE);
    await attempt('marking the blocked index built', () => client.upsertEntity(MARKER, 'Replace'));
  }
}

/**
 * True when a pointer that disagrees with its action (not blocked, or not in the plan's current
 * version) was surely left behind rather than written just ahead of its row: the row was written after
 * it, or it is older than any write still in flight.
 */
export function isLeftOver(pointer: StoredPointer, actionWrittenAt: string | null, now: number): boolean {
  const written = Date.parse(pointer.writtenAt);
  if (Number.isNaN(written)) return true;
  if (now - written > STALE_POINTER_MS) return true;
  return actionWrittenAt !== null && actionWrittenAt !== '' && written < Date.parse(actionWrittenAt);
}

/** What reading the blocked actions needs from the action store. */
export interface BlockedReads<A extends StoredAction & { writtenAt: string }> {
  plans(planIds: string[]): Promise<Map<string, PlanRow | null>>;
  /** The action at its plan's current revision, or null. */
  read(pointer: BlockedPointer, plan: PlanRow | null): Promise<A | null>;
  /** Every blocked action at its plan's current revision, found by reading every action (once per store). */
  scan(): Promise<A[]>;
}

/** The blocked actions, read through the index (built first if the store predates it); left-over pointers are dropped. */
export async function blockedThrough<A extends StoredAction & { writtenAt: string }>(index: BlockedIndex, reads: BlockedReads<A>, now: () => number): Promise<A[]> {
  const { built, pointers } = await index.read();
  if (!built) {
    const found = await reads.scan();
    await index.add(found.map((a) => ({ planId: a.planId, actionId: a.action.id })));
    await index.markBuilt();
    return found;
  }
  const plans = await reads.plans(pointers.map((p) => p.planId));
  const left: StoredPointer[] = [];
  const found = await mapLimit(pointers, 16, async (pointer) => {
    const plan = plans.get(pointer.planId) ?? null;
    const action = await reads.read(pointer, plan);
    if (action?.progress.status === 'blocked') return action;
    // While a plan change is written its pointers may run ahead of what readers see: left alone.
    if (plan?.pending) return null;
    // No plan row may be a first import in flight: only an old pointer is surely left over.
    if (isLeftOver(pointer, plan ? (action?.writtenAt ?? null) : null, now())) left.push(pointer);
    else if (plan && !action) left.push(pointer);
    return null;
  });
  if (left.length > 0) await index.remove(left).catch(() => undefined); // tidying only; retried next time
  return found.filter((a): a is Awaited<A> => a !== null);
}
