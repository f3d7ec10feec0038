// The rows of Bedfordshire, Worcestershire and Gloucestershire that extraction damaged worst, the
// figures for all five plans, and what happens with a document that is not a plan or is cut short.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { PlanFormatError } from '../../src/import/planFormatError.ts';
import { actionAt, actionsAt, countsPerGrid, seedFiles, seedPlan, seedText, type SeedName } from './seeds.ts';

const bedfordshire = seedPlan('bedfordshire');
const worcestershire = seedPlan('worcestershire');
const gloucestershire = seedPlan('gloucestershire');

describe('all five plans', () => {
  const figures: [SeedName, string, string, string, number[]][] = [
    ['isleOfWight', 'Isle of Wight DAT', '2008-04-01', '2009-03-31', [23, 22, 17, 7]],
    ['bedfordshire', 'Bedfordshire', '2008-04-01', '2009-03-31', [33, 31, 25, 22]],
    ['worcestershire', 'Worcestershire SMAT', '2009-04-01', '2010-03-31', [19, 29, 28, 27, 9]],
    ['gloucestershire', 'Gloucestershire Safer and Stronger Communities partnership (GSSCP)', '2010-04-01', '2011-03-31', [21, 18, 13, 16]],
    ['peterborough', 'Safer Peterborough Partnership', '2011-04-01', '2014-03-31', [29, 19, 31, 8]],
  ];

  it.each(figures)('%s: partnership, period and actions per grid', (name, partnership, start, end, perGrid) => {
    const plan = seedPlan(name);
    expect(plan.partnership).toBe(partnership);
    expect(plan.period).toEqual({ start, end });
    expect(countsPerGrid(plan)).toEqual(perGrid);
  });

  it.each(Object.keys(seedFiles) as SeedName[])('%s: no header, footer, outcome, pointer or markup in any action text', (name) => {
    const furniture = /Part 3|Name of partnership|FINAL ADULT TP|NTA Submission|\bDRAFT\b|Expected outcomes|Please (see|note)|Actions and milestones|By whom|Delivery Plan|Other Comments|<\/?[a-z]+|\*\*|\$\^|\\rm|^#/;
    const plan = seedPlan(name);
    expect(plan.actions.filter((action) => furniture.test(action.text)).map((a) => a.source.line)).toEqual([]);
    expect(plan.actions.filter((action) => action.text.trim() === '')).toEqual([]);
  });

  it.each(Object.keys(seedFiles) as SeedName[])('%s: ids are unique and the same on a second import', (name) => {
    const first = seedPlan(name).actions.map((action) => action.id);
    expect(new Set(first).size).toBe(first.length);
    expect(seedPlan(name).actions.map((action) => action.id)).toEqual(first);
  });
});

