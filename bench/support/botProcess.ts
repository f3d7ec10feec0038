// The bot as its own process for a bench: `node dist/main.js` with the image's heap cap (read from the
// Dockerfile's CMD, so the two cannot drift apart), in local mode, its memory read from /proc.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { freePort } from '../../src/freePort.ts';

export { freePort };

/** The heap cap the production image starts Node with (Dockerfile CMD --max-old-space-size). */
export function imageHeapCapMb(): number {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  const cap = /^CMD .*--max-old-space-size=(\d+)/m.exec(dockerfile)?.[1];
  if (!cap) throw new Error('bench: the Dockerfile CMD sets no --max-old-space-size');
  return Number(cap);
}


/** VmRSS (now) and VmHWM (the process's peak so far) of a process, in MB. */
export function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** A running bot process. */
export interface BotProcess {
  pid: number;
  /** The bot's own server (/api/messages, /healthz). */
  url: string;
  /** The last few KB the bot logged or wrote to stderr. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Builds dist/ once per bench run. */
let built = false;
export function buildDist(): void {
  if (built) return;
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  built = true;
}

/** Starts `node --max-old-space-size=<heapCapMb> dist/main.js` with `env` (and PATH) only; resolves once /healthz answers. */
export async function startBotProcess(heapCapMb: number, env: Record<string, string>): Promise<BotProcess> {
  buildDist();
  const port = await freePort();
  const bot: ChildProcess = spawn(process.execPath, [`--max-old-space-size=${heapCapMb}`, '--disable-warning=DEP0111', 'dist/main.js'], {
    env: { PATH: process.env.PATH, PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log (stdout) and stderr, the last few KB: what a failure is reported with.
  let stderr = '';
  const keep = (chunk: Buffer): void => { stderr = (stderr + chunk.toString()).slice(-4000); };
  bot.stdout?.on('data', keep);
  // BENCH_BOT_LOG names a file that gets the bot's whole log (with SOAK_LOG_LEVEL=info: each sweep's figures).
  if (process.env.BENCH_BOT_LOG) bot.stdout?.pipe(createWriteStream(process.env.BENCH_BOT_LOG, { flags: 'a' }));
  bot.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (bot.exitCode !== null || bot.signalCode !== null) return;
    const exited = new Promise((resolve) => bot.once('exit', resolve));
    bot.kill('SIGTERM');
    await exited;
  };
  for (let tries = 0; ; tries++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (bot.exitCode !== null || tries > 600) {
      await stop();
      throw new Error(`bench: the bot did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { pid: bot.pid ?? 0, url, stderr: () => stderr, stop };
}
