// Every chat command, keyed by the intent kinds it acts on. Help and the welcome card are generated
// from this list; an intent kind with no command here gets a plain "not yet" rather than a guess.
import { UNNAMED } from '../personRecord.ts';
import { exampleCode } from '../../app/exampleCode.ts';
import type { Intent } from '../../domain/reading/intent.ts';
import { readMessage } from '../../domain/reading/readMessage.ts';
import { vocabularyOf } from '../vocabulary.ts';
import { renderCard } from '../../cards/render.ts';
import { answerCommand } from './answer.ts';
import { answersCommand } from './answers.ts';
import { noteCommand } from './note.ts';
import { followUpCommand, questionCommand } from './question.ts';
import { stopCommand } from './stop.ts';
import { chaseCommand } from './chase.ts';
import { aboutMeCommand, smallTalkCommand } from './smallTalk.ts';
import { assignCommand } from './assign.ts';
import { command, type ChatCommand } from './chatCommand.ts';
import { confirmCommand } from './confirm.ts';
import { leadRoleCommand } from './leadRole.ts';
import { listCommand, moreCommand } from './lists.ts';
import { rolesCommand } from './roles.ts';
import { statusCommand } from './status.ts';
import { summaryCommand } from './summary.ts';
import { reopenCommand, undoCommand } from './undo.ts';
import { whoCommand } from './who.ts';
import { settingsCommand } from '../settingsCommands.ts';

/** The answers people can type, for help. */
export const answerExamples = [
  { example: 'done BED-14', summary: 'mark an action done by its code (or the plan\'s reference, "done 1.2.3"); several: "done IW-3.1.4 and IW-3.6.1"' },
  { example: 'delayed BED-14 to 30 June because the provider is late', summary: 'move an action to a new date, with the reason ("by two weeks" works too)' },
  { example: 'blocked BED-14: waiting for the PCT', summary: 'say an action is blocked, and why (the commissioner is told)' },
];

const helpCommand = command({
  kinds: ['help'],
  example: 'help',
  summary: 'this list',
  run: async (turn) => ({ card: helpCard(turn.caller.name) }),
});

/** The code the reading examples use (src/domain/reading/typos.ts), never a real one. */
const PLACEHOLDER = 'PB-14';

const unknownCommand = command({
  kinds: ['unknown'],
  async run(turn, intent) {
    // Only suggestions that would be read if typed back: a suggestion the bot cannot read is a trap.
    const vocabulary = vocabularyOf(turn);
    // The examples name a placeholder code: only a real one of the person's own actions is offered.
    const code = intent.suggestions.some((t) => t.includes(PLACEHOLDER)) ? await exampleCode(turn.services, turn.directory, turn.caller) : null;
    const real = intent.suggestions.flatMap((t) => (!t.includes(PLACEHOLDER) ? [t] : code ? [t.replaceAll(PLACEHOLDER, code)] : []));
    const readable = real.filter((text) => !['unknown', 'invalid-answer'].includes(readMessage({ text, today: turn.today, vocabulary }).kind));
    const tries = readable.slice(0, 3).map((s) => `"${s}"`).join(', ');
    return { text: `I didn't understand that, so nothing was changed.${tries ? ` Did you mean ${tries}?` : ''} Type "help" for everything I can do.` };
  },
});

export const chatCommands: readonly ChatCommand[] = [
  answerCommand, answersCommand, noteCommand, confirmCommand, listCommand, moreCommand, questionCommand, followUpCommand, statusCommand, summaryCommand, undoCommand, reopenCommand,
  rolesCommand, assignCommand, chaseCommand, whoCommand, leadRoleCommand, settingsCommand, stopCommand, aboutMeCommand, smallTalkCommand, helpCommand, unknownCommand,
];

const byKind = new Map<Intent['kind'], ChatCommand>(chatCommands.flatMap((c) => c.kinds.map((k) => [k, c] as const)));

/** The command for an intent, if this bot acts on that kind. */
export function commandFor(kind: Intent['kind']): ChatCommand | undefined {
  return byKind.get(kind);
}

/** The help card, generated from the command list. */
export function helpCard(personName: string): object {
  const commands = chatCommands.filter((c) => c.example && c.summary).map((c) => ({ example: c.example as string, summary: c.summary as string }));
  // No display name (Microsoft's emulator sends none on install): "Hello, I am actionbot", never "Hello someone".
  return renderCard('welcome', { personName: personName === UNNAMED ? '' : personName, botName: 'actionbot', commands: [...answerExamples, ...commands] });
}
