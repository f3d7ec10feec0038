// Safer Peterborough Partnership, 2011-14: a plan with no objectives and no row numbers, page
// numbers and "DRAFT" between rows, and three rows repeated at the end of section 3.
import { describe, expect, it } from 'vitest';
import { actionAt, countsPerGrid, seedPlan } from './seeds.ts';

const plan = seedPlan('peterborough');

const PIO = 'Performance & Information Officer';
const QJ = 'Quarterly starting Jun 11';
const TRIO = ['SMLO', 'SMO', 'Service Managers'];

// [line, grid, text starts with, By when as written, owners], read off the document.
const expected: [number, number, string, string, string[]][] = [
  [38, 1, 'Develop an overarching Peterborough Drug Strategy', 'Aug 11', ['SPM-CC']],
  [39, 1, 'Continue to develop service implementation plans', 'April 11 and monthly until implementation is fully complete', ['SPM-CC']],
  [40, 1, 'Identify gaps in the service provision', 'Refreshed needs assessment by Dec 11 and annually', ['SMLO', PIO]],
  [41, 1, 'Undertake service user satisfaction survey', 'Annually in line with commissioning timetable', ['SMO']],
  [42, 1, 'Develop a project plan to support the development of the local service user group', 'May 11', ['SMO']],
  [43, 1, 'Develop a user involvement strategy', 'Aug 11', ['SMLO']],
  [44, 1, "Develop a project plan to support the development of the carers' group", 'Dec 11', ['Recovery & Reintegration Service Manager']],
  [45, 1, 'Develop a carer involvement strategy', 'Nov 11', ['SMO']],
  [46, 1, 'Audit all services policies and procedures', 'Sept 11. Review Sept 12 and Sept 13', ['SMLO']],
  [49, 1, 'Seek clarification on clinical governance', 'Dec 11', ['SPM-CC']],
  [50, 1, 'Seek clarification of management of Pharmacy contract', 'Dec 11', ['SPM-CC']],
  [51, 1, 'Develop joint working protocol and information sharing agreement with A&E', 'May 11', ['SMLO', 'SMO']],
  [52, 1, 'Develop a partnership drug specific SUI management policy', 'Dec 11', ['SMO']],
  [53, 1, 'Implement appropriate information sharing', 'Aug 11', ['PCT Lead']],
  [54, 1, 'Ensure SUI policy included all the latest guidance', 'Dec 11', ['SMO']],
  [55, 1, 'Ensure that drug related death and overdoses within the prison', 'Review at: Jul 11; Jan 12; Jul 12; Jan 13', ['SMLO', 'HMP Peterborough']],
  [56, 1, 'Develop Clinical Governance Checklist', 'May 11', ['SMLO']],
  [57, 1, 'Agree a partnership lead for clinical governance', 'Apr 11', ['PCT Lead']],
  [58, 1, 'Ensure continued clear links to HMP Peterborough', 'Jul 11', ['PCT Lead', 'HMP Peterborough Healthcare Manager']],
  [59, 1, 'Support services to develop a 3 year audit programme', 'Jul 11', ['Service Managers']],
  [60, 1, 'Ensure that there is joint development with the Social Finance One Project', 'Jun 11. Review 6 monthly:', ['SPM-CC']],
  [62, 1, 'Ensure that there is joint development with the Integrated Offender Management', 'Jun 11. Review 6 monthly', ['SPM-CC']],
  [63, 1, 'Continue to work with Cambridgeshire constabulary', 'Jun, Sept, Dec 11 & Mar 12', ['SPM-CC', 'SMLO']],
  [64, 1, 'Enhance the joint working protocol with JCP', 'Sept 11', ['SMLO']],
  [65, 1, 'Provide training for service user representatives', 'Oct 11', ['SMO']],
  [66, 1, 'Ensure joint working with commissioners of YP plan', 'Quarterly each year (Jun, Sept, Dec and Mar)', ['SMO']],
  [67, 1, "Ensure regular representation at Young People's Substance Misuse Partnership Group", 'Apr 11 and monthly', ['SMO']],
  [68, 1, "Ensure regular representation from Children's substance misuse commissioner", 'Apr 11 and monthly', ["Young People's Substance Misuse Lead"]],
  [69, 1, 'Develop a consistent means of ensuring clear strategic links', 'Jul 11. Review annually.', ['SMLO']],
  [106, 2, 'Develop a standardised assessment tool', 'Sept 11', ['SMLO', 'SMO']],
  [107, 2, 'Ensure continued support to DIP and HMP Peterborough', QJ, ['SMLO', 'DIP', 'HMP Peterborough']],
  [108, 2, 'Monitor the impact of IDTS on community services', 'Jul 11', [PIO, 'HMP Peterborough IDTS Lead']],
  [109, 2, 'Ensure that the criminal justice service establishes clear links', QJ,
    ['Criminal Justice Service Manager', 'HMP Peterborough Establishment Drug Coordinator', 'IDTS Leads']],
  [110, 2, 'Monitor impact of the One Project', 'Dec 11', ['SMLO']],
  [111, 2, 'Continue to work with constabulary colleagues', 'Ongoing', ['SPM-CC', 'SMLO', 'Cambs Constabulary']],
  [112, 2, 'Develop clear and consistent guidance', 'Aug 11', ['SMO']],
  [113, 2, 'i) Ensure the new services are active in promoting services', 'i) Jul 11 and review 6 monthly ii) review 6 monthly', ['SMLO', PIO]],
  [117, 2, 'Continue to work with Neighbourhood Managers', 'Review 6 monthly from Aug 11', ['SP-CC', 'SMLO', 'neighbourhood managers']],
  [118, 2, 'Continue to work closely with the ASB Officers', 'Review 6 monthly from Aug 11', ['SMLO', 'ASB team']],
  [119, 2, 'Identify how the new service structure provides interventions', 'May 11; review impact at quarterly contract meetings from Sept 11', ['SMLO']],
  [120, 2, 'Set appropriate targets for the new services', 'Jun 11', ['SMLO']],
  [121, 2, 'Review the trends in clients accessing treatment', 'Apr 12; Apr 13', ['SMLO', PIO]],
  [122, 2, 'Ensure information available within the new treatment services', 'Jun 11. Review 6 monthly', ['SMO', 'Service Managers']],
  [123, 2, 'Ensure overdose training and safer injecting training', 'Jul 11. Review 6 monthly', ['SMO', 'Service Managers']],
  [124, 2, 'i) Develop peer led training for service users', 'i) Sept 11 ii) Starting Nov 11', ['SMO', 'Open Access Service Manager', 'SUGA']],
  [125, 2, 'Ensure harm reduction and overdose messages are consistent', 'Jul 11. Review 6 monthly', ['HMP Peterborough EDC', 'SMO']],
  [126, 2, 'Run quarterly campaigns with needle exchanges', 'Quarterly starting Oct 11', ['Open Access Service Manager']],
  [129, 2, 'Monitor the impact of those from A8 and A10', 'Jun 11', ['SMO']],
  [167, 3, 'Undertake detailed analysis of available employment data', 'i) Aug 11 ii) Feb 12 and review 6 monthly', [PIO]],
  [168, 3, 'Establish clear pathways from treatment services into Jobcentre Plus', 'Sept 11', ['District Drug Coordinator', 'Service Managers']],
  [169, 3, 'Review the above pathways', 'Jan 12', ['District Drug Coordinator', PIO]],
  [170, 3, 'Develop an action plan to increase access for clients into education', 'Dec 11', ['SPM-CC']],
  [171, 3, 'Continue to support the local authority led operational work', 'Apr 11 and monthly. Review 6 monthly from Oct 11', ['SMLO']],
  [172, 3, 'Develop a joint strategy with the Homelessness Lead', 'Dec 11', ['SPM-CC']],
  [173, 3, 'i) Undertake detailed analysis of available housing data', 'i) Jun 11; ii) Dec 11 and review 6 monthly', [PIO]],
  [174, 3, 'Draw up an action plan to address any gaps', 'Jan 12', ['SPM-CC']],
  [177, 3, 'Work to improve family interventions and support', '', ['SMLO']],
  [178, 3, 'Improved joint working with children and adult services', '', ['SMLO', 'SMO', "Children's Commissioners"]],
  [179, 3, 'Undertake an audit of each treatment service', 'Jan 12. Review annually', ['SMLO']],
  [180, 3, 'Ensure appropriate pathways are in place', QJ, ['SMLO']],
  [181, 3, 'Review local residential rehabilitation panel arrangement', 'Jun 11', ['SMLO']],
  [182, 3, 'Undertake joint work with alcohol commissioners', 'Jul 11', ['SMLO']],
  [183, 3, 'Monitor the impact of joint interventions', 'Oct 11 and quarterly thereafter', [PIO, 'Recovery & Reintegration Service Manager']],
  [184, 3, 'Undertake harm reduction campaigns', 'Mar 12; Mar 13; Mar 14', ['SMO', 'Recovery & Reintegration Service Manager']],
  [185, 3, 'Draw up an action plan to engage GPs', 'Jun 11', ['PCT Lead']],
  [186, 3, 'Re-establish the Shared Care Monitoring Group', 'Jul 11; with SCMG meetings at least every two months', ['PCT Lead', PIO]],
  [188, 3, 'Ensure services are offering Hepatitis B vaccinations', 'Oct 11', ['SMLO', 'Service Managers']],
  [189, 3, 'Establish clear pathways and protocols to ensure Hepatitis B', 'Sept 11', ['SMLO', 'IDTS Leads']],
  [190, 3, 'Work with health colleagues to look at future funding', 'Nov 11', ['SPM-CC']],
  [191, 3, 'Work with health colleagues to develop local Hepatitis C treatment', 'Feb 12', ['SPM-CC', 'SMLO', 'PCT Lead']],
  [192, 3, 'Monitor movement through the treatment system', QJ, [PIO]],
  [193, 3, 'Monitor re-referrals in to treatment services', QJ, [PIO]],
  [194, 3, 'Monitor rates of success for re-engagement', QJ, [PIO]],
  [195, 3, 'Undertake a clinical audit against DH and NICE', 'Audits completed by Dec 11. Review annually', ['PCT Lead']],
  [196, 3, 'Ensure services have a programme of both clinical and management supervision', QJ, ['SMLO', 'Service Managers']],
  [197, 3, 'Continue the ad hoc qualitative audit of case files', 'First completed by Sept 11. All services to have at least one audit annually', ['SMLO']],
  [199, 3, 'Undertake detailed analysis of available employment data', 'i) Aug 11 ii) Feb 12 and review 6 monthly', [PIO]],
  [200, 3, 'Establish clear pathways from treatment services into Jobcentre Plus', 'Sept 11', ['District Drug Coordinator', 'Service Managers']],
  [201, 3, 'Review the above pathways', 'Jan 12', ['District Drug Coordinator', 'Performance & Info Officer']],
  [231, 4, 'Monitor the number of unplanned exits', QJ, TRIO],
  [232, 4, 'Continue to monitor drop out reason', QJ, TRIO],
  [233, 4, 'Monitor prescribing interventions', QJ, TRIO],
  [234, 4, 'Require the services to offer additional support', QJ, TRIO],
  [235, 4, 'Work with the new services to improve TOP performance', QJ, TRIO],
  [236, 4, 'Work alongside the Citizen Power Programme', 'Apr11. Review quarterly', ['SPM-CC']],
  [237, 4, 'Support the establishment of mutual aid', 'Aug 11', ['SMO']],
  [238, 4, 'Establish links with mutual aid groups in prisons', 'Oct 11', ['SMO']],
];

