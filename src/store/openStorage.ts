// Storage as configured: an Azure account by managed identity (AZURE_TABLES_ENDPOINT) or connection
// string, or else (local mode only: config refuses it otherwise) the embedded Azurite, started here
// or reused when `npm start` already runs it, with its data under DATA_DIR.
import { connect } from 'node:net';
import path from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import type { Config } from '../config.ts';
import type { Store } from '../domain/ports.ts';
import type { Logger } from '../log.ts';
import { azuriteConnectionString, startAzurite } from './azurite.ts';
import { openTableStore } from './tableStore.ts';

/** An open store and how to let go of it. */
export interface OpenStorage {
  store: Store;
  /** Where it is, for logs: never the connection string itself. */
  description: string;
  close(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Opens the configured store, starting Azurite when no connection string is set. */
export async function openStorage(config: Config, logger: Logger): Promise<OpenStorage> {
  if (config.AZURE_TABLES_ENDPOINT) {
    // The default credential finds the managed identity in Azure (AZURE_CLIENT_ID picks a user-assigned one).
    const store = await openTableStore({ endpoint: config.AZURE_TABLES_ENDPOINT, credential: new DefaultAzureCredential() }, config.TABLE_PREFIX);
    return { store, description: `Azure Table Storage at ${config.AZURE_TABLES_ENDPOINT} (managed identity)`, close: async () => {} };
  }
  if (config.AZURE_TABLES_CONNECTION_STRING) {
    const store = await openTableStore(config.AZURE_TABLES_CONNECTION_STRING, config.TABLE_PREFIX);
    return { store, description: 'Azure Table Storage (AZURE_TABLES_CONNECTION_STRING)', close: async () => {} };
  }
  const port = config.AZURITE_PORT;
  if (await listening(port)) {
    const store = await openTableStore(azuriteConnectionString(port), config.TABLE_PREFIX);
    return { store, description: `Azurite already running on 127.0.0.1:${port}`, close: async () => {} };
  }
  const location = path.resolve(config.DATA_DIR, 'azurite');
  const azurite = await startAzurite({ location, port });
  logger.info({ port, location }, 'started Azurite (no AZURE_TABLES_CONNECTION_STRING set)');
  try {
    const store = await openTableStore(azurite.connectionString, config.TABLE_PREFIX);
    return { store, description: `Azurite on 127.0.0.1:${port}, data in ${location}`, close: () => azurite.stop() };
  } catch (err) {
    await azurite.stop();
    throw err;
  }
}
