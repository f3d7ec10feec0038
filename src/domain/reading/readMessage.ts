// Reading a chat message: one pure function from the text Teams sent to what it means. It never
// writes; an answer it had to guess is marked `sure: false` so acting asks first.
import { readAbout } from './about.ts';
import { readAnswer } from './answers.ts';
import { readChase } from './chase.ts';
import { readReopen, readReport, readRoleChange, readStatus, readSummary, readWho } from './commands.ts';
import { readFixed } from './fixed.ts';
import type { Intent, Message } from './intent.ts';
import { readLeadRole } from './leadRole.ts';
import { readList } from './lists.ts';
import { readNames } from './names.ts';
import { normalise } from './normalise.ts';
import { codesOf, type Reading } from './reading.ts';
import { readNote } from './notes.ts';
import { readQuestion } from './questions.ts';
import { readSettings } from './settings.ts';
import { readSmallTalk } from './smallTalk.ts';
import { readSeveral } from './several.ts';
import { correctTypos, suggest } from './typos.ts';
import { matchPerson } from './vocabulary.ts';

// "Can you mark 1.2.3 as done" asks the bot to act; only a "?" makes it a question.
const POLITE = /^(?:(?:please|pls|can\s+you|could\s+you|would\s+you|will\s+you)\s+)+/i;

// "Hi, what's overdue?", "done 1.2.3, thanks": the courtesy is not part of what is asked or said.
const GREETING = /^(?:hi|hello|hey|hiya|morning|afternoon|cheers|thanks|ok|okay|right|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|all|team|everyone|actionbot|bot))?[\s,!.:-]+(?=\S)/i;
const THANKS = /(?<=\S)[\s,.!-]+(?:thanks|thank\s+you|many\s+thanks|cheers|ta)(?:\s+(?:very\s+much|a\s+lot))?$/i;
// "please assign SMLO to Sam", "who is SMLO please": a "please" at either end is not part of a name.
const PLEASE = /^(?:please|pls|plz)[\s,]+(?=\S)|(?<=\S)[\s,]+(?:please|pls|plz)$/gi;

// Markdown around a code or words: "**PET-24**", "_BED-14_", "`PB-3`".
const DECORATION = /(\*\*|\*|__|_|`)([^\s*_`](?:[^*_`]*[^\s*_`])?)\1/g;

const QUOTED_CODE = /'([A-Za-z]{2,4}-[\w./]+)'/g;

/** Characters of a message that are read (a reason may have 500). */
const MAX_READ = 1000;

// A message starting with one of these asks something, whatever else it says.
const QUESTION_WORD = /^(?:what|what's|whats|wat|wot|which|who|who's|whos|how|how's|hows|when|where|where's|why|is|are|does|do|did|can|could|should|will|would|has|have|any|anything|tell)(?![a-z'])/i;

/** What a chat message means. */
export function readMessage(message: Message): Intent {
  // Only the head of a very long message is read: past it, any reason is over its limit anyway.
  if (typeof message.text !== 'string') return { kind: 'unknown', suggestions: suggest('') };
  const raw = message.text.slice(0, MAX_READ * 4);
  const whole = normalise(raw, (name) => matchPerson(name, message.vocabulary) !== null);
  const talk = readFixed(whole.text) ?? readSmallTalk(whole.text.slice(0, MAX_READ));
  if (talk) return talk;
  const plain = { ...whole, text: whole.text.slice(0, MAX_READ).replace(DECORATION, '$2').replace(QUOTED_CODE, '$1').replace(GREETING, '').replace(THANKS, '').replace(PLEASE, '') };
  if (plain.text === '') return { kind: 'help' };
  const reading = (text: string, guessed: boolean): Reading => ({
    text, asked: plain.asked || QUESTION_WORD.test(text.replace(POLITE, '')), mentions: plain.mentions, today: message.today, vocabulary: message.vocabulary, guessed,
  });
  const exact = reading(plain.text, false);
  const note = readNote(exact);
  if (note) return note;
  const several = readSeveral(exact);
  if (several) return { kind: 'answers', parts: several };
  const read = readCommand(exact) ?? (exact.asked ? null : readAnswer(exact)) ?? readBareName(exact, plain.ticked) ?? readAbout(exact);
  if (read) return read;

  const corrected = correctTypos(plain.text, vocabularyWords(message));
  if (corrected !== plain.text) {
    const guess = reading(corrected, true);
    const answer = guess.asked ? null : readAnswer(guess);
    if (answer?.kind === 'answer') return answer;
    // A half-written answer through a typo ("blokced") is more likely the question.
    const asked = readCommand({ ...guess, asked: true });
    if (asked) return asked;
    if (answer) return answer;
  }
  return { kind: 'unknown', suggestions: suggest(plain.text) };
}

/** Everything but answers, tried so that neither steals the other's words. */
function readCommand(r: Reading): Intent | null {
  return readFixed(r.text) ?? readSettings(r) ?? readChase(r) ?? readReopen(r) ?? readReport(r) ?? readQuestion(r) ?? readSummary(r) ?? readLeadRole(r) ?? readRoleChange(r) ?? readList(r) ?? readWho(r) ?? readStatus(r);
}

/** A message that is only an action's name: its status, or a loose "done" when it came with a tick. */
function readBareName(r: Reading, ticked: boolean): Intent | null {
  const { names, rest } = readNames(r.text, codesOf(r));
  if (names.length === 0 || rest.trim() !== '') return null;
  if (ticked) return { kind: 'answer', status: 'done', names, sure: false };
  const [name] = names;
  return names.length === 1 && name ? { kind: 'status', name } : null;
}

/** Words of the plans, people and roles the person can see: never "corrected" into a keyword. */
function vocabularyWords(message: Message): Set<string> {
  const { plans, people, roles } = message.vocabulary;
  const all = [...plans.flatMap((p) => [p.code, p.partnership]), ...people, ...roles].join(' ');
  return new Set(all.toLowerCase().split(/[^a-z']+/).filter(Boolean));
}
