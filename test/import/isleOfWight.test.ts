// Isle of Wight DAT, 2008/09: every action the commissioner wrote, read back from the damaged PDF text.
import { describe, expect, it } from 'vitest';
import { actionAt, countsPerGrid, seedPlan } from './seeds.ts';

const plan = seedPlan('isleOfWight');

const C = ['Commissioner'];
const CBP = ['Commissioner', 'Business and Performance Manager'];

// [line, grid, ref, text starts with, By when as written, owners], read off the document.
const expected: [number, number, string, string, string, string[]][] = [
  [25, 1, '1.1.1', 'Ensure all provider specifications detail', 'April 1 st 2008', C],
  [26, 1, '1.1.2', 'Continue to monitor compliance with data reporting', 'Monthly', CBP],
  [29, 1, '1.1.3', 'Scrutinise quarterly reports', 'Quarterly', CBP],
  [30, 1, '1.1.4', 'Explore potential for change of IT system', 'June 2008', C],
  [35, 1, '1.2.1', 'Identify timescales for tendering', 'April 1 st 2008', C],
  [36, 1, '1.2.2', 'Inform current providers of intention', 'As appropriate', C],
  [37, 1, '1.2.3', 'Work with contracts department', 'May 1st 2008', C],
  [38, 1, '1.2.4', 'Establish processes required to commission', 'June 1st 2008', C],
  [45, 1, '1.3.1', 'Develop care pathways between each of the tiers', 'September 1 st 2008', C],
  [46, 1, '1.3.2', 'Promote care pathways within provider services', 'October 1st 2008', C],
  [47, 1, '1.3.3', 'Monitor effectiveness of implementation', 'Quarterly', C],
  [52, 1, '1.4.1', 'Identify processes and protocols', 'April 1 st 2008', C],
  [53, 1, '1.4.2', 'S.M. Supported Accommodation monitoring group', 'Monthly', C],
  [56, 1, '1.4.3', 'Liaise with Supporting People team', 'Bi monthly', C],
  [57, 1, '1.4.4', 'Report to DAT JCG outlining progress', 'July 1st 2008', C],
  [64, 1, '1.5.1', 'Clarify expectations of providers', 'April 1 st 2008', C],
  [65, 1, '1.5.2', 'Continue as member of PCT Care Group', 'Monthly', C],
  [78, 1, '1.5.3', 'Clarify non NHS provider CG processes', 'Quarterly', C],
  [85, 1, '1.6.1', 'Ensure all providers are aware', 'April 1 st 2008', C],
  [86, 1, '6.2', 'Monitor achievement of targets', 'Quarterly provider reviews', CBP],
  [87, 1, '1.6.3', 'Request action plans from providers', 'As required', C],
  [96, 1, '1.7.1', 'Ensure there are robust mechanisms', 'April 1 st 2008',
    ['Commissioner', 'Prison Drug Service Manager', 'Prison Healthcare Manager']],
  [97, 1, '1.7.2', 'Continue to be involved in relevant meetings', 'As appropriate', CBP],
  [117, 2, '2.1.1', 'Update web based information', '1 st June 2008', C],
  [118, 2, '2.1.2', 'Continuation of promotion of BDA training', 'Quarterly review', C],
  [121, 2, '2.1.3', 'Continuation of promotion of provider services', 'Quarterly reviews', C],
  [122, 2, '2.1.4', 'Bi monthly RESULT (service user group) newsletter', 'Bi monthly', ['Service user Co-ordinator']],
  [129, 2, '2.2.1', 'Monitor progress of DD delivery action plan', 'Bi monthly', C],
  [130, 2, '2.2.2', 'Report from AMH lead on DD', 'December 2008', ['AMH Commissioner']],
  [131, 2, '2.2.3', 'Any individual case issues', 'As required.', C],
  [137, 2, '2.3.1', 'Carry forward any outstanding issues', '', ['DIP Provider CJIT']],
  [143, 2, '2.3.2', 'DIP provider to work with growing local Polish community', 'August 2008', ['DIP Provider']],
  [144, 2, '2.3.3', 'DIP steering group to monitor performance', 'Quarterly reviews', ['DIP Champion']],
  [149, 2, '4.1.1', 'Meet with provider to go through service contract', '1 st May 2008', C],
  [152, 2, '4.1.2', 'Develop work plan to improve service provision', '1 st June 2008', ['Provider team managers']],
  [153, 2, '4.1.3', 'Monitor implementation of plan with provider', 'Quarterly reviews', C],
  [160, 2, '5.1.1', 'Establish two community engagement projects', '1 st May 2008', ['SMAG']],
  [161, 2, '5.1.2', 'Work with providers and RESULT', '1 st June 2008', C],
  [162, 2, '5.1.3', 'Reports and updates of projects', 'Quarterly', ['Project leads']],
  [169, 2, '6.1.1', 'Establish new workforce development lead', '1 st April 2008', C],
  [170, 2, '6.1.2', 'SM Workforce development group work plan', '1 st April 2008', C],
  [185, 2, '6.1.3', 'Report to DAT JCG progress on work plan', 'September 2008', ['DAT Workforce lead']],
  [192, 2, '7.1.1', 'Continuation of Harm Reduction group', 'Quarterly',
    ['Commissioner', 'DAT BBV Care Manager', 'RESULT', 'Providers']],
  [199, 2, '7.1.2', 'Provide harm reduction materials', 'Quarterly review', ['DAT BBV Care Manager']],
  [200, 2, '7.1.3', 'Progress report to DAT JCG September 2008', 'September 2008', ['Commissioner', 'DAT BBV Care Manager']],
  [223, 3, '3.1.1', 'Monitor achievement quarterly', 'Quarterly', ['Providers', 'Commissioner']],
  [226, 3, '3.1.2', 'Monitor improvement plans', 'As required', C],
  [227, 3, '3.1.3', 'Identify resources required where continuing', 'As required', C],
  [228, 3, '3.1.4', 'Report to commissioner and DAT JCG', 'Quarterly', ['Business and Performance Manager']],
  [235, 3, '3.2.1', 'Develop audit tool', 'September 2008', ['IDAS team manager']],
  [236, 3, '3.2.2', 'Undertake audit', 'October 2008', ['IDAS team manager']],
  [237, 3, '3.2.3', 'Audit tool results', 'November 2008', ['IDAS team manager']],
  [242, 3, '3.3.1', 'Ensure monitoring of progress on carers delivery plan', 'Quarterly', C],
  [248, 3, '3.4.1', 'Protocols written and agreed', 'April 2008', ['Service user Co-ordinator']],
  [249, 3, '3.4.2', 'Promote peer led services', 'April 2008', ['Service user Co-ordinator']],
  [251, 3, '3.4.3', 'Updates and Progress report (January 2009)', 'January 2009', ['Service user Co-ordinator']],
  [259, 3, '3.5.1', 'IDAS to work with EIP team', 'July 2008', ['IDAS team manager']],
  [260, 3, '3.5.2', 'Clarify care pathway and access to PT', 'March 2009', ['IDAS team manager']],
  [265, 3, '3.6.1', 'Monitor quarterly uptake of LES', 'quarterly', C],
  [266, 3, '3.6.2', 'Provide financial support to GPs', 'Annual offer', C],
  [271, 3, '3.7.1', 'Complete proposal and action plan', 'April 2008', ['Tier 4 care manager']],
  [272, 3, '3.7.2', 'Implement plan for developing service', 'May 2008', ['Tier 4 care manager']],
  [289, 4, '4.1.1', 'Monitor outcomes through quarterly', 'Quarterly', C],
  [290, 4, '4.1.2', 'Tier 3 to identify resources', 'September 2008', ['IDAS team manager']],
  [299, 4, '4.2.1', 'Complete SM Housing', 'May 2008', C],
  [300, 4, '4.2.2', 'DAT JCG to agree action plan', 'May 2008', ['DAT JCG']],
  [301, 4, '4.2.3', 'Monitor implementation of action plan and report', 'January 2009', ['DAT JCG']],
  [306, 4, '4.3.1', 'Tier 2 and 3 services to agree plan', 'June 2008', ['Provider team managers']],
  [307, 4, '4.3.2', 'Monitor plan in quarterly reviews', 'Quarterly', C],
];

