// What every reader is handed: the plain message and what it can be matched against.
import type { IsoDate } from '../plan.ts';
import type { Vocabulary } from './intent.ts';

/** One message being read. */
export interface Reading {
  /** Plain text, single-spaced, without trailing punctuation, in the person's own case. */
  text: string;
  /** Ends with "?" or starts with a question word: never an answer. */
  asked: boolean;
  /** Names of people @mentioned. */
  mentions: string[];
  today: IsoDate;
  vocabulary: Vocabulary;
  /** The words were corrected for typos before this reading: an answer read from them is a guess. */
  guessed: boolean;
}

/** Plan codes the person can see, for names written without a dash ("pb14"). */
export const codesOf = (r: Reading): string[] => r.vocabulary.plans.map((p) => p.code);
