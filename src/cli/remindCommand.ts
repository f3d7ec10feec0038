// `actionbot remind [--at ISO-time] [--dry-run]`: the reminder sweep, by hand.
import { parseArgs } from 'node:util';
import { londonInstant } from '../domain/calendar.ts';
import { ExitCode, type Command } from './command.ts';

const usage = `Usage: actionbot remind [--at ISO-time] [--dry-run]

Runs the reminder sweep now (or as of --at, e.g. 2026-12-01T09:00, London time), exactly as the scheduled one does:
reminders already sent are not sent again. --dry-run lists what would be sent and sends nothing.`;

export const remindCommand: Command = {
  name: 'remind',
  summary: 'run the reminder sweep now, or as of a given time (--dry-run lists what it would send)',
  usage,
  async run(argv) {
    let values: { at?: string; 'dry-run'?: boolean; help?: boolean };
    try {
      ({ values } = parseArgs({ args: argv, options: { at: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
    } catch (err) {
      process.stderr.write(`actionbot remind: ${(err as Error).message}\n${usage}\n`);
      return ExitCode.usage;
    }
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return ExitCode.ok;
    }
    // London time, as the scheduled sweep's cron is, whatever the server's time zone.
    const at = values.at ? londonInstant(values.at) : new Date();
    if (at === null) {
      process.stderr.write(`actionbot remind: --at needs a date and time such as 2026-12-01T09:00 (got "${values.at}")\n`);
      return ExitCode.usage;
    }
    // The bot's modules (restify, botbuilder, storage) load only for this command.
    const [{ createAdapter }, { messengerFor }, { runSweep }, { withServices }] = await Promise.all([
      import('../bot/server.ts'), import('../runtime.ts'), import('../scheduler/sweep.ts'), import('./cliServices.ts'),
    ]);
    return withServices(async (services, config) => {
      const messenger = messengerFor(createAdapter(config, services.logger), config, services.logger);
      const report = await runSweep(services, messenger, at, { dryRun: values['dry-run'] ?? false });
      const lines = [
        `Sweep as of ${report.today}: ${report.considered} actions considered, ${report.due} reminders due.`,
        values['dry-run'] ? `Would send ${report.planned.length} messages:` : `Sent ${report.sent}, already sent ${report.skipped}, failed ${report.failed}.`,
        ...report.planned.map((p) => `  ${p.personName}: ${p.kind} ${p.actionId}`),
        ...(report.unheldRoles.length > 0 ? [`Roles nobody holds: ${report.unheldRoles.join(', ')}`] : []),
        ...(report.unreachable.length > 0 ? [`Could not reach: ${report.unreachable.join(', ')}`] : []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return report.failed > 0 ? ExitCode.inputFailed : ExitCode.ok;
    });
  },
};
