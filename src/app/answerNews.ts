// After an answer is saved, everyone else who was shown the action sees the answer: the other copies of
// its reminder card and every digest listing it. The use case says what was saved; the bot adapter,
// which draws cards and reaches chats, implements the port (src/bot/answerNews.ts).
import type { StoredAction } from '../domain/ports.ts';
import type { ActionChange } from '../domain/progress.ts';
import type { Directory } from './directory.ts';

/** What the answer itself already redrew (the card or digest pressed): not refreshed again. */
export interface ShownBy {
  activityId?: string;
  digestKey?: string;
}

/** A saved answer, as the refresh needs it. */
export interface SavedAnswer {
  stored: StoredAction;
  change: ActionChange;
  directory: Directory;
  today: string;
}

/** Shows a saved answer wherever the action was sent. Never throws: the answer is already saved. */
export interface AnswerNews {
  show(saved: SavedAnswer, except: ShownBy): Promise<void>;
  /** An answer taken back ("undo"): every copy shows the action as it stands again, with its buttons. */
  takenBack(saved: SavedAnswer): Promise<void>;
}
