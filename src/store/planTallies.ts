// A plan's whole tally in one row (and one row per owner role), kept beside the partition tally rows
// (actionTally.ts) so a count reads one row, not a thousand: in Azurite, and in Azure across a
// partition range, reading the partition rows costs as much as reading the plan.
//
// The partition rows stay the truth. An answer's transaction cannot span tables, so a writer first
// leaves a token on the plan's row, writes the action with its partition tally, then moves the counts
// and takes its token off in one more write. A token older than STALE_MS means a writer died between
// the two: readers then count from the partition rows and store the result. A writer that finds its
// token gone (a rebuild came first) marks the row stale rather than guess whether it was counted.
import { randomUUID } from 'node:crypto';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import type { TallyEntry } from '../domain/ports.ts';
import { mergeTallies, moveIn, type Standing } from '../domain/tally.ts';
import { tallyEntries } from './actionTally.ts';
import { normaliseRole, textToKey } from './keys.ts';
import { moveOwners, ownerCountsOf, type OwnerCount } from './ownerTally.ts';
import { checkSize, putJson } from './textFields.ts';
import { attempt, rowOrNull, statusOf, type Tables } from './tables.ts';

export const PLAN_TALLIES_TABLE = 'PlanTallies';

/** A writer's token older than this was left by a writer that died (an answer's writes take milliseconds). */
export const STALE_MS = 2 * 60_000;

/** A transaction holds at most 100 rows (the plan's row and 99 roles) and 4 MiB; a plan over either keeps no counts per owner here. */
const MAX_ROLES = 99;
const MAX_TRANSACTION_CHARS = 3_000_000;

const charsOf = (rows: TableEntity[]): number => rows.reduce((n, row) => n + Object.values(row).reduce((m: number, v) => m + (typeof v === 'string' ? v.length : 8), 0), 0);

/** The plan's row and, if they fit in one transaction with it, its roles' rows. */
function rowsOf(planId: string, revision: string, entries: TallyEntry[], owners: OwnerCount[] | null): { head: TableEntity; roles: TableEntity[] } {
  const roles = owners && byRole(owners);
  const roleRows = roles && roles.size <= MAX_ROLES ? [...roles].map(([role, list]) => roleRow(planId, revision, role, list)) : null;
  const kept = roles !== null && roleRows !== null && charsOf(roleRows) + charsOf([headRow(planId, revision, { entries, roles: [], pending: [], stale: false })]) <= MAX_TRANSACTION_CHARS;
  return { head: headRow(planId, revision, { entries, roles: kept ? [...roles.keys()] : null, pending: [], stale: false }), roles: kept ? roleRows : [] };
}

/** Writers of one plan take turns on its row: a writer that lost a race waits a little, longer each time. */
const backOff = (tries: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(tries, 20)));

/** What the plan's row says. */
interface Head {
  etag: string;
  entries: TallyEntry[];
  /** Roles (as compared) that have a row; null: counts per owner not kept here. */
  roles: string[] | null;
  pending: [string, number][];
  stale: boolean;
}

/** One action moved by an answer. */
export interface TallyMove {
  owners: string[];
  from: Standing;
  to: Standing;
}

const headKey = (revision: string): string => `r${textToKey(revision)}`;
const roleKey = (revision: string, role: string): string => `${headKey(revision)}|${textToKey(role)}`;

function headRow(planId: string, revision: string, head: Omit<Head, 'etag'>): TableEntity {
  const row: Record<string, unknown> = { partitionKey: textToKey(planId), rowKey: headKey(revision), stale: head.stale, pending: JSON.stringify(head.pending), roles: head.roles === null ? 'none' : JSON.stringify(head.roles) };
  putJson(row, 'tally', head.entries.map((e) => [e.grid, e.status, e.dueDate, e.count]));
  return row as TableEntity;
}

function roleRow(planId: string, revision: string, role: string, entries: TallyEntry[]): TableEntity {
  const row: Record<string, unknown> = { partitionKey: textToKey(planId), rowKey: roleKey(revision, role) };
  putJson(row, 'tally', entries.map((e) => [e.grid, e.status, e.dueDate, e.count]));
  return row as TableEntity;
}

function headOf(row: Record<string, unknown> & { etag: string }): Head {
  const roles = typeof row.roles === 'string' && row.roles !== 'none' ? JSON.parse(row.roles) as string[] : null;
  return { etag: row.etag, entries: tallyEntries(row), roles, pending: typeof row.pending === 'string' ? JSON.parse(row.pending) as [string, number][] : [], stale: row.stale === true };
}

/** Counts per role out of owner counts. */
function byRole(owners: OwnerCount[]): Map<string, TallyEntry[]> {
  const roles = new Map<string, TallyEntry[]>();
  for (const { role, ...entry } of owners) roles.set(role, [...(roles.get(role) ?? []), entry]);
  return roles;
}

