// A bot instance in its own process that runs one reminder sweep, one send at a time, so a test can
// SIGKILL it part-way. Settings come from the environment: SWEEP_CONNECTION, SWEEP_PREFIX, SWEEP_AT.
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { messengerFor } from '../../src/runtime.ts';
import { createAdapter } from '../../src/bot/server.ts';
import { runSweep } from '../../src/scheduler/sweep.ts';
import { openTableStore } from '../../src/store/tableStore.ts';

const { SWEEP_CONNECTION: connection, SWEEP_PREFIX: prefix, SWEEP_AT: at } = process.env;
if (!connection || !prefix || !at) throw new Error('SWEEP_CONNECTION, SWEEP_PREFIX and SWEEP_AT are needed');
const config = loadConfig({ LOG_LEVEL: 'silent', SENDS_PER_SECOND: '50' });
const logger = createLogger('silent');
const store = await openTableStore(connection, prefix);
const messenger = messengerFor(createAdapter(config, logger), config, logger);
const services = { store, settings: config, clock: { now: () => new Date(at) }, logger };
process.stdout.write('sweeping\n');
const report = await runSweep(services, messenger, new Date(at), { concurrency: 1 });
process.stdout.write(`${JSON.stringify(report)}\n`);
