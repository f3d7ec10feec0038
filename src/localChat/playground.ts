// Microsoft's Teams emulator (@microsoft/m365agentsplayground, a dev dependency) as a child process in
// front of the bot: `npm run playground` and test/browser/playground.test.ts start it. Local mode only:
// nothing authenticates, so it listens on 127.0.0.1 and answers only local host names (loopbackOnly.mjs),
// and the bot answers its serviceUrl only when PLAYGROUND_PORT names its port.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playgroundServiceUrl } from '../bot/localBounds.ts';

/** The emulator's own default port. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** The emulator's port: its page and its serviceUrl (the bot's PLAYGROUND_PORT). */
  port: number;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Folder holding .m365agentsplayground.yml; the emulator writes its log to devTools/ there. */
  cwd?: string;
  /** Each line the emulator prints (default: dropped; its log file keeps them). */
  onLine?: (line: string) => void;
}

/** A running emulator. */
export interface Playground {
  /** The page to open. */
  url: string;
  /** What it gives the bot as serviceUrl. */
  serviceUrl: string;
  /** Resolves with the exit code when the emulator ends, whoever ended it. */
  exited: Promise<number | null>;
  /** Asks it to stop, without waiting (for a process that is exiting). */
  kill(): void;
  close(): Promise<void>;
}

function cliPath(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/** The emulator's log: where it reports a configuration it could not read (it exits 0 without a word). */
async function logTail(cwd: string): Promise<string> {
  const text = await readFile(path.join(cwd, 'devTools', 'm365agentsplayground.log'), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith('error ')).slice(-3).map((line) => line.slice('error '.length)).join('\n');
}

/**
 * Starts the emulator on `port` and resolves once it listens there and serves its page. Fails when the
 * port is taken (the emulator would move to another, whose serviceUrl the bot would refuse) or it exits.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const cwd = options.cwd ?? process.cwd();
  const serviceUrl = playgroundServiceUrl(options.port);
  const loopback = fileURLToPath(new URL('./loopbackOnly.mjs', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [
    '--import', loopback, cliPath(),
    '--port', String(options.port), '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams',
    '--service-url', serviceUrl, '--disable-telemetry',
  ], { cwd, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const close = async (): Promise<void> => {
    kill();
    await exited;
  };

  const listening = new Promise<number>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        options.onLine?.(line);
        const port = /^Listening on (\d+)/.exec(line.trim());
        if (port) resolve(Number(port[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`the emulator stopped (exit code ${code})`)));
  });

  try {
    const port = await listening;
    if (port !== options.port) throw new Error(`port ${options.port} is in use (the emulator moved to ${port}); set PLAYGROUND_PORT to a free port`);
    // It reads its configuration once listening and exits 0 if that fails: it is up once it serves its page.
    const url = `http://localhost:${port}`;
    for (let attempt = 0; ; attempt++) {
      const served = await Promise.race([fetch(`${url}/`).then((res) => res.ok, () => false), exited.then(() => null)]);
      if (served === null) throw new Error('the emulator stopped');
      if (served) break;
      if (attempt === 100) throw new Error(`${url}/ does not answer`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { url, serviceUrl, exited, kill, close };
  } catch (err) {
    await close();
    const reason = await logTail(cwd);
    throw new Error(`Microsoft's Teams emulator did not start: ${(err as Error).message}${reason ? `\n${reason}` : ''}`, { cause: err });
  }
}
