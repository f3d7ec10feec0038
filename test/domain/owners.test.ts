// Who owns an action: the "By whom" cells of the five seed plans, split into roles as a
// commissioner would read them.
import { describe, expect, it } from 'vitest';
import { planRoles, splitOwners } from '../../src/domain/owners.ts';
import type { PlanAction } from '../../src/domain/plan.ts';

// [cell as written in a seed plan, roles].
const cells: [string, string[]][] = [
  ['Commissioner and Business and Performance Manager', ['Commissioner', 'Business and Performance Manager']],
  ['SMLO & SMO', ['SMLO', 'SMO']],
  ['SPM-CC, SMLO and Cambs Constabulary', ['SPM-CC', 'SMLO', 'Cambs Constabulary']],
  ['(JCG), DAT DIP Lead & Police', ['JCG', 'DAT DIP Lead', 'Police']],
  ['Service user co- ordinator', ['Service user co-ordinator']],
  ['SMLO and Performance & Information Officer', ['SMLO', 'Performance & Information Officer']],
  ['JCG, DAT DIP Lead & DAT Data & Performance Lead', ['JCG', 'DAT DIP Lead', 'DAT Data & Performance Lead']],
  ['BDAT Contract & Performance Manager/BDAT Commissioner', ['BDAT Contract & Performance Manager', 'BDAT Commissioner']],
  ['Recovery & Reintegration Service Manager', ['Recovery & Reintegration Service Manager']],
  ['DAT Contracts and Performance Lead', ['DAT Contracts and Performance Lead']],
  ['i) SMLO ii) Performance & Information Officer', ['SMLO', 'Performance & Information Officer']],
  ['i) SMO, Open Access Service Manager and SUGA ii) Open Access Service Manager', ['SMO', 'Open Access Service Manager', 'SUGA']],
  ['Criminal Justice Service Manager and HMP Peterborough Establishment Drug Coordinator and IDTS Leads',
    ['Criminal Justice Service Manager', 'HMP Peterborough Establishment Drug Coordinator', 'IDTS Leads']],
  ['DIP Manager; DIP Team Leaders; North and South PPO Operational Groups',
    ['DIP Manager', 'DIP Team Leaders', 'North and South PPO Operational Groups']],
  ['Stonham Housing, SP, SMAT PL (C&A)', ['Stonham Housing', 'SP', 'SMAT PL (C&A)']],
  ['JCG, DAT DIP lead. DAT Data & Performance Lead, DIP Team Leader', ['JCG', 'DAT DIP lead', 'DAT Data & Performance Lead', 'DIP Team Leader']],
  ['SPM – CC', ['SPM-CC']],
  ['SPM- CC', ['SPM-CC']],
  ['Commissioners / Prison Drug Service Manager and Prison Healthcare Manager', ['Commissioners', 'Prison Drug Service Manager', 'Prison Healthcare Manager']],
  ['DAT team and University Placement Student', ['DAT team', 'University Placement Student']],
  ['JCG/Providers/Service User Working Group', ['JCG', 'Providers', 'Service User Working Group']],
  // The managers of SMAT, CDT and TP: the plural title belongs to every bare acronym before it.
  ['SMAT, CDT & TP Mgrs', ['SMAT Mgrs', 'CDT Mgrs', 'TP Mgrs']],
  ['CDT & TP Mgrs', ['CDT Mgrs', 'TP Mgrs']],
  ['SP, SMAT, Housing Options Teams', ['SP', 'SMAT', 'Housing Options Teams']],
  ['TP Data Mgr & SMAT Info Mgr', ['TP Data Mgr', 'SMAT Info Mgr']],
  ['JCM & service managers', ['JCM', 'service managers']],
  ['Inde trust/CSSMS  CSSMS Service lead', ['Inde trust', 'CSSMS', 'CSSMS Service lead']],
  ['HMP Peterborough EDC and SMO', ['HMP Peterborough EDC', 'SMO']],
  ['SMLO, DIP and HMP Peterborough', ['SMLO', 'DIP', 'HMP Peterborough']],
  ['JCG , DAT DIP Lead & DIP Delivery group (DIP DG)', ['JCG', 'DAT DIP Lead', 'DIP Delivery group (DIP DG)']],
  ['JCG, Adult Treatment Managers Group (ATMG) & Practitioners Group (PG) service User Advocates',
    ['JCG', 'Adult Treatment Managers Group (ATMG)', 'Practitioners Group (PG)', 'service User Advocates']],
  ['Commissioner Business and and Performance Manager', ['Commissioner', 'Business and Performance Manager']],
  ['JCM/YP Lead Commissioner/JCG \'s', ['JCM', 'YP Lead Commissioner', "JCG's"]],
  ["B;ham Uni", ["B'ham Uni"]],
  ['IndeTrust L&D Dept', ['IndeTrust L&D Dept']],
  ['Business and performance manager', ['Business and performance manager']],
  ['', []],
];

describe('splitOwners', () => {
  it.each(cells)('"%s"', (raw, roles) => {
    expect(splitOwners(raw)).toEqual(roles);
  });

  it('names a role once even when the cell repeats it', () => {
    expect(splitOwners('SMLO, SMO and smlo')).toEqual(['SMLO', 'SMO']);
  });
});

function action(owners: string[]): PlanAction {
  return { id: owners.join('|'), ref: null, grid: 1, objective: null, text: 'x', byWhenRaw: '', ownersRaw: '',
    owners, due: { kind: 'none' }, source: { line: 1 } };
}

describe('planRoles', () => {
  it('lists each role once, named as first written, with how many actions it owns', () => {
    const roles = planRoles([
      action(['SMLO', 'Performance & Information Officer']),
      action(['smlo']),
      action(['Performance  &  Information Officer', 'SMO']),
      action([]),
    ]);
    expect(roles).toEqual([
      { name: 'SMLO', actions: 2 },
      { name: 'Performance & Information Officer', actions: 2 },
      { name: 'SMO', actions: 1 },
    ]);
  });

  it('counts an action once for a role it names twice', () => {
    expect(planRoles([action(['JCG', 'jcg'])])).toEqual([{ name: 'JCG', actions: 1 }]);
  });
});
