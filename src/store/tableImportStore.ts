// Imports sent in Teams, in Azure Table storage ("Imports"): a preview is a row keyed by its token
// (partition "preview"), an import that can be undone a row per person and time (partition "done|" +
// person). Taking a row is a delete guarded by its ETag, so only one of two presses at once succeeds.
import type { TableClient, TableEntity } from '@azure/data-tables';
import type { DoneImport, ImportStore, PendingImport } from '../domain/importPorts.ts';
import type { IsoDate, Plan } from '../domain/plan.ts';
import { textToKey } from './keys.ts';
import { attempt, rowOrNull, statusOf, storeError, type Tables } from './tables.ts';
import { checkSize, getJson, putJson } from './textFields.ts';

export const IMPORTS_TABLE = 'Imports';
const PREVIEWS = 'preview';

type Row = Record<string, unknown> & { etag?: string; rowKey?: string };

const donePartition = (personId: string): string => textToKey(`done|${personId}`);

/** Deletes a row read with `etag`; false when someone else deleted or changed it first. */
async function deleteOnce(client: TableClient, partitionKey: string, rowKey: string, etag: string | undefined, what: string): Promise<boolean> {
  try {
    await client.deleteEntity(partitionKey, rowKey, { etag });
    return true;
  } catch (err) {
    if (statusOf(err) === 404 || statusOf(err) === 412) return false;
    throw storeError(what, err);
  }
}

/** The ImportStore on Azure Table storage. */
export class TableImportStore implements ImportStore {
  constructor(private readonly tables: Tables) {}

  private get client(): TableClient {
    return this.tables.table(IMPORTS_TABLE);
  }

  async savePreview(preview: PendingImport): Promise<void> {
    const row: Row = { partitionKey: PREVIEWS, rowKey: textToKey(preview.token), personId: preview.personId, expires: preview.expires };
    putJson(row, 'plan', preview.plan);
    checkSize(row, `the preview of ${preview.plan.partnership}`);
    await attempt('saving an import preview', () => this.client.upsertEntity(row as TableEntity, 'Replace'));
  }

  private async row(partitionKey: string, rowKey: string, what: string): Promise<Row | null> {
    return attempt(what, () => rowOrNull<Row>(this.client, partitionKey, rowKey));
  }

  private static previewOf(token: string, row: Row): PendingImport | null {
    const plan = getJson<Plan | null>(row, 'plan', null);
    return plan === null ? null : { token, personId: String(row.personId), expires: String(row.expires), plan };
  }

  async preview(token: string): Promise<PendingImport | null> {
    const row = await this.row(PREVIEWS, textToKey(token), 'reading an import preview');
    return row === null ? null : TableImportStore.previewOf(token, row);
  }

  async takePreview(token: string): Promise<PendingImport | null> {
    const row = await this.row(PREVIEWS, textToKey(token), 'reading an import preview');
    if (row === null) return null;
    const taken = await deleteOnce(this.client, PREVIEWS, textToKey(token), row.etag, 'taking an import preview');
    return taken ? TableImportStore.previewOf(token, row) : null;
  }

  async dropExpired(now: string): Promise<void> {
    const filter = `PartitionKey eq '${PREVIEWS}' and expires lt '${now.replace(/'/g, "''")}'`;
    const stale = this.client.listEntities<Row>({ queryOptions: { filter, select: ['RowKey'] } });
    await attempt('dropping expired import previews', async () => {
      for await (const row of stale) await deleteOnce(this.client, PREVIEWS, String(row.rowKey), '*', 'dropping an expired import preview');
    });
  }

  async saveDone(done: DoneImport): Promise<void> {
    const row: Row = { partitionKey: donePartition(done.personId), rowKey: textToKey(done.at), day: done.day, planId: done.planId };
    if (done.revision !== undefined) row.revision = done.revision;
    if (done.before !== undefined) row.before = done.before;
    putJson(row, 'previous', done.previous);
    checkSize(row, `the undo record of ${done.planId}`);
    await attempt('saving an import for undo', () => this.client.upsertEntity(row as TableEntity, 'Replace'));
  }

  async takeLastDone(personId: string, day: IsoDate): Promise<DoneImport | null> {
    const partitionKey = donePartition(personId);
    const filter = `PartitionKey eq '${partitionKey.replace(/'/g, "''")}' and day eq '${day}'`;
    const rows = await attempt('reading imports to undo', async () => {
      const found: Row[] = [];
      for await (const row of this.client.listEntities<Row>({ queryOptions: { filter } })) found.push(row);
      return found;
    });
    const last = rows.sort((a, b) => String(a.rowKey).localeCompare(String(b.rowKey))).at(-1);
    if (last === undefined) return null;
    const taken = await deleteOnce(this.client, partitionKey, String(last.rowKey), last.etag, 'taking an import to undo');
    if (!taken) return null;
    const revisions = { ...(typeof last.revision === 'string' ? { revision: last.revision } : {}), ...(typeof last.before === 'string' ? { before: last.before } : {}) };
    return { personId, day, at: String(last.rowKey), planId: String(last.planId), previous: getJson(last, 'previous', null), ...revisions };
  }
}
