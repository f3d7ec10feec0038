// The typed data of the digest cards: the owner's daily digest, the commissioner's escalation digest
// and the weekly briefing (cards/ownerDigest.json, escalationDigest.json, briefing.json).

/** One action on a digest; `n` is its place in the stored digest, which its buttons send back. */
export interface DigestCardLine {
  n: number;
  digest: string;
  ref: string;
  text: string;
  partnership: string;
  /** "Fri 31 Jul 2026 · 12 days late". */
  dueLabel: string;
  /** "Done by Sam Patel at 09:14"; empty while unanswered (the buttons show). */
  outcome: string;
  /** The outcome's colour: what the action became (done green, delayed amber, blocked red). */
  outcomeColor: 'Good' | 'Warning' | 'Attention' | 'Default';
  /** "Chased by Jane Smith: 1 of 1 reminded": news that leaves the buttons (empty when none). */
  note: string;
}

/** A section of a digest ("Overdue (3)"). */
export interface DigestCardSection<L> {
  title: string;
  count: number;
  color: 'Attention' | 'Warning' | 'Accent' | 'Default';
  lines: L[];
}

/** Paging within one card: "Show the other N". */
export interface DigestPaging {
  digest: string;
  page: number;
  nextPage: number;
  /** Lines on later pages; 0 on the last. */
  more: number;
}

/** An owner's one message of the day. */
export interface OwnerDigestCard extends DigestPaging {
  title: string;
  countLabel: string;
  sections: DigestCardSection<DigestCardLine>[];
  hint: string;
}

/** A line of the commissioner's escalation digest. */
export interface EscalationCardLine extends DigestCardLine {
  /** "21 days late", "blocked: waiting for the PCT", "nobody who holds SMLO can be reached". */
  why: string;
  /** "owners saw it Tue 1 Dec 09:14" or "owners have not opened it". */
  seen: string;
  /** False when nobody the bot can reach holds its roles: Chase is not offered (Reassign is). */
  chase: boolean;
}

/** The commissioner's one escalation message of a sweep. */
export interface EscalationDigestCard extends DigestPaging {
  title: string;
  countLabel: string;
  /** On the first page: one line counting the commissioner's own actions (empty when none). */
  own: string;
  sections: DigestCardSection<EscalationCardLine>[];
  notes: string[];
}

/** One grid's red / amber / green. */
export interface BriefingGrid {
  rag: 'Red' | 'Amber' | 'Green';
  color: 'Attention' | 'Warning' | 'Good';
  label: string;
}

/** One plan in the weekly briefing. */
export interface BriefingPlan {
  partnership: string;
  /** "40 actions: 12 open, 3 delayed, 2 blocked, 23 done; 5 overdue". */
  counts: string;
  /** "Since last week: 4 done, 2 newly late, 1 newly blocked, 3 dates moved". */
  changes: string;
  grids: BriefingGrid[];
  /** The five oldest overdue, one line each. */
  oldest: string[];
}

/** The commissioner's weekly briefing. */
export interface BriefingCard {
  title: string;
  asOf: string;
  plans: BriefingPlan[];
  onLeave: string;
  unreachable: string;
  /** "3 roles: SMLO (12 actions), …". */
  unheld: string;
}
