#!/usr/bin/env node
// The `actionbot` command: registers tsx's ESM loader so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
// exitCode rather than process.exit(), so piped stdout is flushed before the process ends.
process.exitCode = await main(process.argv.slice(2));