describe('Isle of Wight plan (2008/09)', () => {
  it('names the partnership and the 2008/09 plan year', () => {
    expect(plan.partnership).toBe('Isle of Wight DAT');
    expect(plan.id).toBe('isle-of-wight-dat-2008');
    expect(plan.period).toEqual({ start: '2008-04-01', end: '2009-03-31' });
  });

  it('finds the four planning grids with their titles', () => {
    expect(plan.grids.map((grid) => grid.number)).toEqual([1, 2, 3, 4]);
    expect(plan.grids[1]?.title).toBe('Access and engagement with the drug treatment system');
  });

  it('has 23, 22, 17 and 7 actions in grids 1 to 4, one per row', () => {
    expect(countsPerGrid(plan)).toEqual([23, 22, 17, 7]);
    expect(plan.actions).toHaveLength(expected.length);
  });

  it.each(expected)('line %i: grid %i, %s', (line, grid, ref, start, byWhen, owners) => {
    const action = actionAt(plan, line);
    expect(action.grid).toBe(grid);
    expect(action.ref).toBe(ref);
    expect(action.text.startsWith(start)).toBe(true);
    expect(action.byWhenRaw).toBe(byWhen);
    expect(action.owners).toEqual(owners);
  });

  it('keeps each action under the objective it was written for', () => {
    expect(actionAt(plan, 25).objective).toBe(
      'Information systems to ensure valid data / activity reporting from all service providers, including roll out of TOPs');
    // Objective 7 of grid 1 has an empty table; its rows are under objective 8.
    expect(actionAt(plan, 96).objective).toBe(
      'Ensure DAT involvement in the development of the IDTS funded projects within Camphill Prison');
    expect(actionAt(plan, 248).objective).toBe(
      'Service user group (RESULT) to develop peer mentoring/ advocacy/ needle exchange services');
  });

  it('joins a row whose text carries on after a blank line (1.4.2)', () => {
    expect(actionAt(plan, 53).text).toBe('S.M. Supported Accommodation monitoring group to ensure involvement of '
      + 'stakeholders in the development and delivery of the service to meet monthly in the first six months of '
      + 'the project and review.');
  });

  it('gives 1.5.2 all its bullet points, without the stray "е" and "ensure" fragments', () => {
    const text = actionAt(plan, 65).text;
    expect(text).toContain('Specific actions required already presented are: Identify a PCT CG lead for Substance Misuse (SM)');
    expect(text).toContain('how will the care group compliance? Identify training needs of workforce');
    expect(text).toContain('and inform SM services commissioners. Ensure adult treatment plan');
    expect(text.endsWith('are implemented and progress monitored.')).toBe(true);
    expect(text).not.toMatch(/ е |inform ensure/);
    expect(plan.warnings).toContainEqual({ line: 74, message: 'stray word "ensure" ignored' });
  });

  it('reads 1.7.2 whose owner column spilled into the "By when" column over three lines', () => {
    const action = actionAt(plan, 97);
    expect(action.text).toBe('Continue to be involved in relevant meetings and for a relating to the IDTS Management '
      + 'and Clinical Governance Boards');
    expect(action.byWhenRaw).toBe('As appropriate');
  });

  it('joins "Quarterly" and "review" from two lines (2.1.2) and text broken after a blank line (4.1.1, 3.1.1)', () => {
    expect(actionAt(plan, 118).byWhenRaw).toBe('Quarterly review');
    expect(actionAt(plan, 149).text.endsWith('to lead discussions for review and redesign')).toBe(true);
    expect(actionAt(plan, 223).text.endsWith('if not achieving target')).toBe(true);
  });

  it('keeps the two-column bullet list of 2.3.1 in its text and gives it no deadline', () => {
    const action = actionAt(plan, 137);
    expect(action.text).toContain('Arrest Referral');
    expect(action.text).toContain('Conditional cautioning');
    expect(action.due).toEqual({ kind: 'none' });
  });

  it('keeps OCR garbage out of 3.4.3 but still rejoins its owner "Co-" + "ordinator"', () => {
    const action = actionAt(plan, 251);
    expect(action.text).toBe('Updates and Progress report (January 2009) to DAT JCG');
    expect(plan.warnings.some((w) => w.line === 252 && w.message.startsWith('unreadable text ignored'))).toBe(true);
  });

  it('skips the repeated OCR table header and the page header between grids 2 and 3', () => {
    expect(plan.actions.some((action) => /ninestones|Wileli|Name of partnership|Part 3/.test(action.text))).toBe(false);
  });

  it('reads the schedule of each "By when" through parseByWhen', () => {
    expect(actionAt(plan, 30).due).toEqual({ kind: 'date', date: '2008-06-30' });
    expect(actionAt(plan, 26).due.kind).toBe('recurring');
  });

  it('counts how many actions each role owns', () => {
    const roles = new Map(plan.roles.map((role) => [role.name, role.actions]));
    // Lines 26, 29, 86, 97, and 228 where it is written "Business and performance manager".
    expect(roles.get('Business and Performance Manager')).toBe(5);
    // Lines 235-237 and 290 "IDAS Team Manager", 259-260 "IDAS Team Managers": one role, its spellings kept as aliases.
    expect(roles.get('IDAS team manager')).toBe(6);
    expect(roles.has('IDAS Team Managers')).toBe(false);
    expect(plan.roles.find((role) => role.name === 'IDAS team manager')?.aliases).toEqual(expect.arrayContaining(['IDAS Team Managers']));
    // "Service user co-ordinator" and "Service user Co-ordinator" are one role, named as most often written.
    expect(roles.get('Service user Co-ordinator')).toBe(4);
    expect(roles.has('Service user co-ordinator')).toBe(false);
    // "Commissioners" (line 96) is the Commissioner, and the import says so.
    expect(plan.warnings.some((w) => w.line === 96 && w.message.includes('"Commissioners" read as "Commissioner"'))).toBe(true);
  });
});