describe('Safer Peterborough plan (2011-14)', () => {
  it('names the partnership and covers three plan years, April 2011 to March 2014', () => {
    expect(plan.partnership).toBe('Safer Peterborough Partnership');
    expect(plan.period).toEqual({ start: '2011-04-01', end: '2014-03-31' });
  });

  it('reads the four "Planning Section" headings as grids', () => {
    expect(plan.grids).toEqual([
      { number: 1, title: 'Commissioning for positive outcomes' },
      { number: 2, title: 'Maintaining and improving access to treatment' },
      { number: 3, title: 'Delivering recovery and progress within treatment' },
      { number: 4, title: 'Achieving outcomes and successful completions' },
    ]);
  });

  it('has 29, 19, 31 and 8 actions in sections 1 to 4', () => {
    expect(countsPerGrid(plan)).toEqual([29, 19, 31, 8]);
    expect(plan.actions).toHaveLength(expected.length);
  });

  it.each(expected)('line %i: section %i, %s', (line, grid, start, byWhen, owners) => {
    const action = actionAt(plan, line);
    expect(action.grid).toBe(grid);
    expect(action.ref).toBeNull();
    expect(action.objective).toBeNull();
    expect(action.text.startsWith(start)).toBe(true);
    expect(action.byWhenRaw).toBe(byWhen);
    expect(action.owners).toEqual(owners);
  });

  it('joins "Sept 11. Review Sept 12 and" with "Sept 13" on the line after a blank', () => {
    expect(actionAt(plan, 46).due.kind).toBe('dates');
  });

  it('joins the needle-exchange campaign row broken over three lines, owner and all', () => {
    const action = actionAt(plan, 126);
    expect(action.text).toBe('Run quarterly campaigns with needle exchanges, including pharmacies, to promote safer '
      + 'injecting, safe disposal of needles and alternatives to injecting');
    expect(action.ownersRaw).toBe('Open Access Service Manager');
  });

  it('carries the resettlement action on after the blank line and drops the <i> markup of "to be added" rows', () => {
    expect(actionAt(plan, 174).text.endsWith('ensuring that this links with the Integrated Offender Management Scheme.')).toBe(true);
    expect(actionAt(plan, 177).text).toBe('Work to improve family interventions and support – to be added');
    expect(actionAt(plan, 177).due).toEqual({ kind: 'none' });
  });

  it('keeps the repeated rows at 199-201 as separate actions, with distinct ids and a warning naming the first', () => {
    expect(actionAt(plan, 199).id).not.toBe(actionAt(plan, 167).id);
    expect(actionAt(plan, 200).id).not.toBe(actionAt(plan, 168).id);
    expect(plan.warnings).toContainEqual({ line: 199, message: 'same action as line 167; kept as a separate action' });
    expect(plan.warnings).toContainEqual({ line: 200, message: 'same action as line 168; kept as a separate action' });
    expect(plan.warnings).toContainEqual({ line: 201, message: 'same action as line 169; kept as a separate action' });
  });

  it('reads no action from the glossary, the page number "25" or "DRAFT"', () => {
    const texts = plan.actions.map((action) => action.text);
    expect(texts.some((text) => /SMLO = |Substance Misuse Lead Officer|^25$|DRAFT/.test(text))).toBe(false);
  });

  it('counts "SPM-CC", "SPM – CC" and "SPM- CC" as one role owning 14 actions', () => {
    const role = plan.roles.find((r) => r.name === 'SPM-CC');
    expect(role?.actions).toBe(14);
    expect(plan.roles.filter((r) => r.name.startsWith('SPM'))).toHaveLength(1);
  });
});
