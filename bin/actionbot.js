#!/usr/bin/env node
// The `actionbot` command. In a checkout (tsx installed as a dev tool) it runs the TypeScript sources
// as they are; in a production install (`npm ci --omit=dev`, the Docker image) it runs the build in dist/.

// restify's dependencies still call process.binding (DEP0111): harmless, and noise on every command.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.code !== 'DEP0111') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

let cli;
try {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  cli = await import('../dist/cli/main.js');
}
// exitCode rather than process.exit(), so piped stdout is flushed before the process ends.
process.exitCode = await cli.main(process.argv.slice(2));
