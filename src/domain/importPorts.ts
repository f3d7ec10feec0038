// The storage port of imports sent in Teams: previews waiting for Import or Cancel, and the imports
// that can still be undone. Stored, so a preview shown before a restart still imports after it.
import type { IsoDate, Plan } from './plan.ts';

/** A plan read from a file or a pasted table, waiting for its sender to press Import. */
export interface PendingImport {
  token: string;
  personId: string;
  plan: Plan;
  /** ISO time after which Import no longer works. */
  expires: string;
}

/** An import done, as it can be undone by the same person the same day. */
export interface DoneImport {
  personId: string;
  day: IsoDate;
  /** ISO time of the import (orders a person's imports). */
  at: string;
  planId: string;
  /** The plan as stored before, or null when the import created it. */
  previous: Plan | null;
  /** The plan revision the import made current, and the one it replaced (absent on records kept before revisions). */
  revision?: string;
  before?: string;
}

/** Previews and undoable imports. */
export interface ImportStore {
  savePreview(preview: PendingImport): Promise<void>;
  /** The preview, or null when unknown or already taken. */
  preview(token: string): Promise<PendingImport | null>;
  /** Removes the preview and returns it; of two callers at once only one gets it, so Import pressed twice imports once. */
  takePreview(token: string): Promise<PendingImport | null>;
  /** Forgets previews whose time is up. */
  dropExpired(now: string): Promise<void>;
  saveDone(done: DoneImport): Promise<void>;
  /** Removes and returns the person's latest import of `day` (once only, like takePreview), or null. */
  takeLastDone(personId: string, day: IsoDate): Promise<DoneImport | null>;
}
