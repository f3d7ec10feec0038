// Every chat command, in the order they are tried. Help and the welcome card are generated from it.
import { assignCommand } from './assign.ts';
import { blockedCommand } from './blocked.ts';
import type { ChatCommand } from './chatCommand.ts';
import { dueSoonCommand } from './dueSoon.ts';
import { mineCommand } from './mine.ts';
import { overdueCommand } from './overdue.ts';
import { rolesCommand } from './roles.ts';
import { statusCommand } from './status.ts';
import { summaryCommand } from './summary.ts';
import { whoCommand } from './who.ts';

export const chatCommands: readonly ChatCommand[] = [
  overdueCommand,
  dueSoonCommand,
  blockedCommand,
  mineCommand,
  statusCommand,
  summaryCommand,
  rolesCommand,
  assignCommand,
  whoCommand,
];

/** The answers people can type, for help. */
export const answerExamples = [
  { example: 'done 1.2.3', summary: 'mark an action done (or just "done" when one action is waiting on you)' },
  { example: 'delayed 1.2.3 to 30 June because the provider is late', summary: 'move an action to a new date, with the reason' },
  { example: 'blocked 1.2.3: waiting for the PCT', summary: 'say an action is blocked, and why (the commissioner is told)' },
];

/** Finds the command a message asks for. */
export function findCommand(text: string): { command: ChatCommand; match: RegExpMatchArray } | null {
  for (const command of chatCommands) {
    const match = text.match(command.pattern);
    if (match) return { command, match };
  }
  return null;
}