describe('Bedfordshire: no row numbers, objectives on table rows', () => {
  it('joins text continued after a blank line (38-40, 53-55)', () => {
    expect(actionAt(bedfordshire, 38).text).toBe(
      'Develop links and provision with wrap around services, including housing and employment and training.');
    expect(actionAt(bedfordshire, 53).text).toBe(
      'Implementation of the BDAT Drugs and Alcohol Information Line for the local community and promote');
    expect(actionsAt(bedfordshire, 40)).toEqual([]);
  });

  it('joins text and owners of 181-183: "JCG, DAT DIP Lead," + "PPO panel and DIP DG."', () => {
    const action = actionAt(bedfordshire, 181);
    expect(action.text).toBe('To monitor the DIP & PPO information sharing protocol. To monitor through the JCG, PPO panel and DIP DG.');
    expect(action.owners).toEqual(['JCG', 'DAT DIP Lead', 'PPO panel', 'DIP DG']);
  });

  it('joins owners split over lines (217-219, 322-324) without touching the text', () => {
    for (const line of [217, 322]) {
      const action = actionAt(bedfordshire, line);
      expect(action.owners).toEqual(['BDAT Contract & Performance Manager', 'BDAT Commissioner']);
      expect(action.text).not.toContain('Manager');
    }
  });

  it('makes "Objective N <text>⇥date⇥owner" both the objective and an action (147, 152, 285)', () => {
    const gp = actionAt(bedfordshire, 147);
    expect(gp).toMatchObject({ text: 'Encourage an increase in GP referrals', objective: 'Encourage an increase in GP referrals',
      byWhenRaw: 'Sept 2008', owners: ['BDAT Commissioner', 'JCG', 'PCT lead'] });
    expect(actionAt(bedfordshire, 149).objective).toBe('Encourage an increase in GP referrals');
    expect(actionAt(bedfordshire, 152).text).toBe('Expand delivery of service provision in the south of the county');
    expect(actionAt(bedfordshire, 285)).toMatchObject({ byWhenRaw: 'May 2008', owners: ['BDAT Team'] });
  });

  it('takes the objective title from the line after "Objective 1", "Objective 9⇥⇥" or "Objective 10."', () => {
    expect(actionAt(bedfordshire, 41).objective).toBe('Provide access for clients to a range of wrap around services');
    expect(actionAt(bedfordshire, 170).objective).toBe('Ensure mechanisms are in place to aid diverse communities to access treatment locally');
    expect(actionAt(bedfordshire, 176).objective).toBe('Expansion of provision of and access to services for Criminal Justice Clients');
    expect(actionAt(bedfordshire, 207).objective).toBe('Improve Retention Target');
  });

  it('reads a row glued onto its table header (70) and a row with no header above it (141)', () => {
    expect(actionAt(bedfordshire, 70)).toMatchObject({
      text: 'Review progress of Harm Reduction initiatives across service provision against the BDAT Harm Reduction Strategy',
      byWhenRaw: 'Ongoing - quarterly', owners: ['JCG'] });
    expect(actionAt(bedfordshire, 141).objective).toBe('Continue to reduce Waiting Times – focus on those in excess of 3 weeks');
  });

  it('keeps a row with no owner and no date (136), warning "no owner"', () => {
    expect(actionAt(bedfordshire, 136)).toMatchObject({ owners: [], due: { kind: 'none' } });
    expect(bedfordshire.warnings).toContainEqual({ line: 136, message: 'no owner' });
  });

  it('skips "Please see Planning Grids…" pointers and the header split over two lines (228-230)', () => {
    for (const line of [59, 101, 108, 228, 230]) expect(actionsAt(bedfordshire, line)).toEqual([]);
  });
});

describe('Worcestershire: objectives glued to "Delivery Plan:", expected outcomes between tables', () => {
  it('reads "Objective 2**Implement…****Delivery Plan:**" as the objective', () => {
    expect(actionAt(worcestershire, 42).objective).toBe('Implement a formal review process of all substance misuse services');
  });

  it('reads "3.8." as 3.8 and "6.10" as written', () => {
    expect(actionAt(worcestershire, 403).ref).toBe('3.8');
    expect(actionAt(worcestershire, 337).ref).toBe('6.10');
  });

  it('strips the <ul> markup of 4.1 and keeps its five dates and three owners', () => {
    const action = actionAt(worcestershire, 416);
    expect(action.text).toContain('(10 Worcester City, 8 Worcestershire) - Sale of property - Purchase of new units');
    expect(action.byWhenRaw).toBe('March 09 June 09 July 09 – Mar 10 July 09 – Mar 10');
    expect(action.owners).toEqual(['Stonham Housing', 'SP', 'SMAT PL (C&A)']);
  });

  it('warns about rows with an empty "By whom" and about 6.7 repeating 6.6', () => {
    expect(actionAt(worcestershire, 33).owners).toEqual([]);
    expect(worcestershire.warnings).toContainEqual({ line: 33, message: 'no owner' });
    expect(worcestershire.warnings).toContainEqual({ line: 333, message: 'same action as line 332; kept as a separate action' });
  });

  it('reads no expected outcome as an action', () => {
    expect(worcestershire.actions.some((a) => a.text.includes('Improved clinical governance across the treatment system'))).toBe(false);
  });
});