/** The plan-level tallies of one store. */
export class PlanTallies {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.table(PLAN_TALLIES_TABLE);
  }

  private async head(planId: string, revision: string): Promise<Head | null> {
    const row = await rowOrNull<Record<string, unknown>>(this.client, textToKey(planId), headKey(revision));
    return row && headOf(row);
  }

  private async roleEntries(planId: string, revision: string, role: string): Promise<TallyEntry[]> {
    const row = await rowOrNull<Record<string, unknown>>(this.client, textToKey(planId), roleKey(revision, role));
    return row ? tallyEntries(row) : [];
  }

  /** The kept tally (with `owner`, that role's), or null when it cannot be trusted now (count from the partitions, then `rebuild`). */
  async read(planId: string, revision: string, owner?: string): Promise<{ entries: TallyEntry[] | null; head: Head | null }> {
    const head = await attempt(`reading the tally of ${planId}`, () => this.head(planId, revision));
    const now = Date.now();
    if (!head || head.stale || head.pending.some(([, at]) => now - at > STALE_MS)) return { entries: null, head };
    if (owner === undefined) return { entries: head.entries, head };
    if (head.roles === null) return { entries: null, head };
    const role = normaliseRole(owner);
    if (!head.roles.includes(role)) return { entries: [], head };
    return { entries: await attempt(`reading the tally of ${planId}`, () => this.roleEntries(planId, revision, role)), head };
  }

  /** Writes the tallies of a revision being imported (no reader trusts it until the plan row names it). */
  async put(planId: string, revision: string, standings: { owners: string[]; standing: Standing }[]): Promise<void> {
    const client = await this.tables.ensure(PLAN_TALLIES_TABLE);
    const { head, roles } = rowsOf(planId, revision, mergeTallies([standings.map((s) => ({ ...s.standing, count: 1 }))]), ownerCountsOf(standings));
    try {
      checkSize(head, `The tally of plan ${planId}`);
    } catch {
      return; // Too many standings for one row: counts are made from the partitions' rows, as before these rows.
    }
    await attempt(`keeping the tally of ${planId}`, () => client.submitTransaction([['upsert', head, 'Replace'], ...roles.map((r): TransactionAction => ['upsert', r, 'Replace'])]));
  }

  /**
   * Stores counts made from the partition rows, unless a writer is in flight (its move would then be
   * counted twice) or the row changed since `seen` was read.
   */
  async rebuild(planId: string, revision: string, seen: Head | null, entries: TallyEntry[], owners: OwnerCount[] | null): Promise<void> {
    const now = Date.now();
    if (seen && seen.pending.some(([, at]) => now - at <= STALE_MS)) return;
    const { head, roles } = rowsOf(planId, revision, entries, owners);
    const writes: TransactionAction[] = [seen ? ['update', head, 'Replace', { etag: seen.etag }] : ['create', head], ...roles.map((r): TransactionAction => ['upsert', r, 'Replace'])];
    try {
      await (await this.tables.ensure(PLAN_TALLIES_TABLE)).submitTransaction(writes);
    } catch (err) {
      // Another writer or rebuild came first: the next reader looks again.
      if (statusOf(err) !== 412 && statusOf(err) !== 409) throw err;
    }
  }

  /** Leaves a writer's token on the plan's row before the answer is written; returns the token. */
  async begin(planId: string, revision: string): Promise<string> {
    const token = randomUUID();
    const client = await this.tables.ensure(PLAN_TALLIES_TABLE);
    await attempt(`keeping the tally of ${planId}`, async () => {
      for (let tries = 1; ; tries++) {
        const head = await this.head(planId, revision);
        const row = headRow(planId, revision, head ? { ...head, pending: [...head.pending, [token, Date.now()]] } : { entries: [], roles: null, pending: [[token, Date.now()]], stale: true });
        try {
          if (head) await client.updateEntity(row, 'Replace', { etag: head.etag });
          else await client.createEntity(row);
          return;
        } catch (err) {
          if (statusOf(err) !== 412 && statusOf(err) !== 409) throw err;
          await backOff(tries);
        }
      }
    });
    return token;
  }

  /** Moves the counts for a written answer (null: nothing was written) and takes the writer's token off. */
  async finish(planId: string, revision: string, token: string, move: TallyMove | null): Promise<void> {
    const client = this.client;
    for (let tries = 1; tries <= 60; tries++) {
      const head = await this.head(planId, revision);
      if (!head) return;
      if (!head.pending.some(([t]) => t === token)) break;
      const pending = head.pending.filter(([t]) => t !== token);
      const writes: TransactionAction[] = [];
      let { entries, roles } = head;
      if (move) {
        entries = moveIn(entries, move.from, move.to);
        if (roles !== null) {
          const touched = [...new Set(move.owners.map(normaliseRole))].filter((r) => r !== '');
          const added = touched.filter((r) => !roles?.includes(r));
          if (roles.length + added.length > MAX_ROLES) roles = null;
          else {
            const known = roles;
            roles = [...roles, ...added];
            for (const role of touched) {
              const before = known.includes(role) ? (await this.roleEntries(planId, revision, role)).map((e) => ({ role, ...e })) : [];
              const after = moveOwners(before, [role], move.from, move.to).map(({ role: _r, ...e }) => e);
              writes.push(['upsert', roleRow(planId, revision, role, after), 'Replace']);
            }
          }
        }
      }
      writes.unshift(['update', headRow(planId, revision, { entries, roles, pending, stale: head.stale }), 'Replace', { etag: head.etag }]);
      try {
        await client.submitTransaction(roles === null ? writes.slice(0, 1) : writes);
        return;
      } catch (err) {
        if (statusOf(err) !== 412) break;
        await backOff(tries);
      }
    }
    // Token gone (a rebuild came first), or the row kept changing: whether this answer is counted is not known.
    await client.updateEntity({ partitionKey: textToKey(planId), rowKey: headKey(revision), stale: true }, 'Merge').catch(() => undefined);
  }
}
