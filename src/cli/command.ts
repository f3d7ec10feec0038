/** One `actionbot <name>` command. main.ts lists them; help is generated from that list. */
export interface Command {
  name: string;
  /** One line for `actionbot help`. */
  summary: string;
  /** Usage text shown by `actionbot help <name>` and on a usage error. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Exit codes every command uses. */
export const ExitCode = {
  ok: 0,
  /** Some input (a file, a record) could not be processed; the rest was. */
  inputFailed: 1,
  /** The command line itself was wrong. */
  usage: 2,
} as const;