describe('Gloucestershire: page footers inside tables, objectives as rows, sub-actions on one line', () => {
  it('reads "Objective N …⇥date⇥owner" rows as actions under that objective (34, 38, 49, 88, 129, 136)', () => {
    expect(actionAt(gloucestershire, 34)).toMatchObject({ ref: null, text: 'Initial phased CN Implementation',
      objective: 'Full Implementation of Care Notes (CN) including full Information function', byWhenRaw: 'April 2010',
      owners: ['CN Project Manager', 'JCM'] });
    expect(actionAt(gloucestershire, 38)).toMatchObject({ text: 'ATJCG meetings bi-monthly in 2010/11',
      objective: 'ATJCG-remain key commissioning group and oversee commissioning competences contained in WCC and Commissioning for Recovery agenda' });
    expect(actionAt(gloucestershire, 49).objective).toBe('Full compliance with TOP and 80% minimum return to allow baseline setting for 4 domains');
    expect(actionAt(gloucestershire, 88)).toMatchObject({ text: 'Continue service user monthly meeting at SU base',
      owners: ['SU Coordinator', 'Service leads'] });
    expect(actionAt(gloucestershire, 129)).toMatchObject({ text: 'Clinical Governance Action plans agreed and monitored',
      objective: 'Clinical Governance and Guidance monitoring framework in place' });
    expect(actionAt(gloucestershire, 136)).toMatchObject({
      text: 'Establish County wide Care Coordination protocol including referral to improve referral to PSI and structured daycare',
      objective: 'Ensure improvement of Effective Treatment to 85% by end q1 2010/11' });
  });

  it('splits row 99 into 6a and 6b, sharing out four dates and two owner groups', () => {
    const [a, b] = actionsAt(gloucestershire, 99);
    expect(actionsAt(gloucestershire, 99)).toHaveLength(2);
    expect(a).toMatchObject({ ref: '6a', byWhenRaw: 'April 2010 Sept 2010', owners: ['CSSMS Lead Clinician', 'Nelson Trust'] });
    expect(a?.text.startsWith("Pilot for prescribing clinic in Women's one stop shop (OSS)")).toBe(true);
    expect(b).toMatchObject({ ref: '6b', byWhenRaw: 'June 2010 October 2010' });
    expect(b?.text.startsWith('Assess need and potential cost for crèche facilities')).toBe(true);
    expect(a?.objective).toBe('Parents continue to be priority group in all tier 3 interventions');
  });

  it('reads row 102\'s interleaved dates as one date per action: its own action (April 2010), then 7a May, 7b April, 7c September', () => {
    // As written: "Objective 7 Evaluate accessibility … 7a Focus group … 7b Recruit participants … 7c Service user
    // feedback …⇥April 2010 May 2010 April 2010 September 2010⇥…": four actions, four dates, in order.
    const parts = actionsAt(gloucestershire, 102);
    expect(parts.map((p) => [p.ref, p.text.slice(0, 30), p.due])).toEqual([
      [null, 'Evaluate accessibility and rel', { kind: 'date', date: '2010-04-30' }],
      ['7a', 'Focus group for under 25s serv', { kind: 'date', date: '2010-05-31' }],
      ['7b', 'Recruit participants for focus', { kind: 'date', date: '2010-04-30' }],
      ['7c', 'Service user feedback regardin', { kind: 'date', date: '2010-09-30' }],
    ]);
    for (const part of parts) expect(part.objective).toBe("Improvement in Engagement for under 25's");
    // The owner groups run together with a space ("…Service lead GDD Researcher/…"): cut there, by the
    // roles the plan writes alone elsewhere, one group per action, and a warning says so.
    expect(parts.map((p) => p.owners)).toEqual([
      ['Inde Trust Service Lead'],
      ['GDD Researcher', 'Service user Coordinator'],
      ['GDD Researcher', 'Service user Coordinator', 'Service leads'],
      ['Service leads'],
    ]);
    expect(gloucestershire.warnings.filter((w) => w.line === 102).map((w) => w.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^owners "Inde Trust Service lead GDD Researcher\/.*" shared out at roles run together: "Inde Trust Service lead", "GDD Researcher\/Service user Coordinator"/),
    ]));
  });

  it('puts lettered rows under their own objective: 8f-8k under objective 8, not 11 announced last', () => {
    expect(actionAt(gloucestershire, 175)).toMatchObject({ ref: '8 i',
      objective: 'Continued improvements to planned discharge and system exit' });
    expect(actionAt(gloucestershire, 182).objective).toBe('Continued focus on Employment and recovery issues together with Job Centre Plus');
  });

  it('reads rows across page footers and turns superscripts into plain ordinals', () => {
    expect(actionAt(gloucestershire, 98)).toMatchObject({ text: 'Survey inform next Needs Assessment', owners: [] });
    expect(actionAt(gloucestershire, 55).text).toContain('80(+)% 1st review compliance');
    // One owner cell wrapped down four rows ("DAAT Treatment lead/Service" | "Governance" | "leads/DAAT" | …): each row has its roles.
    for (const line of [129, 130, 131, 132]) {
      expect(actionAt(gloucestershire, line).owners).toEqual(['DAAT Treatment lead', 'Service Governance leads']);
      expect(gloucestershire.warnings).toContainEqual({ line, message: expect.stringMatching(/^owner cell read across the rows at lines 129–132/) });
    }
  });

  it('does not read the bold expected outcomes, which restate objectives, as objectives or actions', () => {
    expect(gloucestershire.actions.some((a) => a.text.includes('Care Notes full implementation-Full electronic return'))).toBe(false);
    expect(gloucestershire.actions.some((a) => (a.objective ?? '').includes('Increase in planned exits'))).toBe(false);
  });
});

