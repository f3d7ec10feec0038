// The due index: one small table per due month (`${prefix}Due202611`), a row per waiting action
// (see `row` for keys). It holds only open and delayed actions with a date.
//
// Why tables per month, measured on this machine (Azurite 3.35, in memory, 24 Nov 2026):
// - Azurite answers every query with a JavaScript filter over the WHOLE table (LokiTableMetadataStore
//   `queryTableEntities`: `.chain().where(fn)`, then sorts the matches); the PartitionKey/RowKey Loki
//   indices are not used for queries. `PartitionKey eq 'x' and RowKey le 'y'` returning one row took
//   2.3 ms median at 10,000 rows and 8.2 ms at 100,000 (834 rows: 16.9 ms): linear in table size.
// - Writes find the existing row with findOne({PartitionKey, RowKey}), which scans the whole partition:
//   20,000 rows into one partition took 45 s, into 200 partitions 4.2 s; 100,000 rows into 1,000
//   partitions 13 s. Hence bucketed action partitions (actionRows.ts), bucketed due-index partitions
//   (below), and a role index with one row per role and bucket (roleIndex.ts).
// Real Azure indexes PartitionKey+RowKey ranges, so the same layout is cheap there too. With a table
// per month, "due by D" reads only the month tables up to D: rows that are due, plus the index rows of
// the rest of D's own month. Figures: bench/storeBench.ts.
import type { TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { addDays } from '../domain/calendar.ts';
import type { IsoDate } from '../domain/plan.ts';
import { bucketOf, compoundKey, prefixEnd, textToKey } from './keys.ts';
import { mapLimit } from '../mapLimit.ts';
import { attempt, listAll, statusOf, submitAll, type Tables } from './tables.ts';

/** A pointer from a due date to an action (`buckets`: its plan's bucket count). */
export interface DueEntry {
  planId: string;
  actionId: string;
  dueDate: IsoDate;
  buckets: number;
  /** The action's grid and owner roles, so a list can be narrowed before any action is read (absent on pointers written before they were kept). */
  grid?: number;
  owners?: string[];
  /** When storage wrote the pointer (read back only). */
  writtenAt?: string;
}

const TABLE_STEM = 'Due';
/** Days in the first window of a month read for "the oldest few"; each next window is twice as wide. */
const FIRST_WINDOW_DAYS = 2;

function monthOf(date: IsoDate): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a YYYY-MM-DD date: "${date}"`);
  return date.slice(0, 4) + date.slice(5, 7);
}

// PartitionKey: the plan and a coarse bucket (an eighth of the plan's action buckets), RowKey the due
// date then plan|action. Partitions stay a few hundred rows in a month even if every action shares one
// date, and an import fills whole transactions: keyed by date, a 100,000-action plan spread over two
// years wrote 1-row transactions and took six minutes.
function row(entry: DueEntry): { partitionKey: string; rowKey: string; planId: string; actionId: string; buckets: number; grid?: number; owners?: string } {
  const bucket = bucketOf(entry.actionId, Math.max(1, Math.floor(entry.buckets / 8))).toString(16).padStart(4, '0');
  const keys = { partitionKey: `${textToKey(entry.planId)}|${bucket}`, rowKey: `${entry.dueDate}|${compoundKey(entry.planId, entry.actionId)}` };
  const shown = entry.grid !== undefined && entry.owners ? { grid: entry.grid, owners: JSON.stringify(entry.owners) } : {};
  return { ...keys, planId: entry.planId, actionId: entry.actionId, buckets: entry.buckets, ...shown };
}

/** A pointer read back. */
function entryOf(r: { planId: string; actionId: string; buckets: number; grid?: number; owners?: string; rowKey: string; timestamp?: string }): DueEntry {
  const shown = typeof r.grid === 'number' && typeof r.owners === 'string' ? { grid: r.grid, owners: JSON.parse(r.owners) as string[] } : {};
  return { planId: r.planId, actionId: r.actionId, dueDate: r.rowKey.slice(0, 10), buckets: r.buckets, ...shown, writtenAt: r.timestamp ?? '' };
}

/** The due index of one store. */
export class DueIndex {
  constructor(private readonly tables: Tables) {}

  /** Adds index rows, creating month tables as needed. */
  async add(entries: DueEntry[]): Promise<void> {
    const byMonth = groupByMonth(entries);
    await mapLimit([...byMonth], 4, async ([month, list]) => {
      const client = await this.tables.ensure(TABLE_STEM + month);
      const actions: TransactionAction[] = list.map((e) => ['upsert', row(e), 'Replace']);
      await submitAll(client, actions, `adding to due index ${month}`);
    });
  }

  /** Removes index rows; rows already gone are fine. */
  async remove(entries: DueEntry[]): Promise<void> {
    await mapLimit(entries, 16, async (entry) => {
      const { partitionKey, rowKey } = row(entry);
      try {
        await this.tables.table(TABLE_STEM + monthOf(entry.dueDate)).deleteEntity(partitionKey, rowKey);
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    });
  }

  /**
   * Index rows with dueDate ≤ date, oldest first. They may be stale: callers re-check the action. With
   * `enough`, months are read oldest first, each a window of days at a time (widening), and reading stops
   * after the window where `enough` is met: "the 50 oldest" in a 100,000-action plan reads a day or two of
   * pointers, not the month's 4,000.
   */
  async upTo(date: IsoDate, enough?: (entries: DueEntry[]) => boolean): Promise<DueEntry[]> {
    const last = monthOf(date);
    const months = (await this.months()).filter((m) => m <= last).sort();
    const end = prefixEnd(`${date}|`);
    const read = async (month: string, filter: string | undefined): Promise<DueEntry[]> => {
      try {
        return (await listAll<{ planId: string; actionId: string; buckets: number; grid?: number; owners?: string }>(this.tables.table(TABLE_STEM + month), filter, `reading due index ${month}`)).map(entryOf);
      } catch (err) {
        if (statusOf(err) === 404) return [];
        throw err;
      }
    };
    let found: DueEntry[] = [];
    if (enough) {
      outer: for (const month of months) {
        // Every window holds every pointer of its days, so what is found is whole up to the window's end.
        const monthEnd = month === last ? end : `${addDays(`${month.slice(0, 4)}-${month.slice(4)}-01`, 31).slice(0, 7)}-01`;
        let from = `${month.slice(0, 4)}-${month.slice(4)}-01`;
        for (let days = FIRST_WINDOW_DAYS; from < monthEnd; days *= 2) {
          const next = addDays(from.slice(0, 10), days);
          const to = next < monthEnd ? next : monthEnd;
          found.push(...await read(month, odata`RowKey ge ${from} and RowKey lt ${to}`));
          if (enough(found)) break outer;
          from = to;
        }
      }
    } else {
      found = (await mapLimit(months, 8, (month) => read(month, month === last ? odata`RowKey lt ${end}` : undefined))).flat();
    }
    return found.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  }

  /** The months that have an index table (yyyymm), found by listing the store's tables. */
  private async months(): Promise<string[]> {
    const stem = `${this.tables.prefix}${TABLE_STEM}`;
    return attempt('listing due index tables', async () => {
      const months: string[] = [];
      for await (const table of this.tables.service.listTables({ queryOptions: { filter: odata`TableName ge ${stem} and TableName lt ${stem + '~'}` } })) {
        const month = table.name?.slice(stem.length) ?? '';
        if (/^\d{6}$/.test(month)) months.push(month);
      }
      return months;
    });
  }
}

function groupByMonth(entries: DueEntry[]): Map<string, DueEntry[]> {
  const byMonth = new Map<string, DueEntry[]>();
  for (const entry of entries) {
    const month = monthOf(entry.dueDate);
    const list = byMonth.get(month) ?? [];
    list.push(entry);
    byMonth.set(month, list);
  }
  return byMonth;
}
