// Opens Azure Table clients for one store (prefix + name) and turns storage errors into clear ones.
import { TableClient, TableServiceClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { mapLimit } from '../mapLimit.ts';

/** How to reach a storage account: a connection string, or a table endpoint and a credential (managed identity). */
export type TableAccess = string | { endpoint: string; credential: TokenCredential };

/** The storage account the store lives in, and its table-name prefix. */
export interface Tables {
  prefix: string;
  /** A client for `${prefix}${name}` (not created: call `ensure`). */
  table(name: string): TableClient;
  /** Creates the table if it does not exist. */
  ensure(name: string): Promise<TableClient>;
  service: TableServiceClient;
}

/** A storage failure, with the HTTP status and Azure error code, and never the connection string. */
export class StoreError extends Error {
  constructor(message: string, readonly statusCode: number | undefined, readonly errorCode: string | undefined, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

interface RestLike { statusCode?: number; details?: { errorCode?: string; odataError?: { code?: string } } }

/** The HTTP status of a storage error, if it has one. */
export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null ? (err as RestLike).statusCode : undefined;
}

/** Wraps a storage error as a StoreError that says what was being done. */
export function storeError(what: string, err: unknown): Error {
  if (err instanceof StoreError) return err;
  const status = statusOf(err);
  if (status === undefined) return err instanceof Error ? err : new Error(`${what}: ${String(err)}`);
  const details = (err as RestLike).details;
  const code = details?.errorCode ?? details?.odataError?.code ?? undefined;
  return new StoreError(`Table storage: ${what} failed (${status}${code ? ` ${code}` : ''})`, status, code || undefined, { cause: err });
}

/** Runs a storage call; a failure becomes a StoreError naming `what`. */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw storeError(what, err);
  }
}

/** True for Azurite's development settings and explicit http endpoints: only these may go without TLS. */
function isInsecure(connectionString: string): boolean {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return true;
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (endpoint) return endpoint.trim().toLowerCase().startsWith('http:');
  return /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString);
}

/** Table clients for `prefix`; the prefix must be letters and digits, starting with a letter. */
export function openTables(access: TableAccess, prefix: string): Tables {
  if (!/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(prefix)) throw new Error(`Table prefix must be letters and digits starting with a letter (at most 40): "${prefix}"`);
  const connect = clientsFor(access);
  const service = connect.service();
  const clients = new Map<string, TableClient>();
  const created = new Set<string>();
  const table = (name: string): TableClient => {
    let client = clients.get(name);
    if (!client) {
      client = connect.table(`${prefix}${name}`);
      clients.set(name, client);
    }
    return client;
  };
  return {
    prefix,
    service,
    table,
    async ensure(name) {
      const client = table(name);
      if (!created.has(name)) {
        await attempt(`creating table ${prefix}${name}`, () => client.createTable());
        created.add(name);
      }
      return client;
    },
  };
}

/** Client factories for a connection string or an endpoint with a credential. */
function clientsFor(access: TableAccess): { service(): TableServiceClient; table(name: string): TableClient } {
  if (typeof access !== 'string') {
    const options = { allowInsecureConnection: access.endpoint.toLowerCase().startsWith('http:') };
    return {
      service: () => new TableServiceClient(access.endpoint, access.credential, options),
      table: (name) => new TableClient(access.endpoint, name, access.credential, options),
    };
  }
  const options = { allowInsecureConnection: isInsecure(access) };
  return {
    service: () => {
      try {
        return TableServiceClient.fromConnectionString(access, options);
      } catch (err) {
        // The SDK's parse errors may quote the string, so the original error is deliberately not passed on.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`The table storage connection string could not be read (${err instanceof Error ? err.name : 'error'})`);
      }
    },
    table: (name) => TableClient.fromConnectionString(access, name, options),
  };
}

/** Azure takes at most 100 operations per transaction, all in one partition. */
const TRANSACTION_SIZE = 100;

/** Writes many operations as transactions of ≤100 per partition, several at a time. */
export async function submitAll(client: TableClient, actions: TransactionAction[], what: string): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const pk = (action[1] as TableEntity).partitionKey;
    const list = byPartition.get(pk) ?? [];
    list.push(action);
    byPartition.set(pk, list);
  }
  const batches: TransactionAction[][] = [];
  for (const list of byPartition.values()) {
    for (let i = 0; i < list.length; i += TRANSACTION_SIZE) batches.push(list.slice(i, i + TRANSACTION_SIZE));
  }
  await mapLimit(batches, 16, (batch) => attempt(`${what} (${batch.length} rows)`, () => client.submitTransaction(batch)));
}

/** Every entity a query returns (with `select`, only those properties). */
export async function listAll<T extends object>(client: TableClient, filter: string | undefined, what: string, select?: string[]): Promise<(TableEntity<T> & { etag: string; timestamp?: string })[]> {
  return attempt(what, async () => {
    const rows: (TableEntity<T> & { etag: string; timestamp?: string })[] = [];
    const iterator = client.listEntities<T>({ queryOptions: { ...(filter ? { filter } : {}), ...(select ? { select } : {}) } });
    for await (const row of iterator) rows.push(row as TableEntity<T> & { etag: string; timestamp?: string });
    return rows;
  });
}

/** The entity at these keys, or null when there is none (404); any other failure is thrown as it came. */
export async function rowOrNull<T extends object>(client: TableClient, partitionKey: string, rowKey: string): Promise<(TableEntity<T> & { etag: string }) | null> {
  try {
    return (await client.getEntity<T>(partitionKey, rowKey)) as TableEntity<T> & { etag: string };
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}
