// `npm run playground`: the bot as `npm start` runs it (local mode, the embedded Azurite, the demo and
// the local chat) with Microsoft's Teams emulator in front of it, chatting as the demo commissioner
// (.m365agentsplayground.yml). Prints the page to open; Ctrl-C stops both.
import { createServer } from 'node:net';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { DEFAULT_PLAYGROUND_PORT, startPlayground, type Playground } from '../src/localChat/playground.ts';

function fail(message: string): never {
  process.stderr.write(`playground: ${message}\n`);
  process.exit(1);
}

/** Whether nothing listens on 127.0.0.1:`port` (the bot and the emulator bind there). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Resolves once `url` answers 200; the bot loads the demo before its local chat answers. */
async function answering(url: string): Promise<void> {
  for (;;) {
    if (await fetch(url).then((res) => res.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

loadDotEnv();
process.env.PLAYGROUND_PORT ||= String(DEFAULT_PLAYGROUND_PORT);
const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    return fail((err as Error).message);
  }
})();
if (!config.localMode) fail('the emulator is for local mode only: unset MicrosoftAppId');
if (config.PORT === 0) fail('set PORT to a port number: the emulator needs to know where the bot is');
for (const [name, port] of [['PORT', config.PORT], ['PLAYGROUND_PORT', config.PLAYGROUND_PORT]] as const) {
  if (!(await isFree(port))) fail(`port ${port} is in use (another bot or emulator?): stop it, or set ${name} to a free port`);
}

let playground: Playground | null = null;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { stopping = true; });
// The bot runs in this process, as `npm start`: its Ctrl-C drains and exits; the emulator goes with it.
process.on('exit', () => playground?.kill());
await import('../src/main.ts');
await answering(config.LOCAL_CHAT_PORT ? `http://127.0.0.1:${config.LOCAL_CHAT_PORT}/api/state` : `http://127.0.0.1:${config.PORT}/readyz`);
playground = await startPlayground({ port: config.PLAYGROUND_PORT, botEndpoint: `http://127.0.0.1:${config.PORT}/api/messages` }).catch((err: unknown) => {
  process.stderr.write(`playground: ${(err as Error).message}\n`);
  process.kill(process.pid, 'SIGTERM');
  return null;
});
if (playground) {
  process.stdout.write(`\n  Microsoft's Teams emulator: open ${playground.url}/ (you are Jane Smith, the commissioner; Ctrl-C stops the bot and the emulator)\n\n`);
  void playground.exited.then((code) => {
    if (stopping) return;
    process.stderr.write(`playground: the emulator stopped (exit code ${code}); stopping the bot\n`);
    process.kill(process.pid, 'SIGTERM');
  });
}
