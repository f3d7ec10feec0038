/** A calendar date in the UK, written YYYY-MM-DD. Dates carry no time or zone: a deadline is a day. */
export type IsoDate = string;

/** How often a recurring review comes round. */
export type Every = '1 week' | '1 month' | '2 months' | '3 months' | '6 months' | '1 year';

/** What a "By when" cell means, resolved against the plan period. */
export type Due =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'dates'; dates: IsoDate[] }
  | { kind: 'recurring'; every: Every; from: IsoDate | null; until: IsoDate | null }
  /** No deadline; `from` when the cell names a start ("June 2008 - ongoing"). */
  | { kind: 'ongoing'; from?: IsoDate }
  | { kind: 'as-required' }
  | { kind: 'none' }
  | { kind: 'unparsed' };

/** The plan year(s) a document covers, first and last day inclusive. */
export interface PlanPeriod {
  start: IsoDate;
  end: IsoDate;
}

/** A planning grid ("Planning grid 2: Access and engagement…", "Planning Section 3: …"). */
export interface Grid {
  number: number;
  title: string;
}

/** One row of a delivery-plan table: something someone must do by some time. */
export interface PlanAction {
  /** Stable across imports of the same document: derived from the plan, grid, reference and text. */
  id: string;
  /** What people type to name it ("IW-1.1.1", "BED-14"): given by the store when first saved, then kept. */
  code?: string;
  /** The document's own reference ("1.1.1", "2.3", "6a", "8 i"), if it has one. */
  ref: string | null;
  grid: number;
  objective: string | null;
  text: string;
  byWhenRaw: string;
  ownersRaw: string;
  /** Role names as written, split ("SMLO & SMO" → ["SMLO", "SMO"]). */
  owners: string[];
  due: Due;
  source: { line: number };
}

/** Something the importer could not read with confidence; never silent. */
export interface ImportWarning {
  line: number;
  message: string;
  /** In a Word or Excel table (or a pasted one): where the row is, as its author sees it ("row 12 of table 2"). */
  table?: number;
  row?: number;
}

/** A role named in a plan, with how many actions it owns. */
export interface PlanRole {
  name: string;
  actions: number;
  /** Other spellings of this role in the plan ("Commissioners" for "Commissioner"), merged at import. */
  aliases?: string[];
}

/** An imported planning document. */
export interface Plan {
  /** Stable slug from partnership and period, e.g. "isle-of-wight-dat-2008". */
  id: string;
  partnership: string;
  /** The tenant the plan belongs to (its importer's); only that tenant's people see it. */
  tenantId?: string;
  /** Short letters people type before an action's number ("BED"): given by the store, then kept. */
  code?: string;
  /** The role whose holders commission this plan (src/domain/leadRole.ts): chosen at its first import, then kept. */
  leadRole?: string;
  period: PlanPeriod;
  grids: Grid[];
  actions: PlanAction[];
  roles: PlanRole[];
  warnings: ImportWarning[];
}
