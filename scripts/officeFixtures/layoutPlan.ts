// A plan in another partnership's layout than the seed files: Ref and RAG columns, "Lead" and
// "Target date", objectives as full-width rows, several owners on separate lines, a Lead cell merged
// down three rows. The Word, Excel, PDF and CSV fixtures are all written from this one source.

/** One table row: an objective spanning the table, or an action. */
export type LayoutRow =
  | { objective: string }
  | { ref: string; action: string; leads: string[]; target: string; rag: string; mergedLead?: 'start' | 'continue' };

/** One planning grid of the layout plan. */
export interface LayoutGrid {
  heading: string;
  rows: LayoutRow[];
}

export const partnershipLine = 'Somerset Drug and Alcohol Action Team (DAAT)';
export const titleLine = 'Adult drug treatment plan 2012/13: delivery plan';
export const header = ['Ref', 'Action', 'Lead', 'Target date', 'RAG'];

export const grids: LayoutGrid[] = [
  {
    heading: 'Planning grid 1: Commissioning a recovery-oriented system',
    rows: [
      { objective: 'Objective 1: Reduce drug-related deaths' },
      { ref: '1.1.1', action: 'Publish the naloxone distribution protocol', leads: ['DAAT Commissioner'], target: 'June 2012', rag: 'Green' },
      { ref: '1.1.2', action: 'Train hostel staff in overdose awareness, including the night staff at all three hostels in the county', leads: ['Hostels Manager', 'Training Lead'], target: 'Sept 2012', rag: 'Amber' },
      { ref: '1.1.3', action: 'Review every drug-related death at the confidential inquiry panel', leads: ['DRD Panel Chair'], target: 'Quarterly', rag: 'Green' },
      { objective: 'Objective 2: Tender the recovery service' },
      { ref: '1.2.1', action: 'Agree the service specification with service users and carers', leads: ['Commissioning Manager'], target: 'July 2012', rag: 'Green', mergedLead: 'start' },
      { ref: '1.2.2', action: 'Issue the invitation to tender', leads: ['Commissioning Manager'], target: 'October 2012', rag: 'Amber', mergedLead: 'continue' },
      { ref: '1.2.3', action: 'Award the contract', leads: ['Commissioning Manager'], target: 'January 2013', rag: 'Red', mergedLead: 'continue' },
      { ref: '1.2.4', action: 'Mobilise the new service and close the old contracts', leads: ['Commissioning Manager', 'Provider Lead'], target: 'March 2013 - ongoing', rag: 'Green' },
    ],
  },
  {
    heading: 'Planning grid 2: Access and engagement',
    rows: [
      { objective: 'Objective 1: Reach people who use crack cocaine' },
      { ref: '2.1.1', action: 'Run outreach sessions at the needle exchange', leads: ['Outreach Team Leader'], target: 'Monthly', rag: 'Green' },
      { ref: '2.1.2', action: 'Report engagement figures to the partnership board', leads: ['Performance Officer'], target: 'Mar 13', rag: 'Green' },
      { ref: '2.1.3', action: "Set up a women-only drop-in session with the women's refuge", leads: ["Women's Service Lead"], target: 'Nov 2012', rag: 'Amber' },
      { ref: '2.1.4', action: 'Refresh the referral pathway with the police custody suite', leads: ['Custody Liaison Lead', 'DAAT Commissioner'], target: 'Dec 2012', rag: 'Green' },
      { ref: '2.1.5', action: 'Survey service users about opening hours', leads: ['Service User Involvement Lead'], target: 'As required', rag: 'Green' },
    ],
  },
];
