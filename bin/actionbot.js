#!/usr/bin/env node
// The `actionbot` command: registers tsx's ESM loader so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

// restify's dependencies still call process.binding (DEP0111): harmless, and noise on every command.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.code !== 'DEP0111') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

register();
const { main } = await import('../src/cli/main.ts');
// exitCode rather than process.exit(), so piped stdout is flushed before the process ends.
process.exitCode = await main(process.argv.slice(2));
