// `npm run playground` as a person runs it: one command starts the bot (local mode, the local chat) and
// Microsoft's Teams emulator on 127.0.0.1 (answering only local host names), prints the page to open,
// and Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops both. A port already
// taken is refused with a clear message. The test's own ports, tables (the test Azurite) and no demo plans, so it starts quickly.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../src/freePort.ts';

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
});


/** Whether something answers on `host`:`port`. */
function answers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** GET / on 127.0.0.1:`port` with a chosen Host header (fetch would not let us set it). */
function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in what the command printed. */
  printed: (pattern: RegExp) => Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

/** `npm run playground`'s command, in a process group of its own (as a terminal's foreground job). */
function runPlayground(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'scripts/playground.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_PLANS: '', AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'), TABLE_PREFIX: 'playgroundScript', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let text = '';
  const waiting: (() => void)[] = [];
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    waiting.splice(0).forEach((check) => check());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { resolve(code); waiting.splice(0).forEach((check) => check()); }));
  const printed = (pattern: RegExp): Promise<RegExpExecArray> => new Promise((resolve, reject) => {
    const check = (): void => {
      const match = pattern.exec(text);
      if (match) resolve(match);
      else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`exited before printing ${pattern}:\n${text}`));
      else waiting.push(check);
    };
    check();
  });
  return { child, output: () => text, printed, exited };
}

describe('npm run playground', () => {
  it('starts the bot and the emulator on 127.0.0.1, prints the page, and Ctrl-C stops both', async () => {
    const [bot, chat, emulator] = await Promise.all([freePort(), freePort(), freePort()]);
    const run = runPlayground({ PORT: String(bot), LOCAL_CHAT_PORT: String(chat), PLAYGROUND_PORT: String(emulator) });
    const [, url] = await run.printed(/Microsoft's Teams emulator: open (http:\/\/localhost:\d+)\//);
    expect(url).toBe(`http://localhost:${emulator}`);
    expect(run.output()).toContain(`Open http://127.0.0.1:${chat}/`);
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${bot}/healthz`)).status).toBe(200);
    // The emulator lets anyone who reaches it chat as the commissioner: not from this machine's other
    // addresses (left on its own it listens on every interface). Every address this machine has is tried.
    const outside = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a?.address ?? '');
    for (const address of outside) expect(await answers(emulator, address), address).toBe(false);
    // Nor from a web page through a DNS name rebound to 127.0.0.1: only local host names are answered.
    expect(await statusWithHost(emulator, 'evil.example.org')).toBe(403);
    expect(await statusWithHost(emulator, `evil.example.org:${emulator}`)).toBe(403);
    expect(await statusWithHost(emulator, `localhost:${emulator}`)).toBe(200);

    process.kill(-(run.child.pid as number), 'SIGINT');
    expect(await run.exited).toBe(0);
    // Both let go of their ports: the bot drained and closed, the emulator ended.
    await expect.poll(async () => [await answers(bot), await answers(chat), await answers(emulator)], { timeout: 20_000 }).toEqual([false, false, false]);
  }, 90_000);

  it('refuses a taken emulator port, naming the setting, and leaves nothing running', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const bot = await freePort();
    try {
      const run = runPlayground({ PORT: String(bot), LOCAL_CHAT_PORT: '0', PLAYGROUND_PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`port ${port} is in use (another bot or emulator?): stop it, or set PLAYGROUND_PORT to a free port`);
      expect(await answers(bot)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 60_000);
});
