// Entry of the `actionbot` command line: picks a command from the table and runs it.
import { pathToFileURL } from 'node:url';
import { ExitCode, type Command } from './command.ts';
import { importCommand } from './importCommand.ts';
import { packageCommand } from './packageCommand.ts';
import { remindCommand } from './remindCommand.ts';
import { reportCommand } from './reportCommand.ts';
import { rolesCommand } from './rolesCommand.ts';

/** Every command. Adding one is one entry here (and its import). */
export const commands: Command[] = [
  importCommand,
  rolesCommand,
  remindCommand,
  packageCommand,
  reportCommand,
];

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: actionbot <command> [options]', '', 'Commands:', ...lines, '',
    'Run "actionbot help <command>" for its options.', ''].join('\n');
}

/** Runs the command line `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      process.stdout.write(helpText());
      return ExitCode.ok;
    }
    const command = commands.find((c) => c.name === topic);
    if (command === undefined) {
      process.stderr.write(`actionbot: no command "${topic}"\n${helpText()}`);
      return ExitCode.usage;
    }
    process.stdout.write(`${command.usage}\n`);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    process.stderr.write(`actionbot: unknown command "${name}"\n${helpText()}`);
    return ExitCode.usage;
  }
  return command.run(rest);
}

// Run when started directly (`node --import tsx src/cli/main.ts …`); bin/actionbot.js calls main() itself.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