describe('documents that are not whole plans', () => {
  it('refuses a document with no planning grid or delivery-plan table', () => {
    const minutes = 'Partnership name: Isle of Wight DAT\n\nMinutes of the JCG meeting, 3 March 2008\nApologies: none\n';
    expect(() => parsePlan(minutes, 'minutes.txt')).toThrow(PlanFormatError);
    expect(() => parsePlan('', 'empty.txt')).toThrow(/empty\.txt: no planning grid/);
  });

  it('refuses a README whose Markdown tables have no plan header and no planning grid heading', () => {
    const readme = '# actionbot\n\nA Teams bot.\n\n| Command | What it does |\n|---|---|\n| help | lists the commands |\n| done 1.1 | marks an action done |\n';
    expect(() => parsePlan(readme, 'README.md')).toThrow('README.md: no planning grid or delivery-plan table found');
  });

  it('imports a file cut off mid-row without throwing, and warns about the half row', () => {
    const text = seedText('isleOfWight');
    const cut = text.slice(0, text.indexOf('1.1.2 Continue to monitor compliance with data') + 40);
    const plan = parsePlan(cut, 'cut.txt');
    expect(plan.actions.map((a) => a.ref)).toEqual(['1.1.1', '1.1.2']);
    expect(plan.actions[0]?.text).toBe('Ensure all provider specifications detail reporting requirements as contractual requirements');
    expect(plan.warnings).toContainEqual({ line: 26, message: 'no owner' });
  });

  it('imports a file cut off right after a grid heading, warning that the grid has no actions', () => {
    const plan = parsePlan('Partnership name: Bedfordshire\nAdult drug treatment plan 2008/09\n\nPlanning grid 1: Commissioning', 'cut.txt');
    expect(plan.actions).toEqual([]);
    expect(plan.warnings).toContainEqual({ line: 1, message: 'planning grid 1 has no actions' });
  });

  it('still reads rows when the heading and period are missing, and says so', () => {
    const plan = parsePlan('Actions and milestones\tBy when\tBy whom\n1.1 Agree the plan\tJune 09\tJCM\n', 'bare.txt');
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ grid: 1, ref: '1.1', owners: ['JCM'] });
    expect(plan.partnership).toBe('Unknown partnership');
    expect(plan.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([
      'no partnership name found', 'action found before any planning grid heading; put in grid 1']));
  });
});
