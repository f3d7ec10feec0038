// The production path, end to end: the Dockerfile's steps run as a script from a clean copy of the
// repository (npm ci, npm run build, npm ci --omit=dev, the copies), then the image's command
// (`node dist/main.js`) starts with production settings against the test Azurite, answers /healthz
// and /readyz, refuses requests without a Bot Framework token, and drains on SIGTERM.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runDockerfileSteps, type BuiltImage } from '../support/dockerfileSteps.ts';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let image: BuiltImage;
let bot: ChildProcess | null = null;
const output: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<Response> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > end) throw new Error(`no answer from ${url}\n${output.join('')}`, { cause: err });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'actionbot-image-'));
  // A clean copy: the files git would check out (tracked and new, nothing ignored: no node_modules, no dist).
  const context = path.join(work, 'context');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) if (existsSync(path.join(root, file))) cpSync(path.join(root, file), path.join(context, file));
  image = runDockerfileSteps(path.join(context, 'Dockerfile'), context, path.join(work, 'stages'), { ...process.env, npm_config_prefer_offline: 'true' });
}, 900_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  // Two node_modules trees take minutes to delete on a busy disk: let a detached rm do it.
  if (work) spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
});

describe('the production image, built by the Dockerfile steps', () => {
  it('runs node dist/main.js as a non-root user, with no TypeScript tooling, local-only tools or sources in it', () => {
    expect(image.cmd).toEqual(['node', '--max-old-space-size=512', '--disable-warning=DEP0111', 'dist/main.js']);
    expect(image.user).toBe('node');
    expect(image.stages).toEqual(['build', 'run']);
    expect(existsSync(path.join(image.dir, 'dist/main.js'))).toBe(true);
    // Development tools, and what only local mode or a terminal uses: Azurite, the local chat's card renderer, pino-pretty.
    for (const tool of ['tsx', 'typescript', 'vitest', 'eslint', 'azurite', 'adaptivecards', 'pino-pretty', '@microsoft/app-manifest']) expect(existsSync(path.join(image.dir, 'node_modules', tool)), tool).toBe(false);
    expect(existsSync(path.join(image.dir, 'src'))).toBe(false);
  });

  it('starts with production settings, answers /healthz and /readyz, refuses unsigned requests, and drains on SIGTERM', async () => {
    const port = await freePort();
    const [command = 'node', ...args] = image.cmd;
    bot = spawn(command, args, {
      cwd: image.dir,
      env: {
        PATH: process.env.PATH, ...image.env, PORT: String(port), LOG_LEVEL: 'info',
        MicrosoftAppId: '00000000-0000-4000-8000-00000000d0c1', MicrosoftAppPassword: 'not-used-offline',
        MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '72f988bf-0000-4000-8000-0000000000dd',
        AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'), TABLE_PREFIX: 'prodImage',
        TAB_APP_ID_URI: 'api://actionbot.example.org/botid-00000000-0000-4000-8000-00000000d0c1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    bot.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bot?.once('exit', (code) => resolve(code)));

    expect((await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const unsigned = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });
    expect(unsigned.status).toBe(401);

    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Production logs are JSON lines; the start-up line names the tenant it accepts.
    const lines = output.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; tenants?: string });
    expect(lines.find((l) => l.msg === 'actionbot ready')?.tenants).toBe('72f988bf-0000-4000-8000-0000000000dd');
    expect(lines.map((l) => l.msg)).toContain('stopped');
  }, 60_000);
});
