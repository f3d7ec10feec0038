// Starts the Azurite table emulator from the project's own dependencies, so the embedded default
// and the tests need no Azure account. Table service only, on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../freePort.ts';

/** A running emulator and the connection string that reaches it. */
export interface RunningAzurite {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

const ACCOUNT = 'devstoreaccount1';
// Azurite's well-known development key: public, documented, not a secret.
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The connection string for an Azurite table endpoint on a given port. */
export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}


async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Azurite did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Azurite is a development dependency: found in a dev install (`npm ci`), never in the production image. */
function azuriteMain(): string {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('azurite/package.json')), 'dist/src/table/main.js');
  } catch (err) {
    throw new Error('Azurite is not installed (it is a development dependency: run `npm ci` in a dev checkout), and no AZURE_TABLES_CONNECTION_STRING is set', { cause: err });
  }
}

/**
 * Starts Azurite's table service. With `location` data is kept on disk there; without it, in memory.
 * Port 0 (the default) picks a free port.
 */
export async function startAzurite(options: { location?: string; port?: number } = {}): Promise<RunningAzurite> {
  const main = azuriteMain();
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const args = [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--silent', '--disableTelemetry', '--skipApiVersionCheck'];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000); });
  try {
    await waitForPort(port, child, 15_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`, { cause: err });
  }
  return {
    connectionString: azuriteConnectionString(port),
    port,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      // Azurite saves its database on SIGINT only; SIGTERM would lose the last few seconds of writes.
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}
