// Owners read with less than full confidence, each with a warning naming its row: run-together roles cut
// by the plan's own vocabulary, a role and its organisation kept as one, rows joined across PDF pages and
// merged cells carried from the page before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const plan = (rows: string[]): Promise<Awaited<ReturnType<typeof readPlanBytes>>> => readPlanBytes(bytes([
  'Partnership name: Gloucestershire', '', 'Adult drug treatment plan 2010/11', '',
  '## Planning grid 1: Commissioning', '', 'Actions and milestones\tBy when\tBy whom', ...rows,
].join('\n')), 'plan.txt');

describe('owners cut by the roles the plan writes on its own', () => {
  it('a whole role run into a known one is two owners, with a warning on that row', async () => {
    const read = await plan([
      '1a Agree the data plan\tApril 2010\tJCM',
      '1b Recruit an analyst\tMay 2010\tPublic Health Information Team JCM',
      '1c Agree the protocol\tMay 2010\tHidden Harm Forum Service leads',
      '1d Run the audit\tJune 2010\tService leads',
      '1e Report to the board\tJuly 2010\tJCM',
      '1f Audit the returns\tJuly 2010\tService leads',
    ]);
    expect(read.actions.map((a) => a.owners)).toEqual([['JCM'], ['Public Health Information Team', 'JCM'], ['Hidden Harm Forum', 'Service leads'], ['Service leads'], ['JCM'], ['Service leads']]);
    expect(read.warnings).toContainEqual({ line: 9, message: 'owner "Public Health Information Team JCM" read as "Public Health Information Team", "JCM" (roles named on their own elsewhere in the plan)' });
    expect(read.warnings).toContainEqual({ line: 10, message: expect.stringContaining('"Hidden Harm Forum", "Service leads"') });
  });

  it('a role qualified by a lone word or an acronym stays one role', async () => {
    const read = await plan([
      '1a Agree the data plan\tApril 2010\tCommissioner',
      '1b Recruit an analyst\tMay 2010\tYP Lead Commissioner',
      '1c Run the audit\tJune 2010\tCSSMS Service lead/CSSMS',
      '1d Run the audit again\tJune 2010\tService leads',
    ]);
    expect(read.actions.map((a) => a.owners)).toEqual([['Commissioner'], ['YP Lead Commissioner'], ['CSSMS Service lead', 'CSSMS'], ['Service leads']]);
  });

  it('a role with its organisation on the next line is one owner, the organisation kept', async () => {
    const read = await plan(['1a Build a database of staff languages\tAug 2010\tTier 2 Provider', '', '\t\tAddaction', '1b Audit access\tDec 2010\tService Providers']);
    expect(read.actions[0]?.owners).toEqual(['Tier 2 Provider (Addaction)']);
    expect(read.warnings).toContainEqual({ line: 8, message: 'owner "Tier 2 Provider Addaction" read as "Tier 2 Provider (Addaction)" (a role and its organisation)' });
  });

  it('sub-actions whose owner groups ran together get one group each, with a warning', async () => {
    const read = await plan([
      '7 Evaluate access 7a Run a focus group 7b Recruit participants\tApril 2010 May 2010 June 2010\tInde Trust Service lead GDD Researcher/Service user Coordinator GDD Researcher',
      '7d Analyse retention\tNovember 2010\tGDD Researcher/Service user Coordinator',
      '7e Improve awareness\tSept 2010\tInde Trust Service lead',
    ]);
    expect(read.actions.slice(0, 3).map((a) => [a.ref, a.owners])).toEqual([
      [null, ['Inde Trust Service lead']], ['7a', ['GDD Researcher', 'Service user Coordinator']], ['7b', ['GDD Researcher']],
    ]);
    expect(read.warnings).toContainEqual({ line: 8, message: expect.stringMatching(/^owners ".*" shared out at roles run together/) });
  });

  it('an owner cell wrapped down several rows gives each row its roles, each with a warning', async () => {
    const read = await plan([
      '4 Agree the governance plans\tApril 2010\tDAAT Treatment lead/Service',
      '4a Agree the guidelines\tApril 2010\tGovernance',
      '4b Monitor the guidelines\tMay 2010\tleads',
      '4c Refresh the contracts\tApril 2010\tDAAT Treatment lead',
    ]);
    expect(read.actions.map((a) => a.owners)).toEqual([
      ['DAAT Treatment lead', 'Service Governance leads'], ['DAAT Treatment lead', 'Service Governance leads'], ['DAAT Treatment lead', 'Service Governance leads'], ['DAAT Treatment lead'],
    ]);
    for (const line of [8, 9, 10]) expect(read.warnings).toContainEqual({ line, message: expect.stringMatching(/^owner cell read across the rows at lines 8–10/) });
  });
});

describe('PDF cells read across pages', () => {
  it('a row broken across a page and a merged cell carried from the page before each warn on their row', async () => {
    const path = join(import.meta.dirname, '../fixtures/layouts/worcestershire-2009-10.layout.printed.pdf');
    const read = await readPlanBytes(new Uint8Array(readFileSync(path)), path);
    const carried = read.warnings.filter((w) => w.message.startsWith('"By whom" cell read from the merged cell on the page before'));
    const broken = read.warnings.filter((w) => w.message.startsWith('row broken across a page'));
    expect(carried.length).toBeGreaterThan(0);
    expect(broken.length).toBeGreaterThan(0);
    // Each names a row the plan has: an action starts on that line, or (a joined piece) the row it joined.
    const brokenLines = new Set(broken.map((w) => w.line));
    for (const warning of carried) expect(read.actions.some((a) => a.source.line === warning.line) || brokenLines.has(warning.line)).toBe(true);
    for (const warning of broken) {
      const at = Number(/line (\d+)$/.exec(warning.message)?.[1]);
      expect(read.actions.some((a) => a.source.line === at)).toBe(true);
    }
  });
});
