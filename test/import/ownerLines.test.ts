// Owner cells broken over lines: "SMAT" on one line and "Mgrs" on the next are SMAT's managers, one
// role, whether the break is the author's (a CSV or Word cell) or the text extraction's (a tabbed line).
import { describe, expect, it } from 'vitest';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('an owner cell broken over lines', () => {
  it('a CSV cell "SMAT\\nMgrs" is the role SMAT Mgrs, while "SMLO\\nSMO" is two roles', async () => {
    const csv = [
      'Partnership name: Worcestershire SMAT',
      'Adult drug treatment plan 2009/10',
      'Ref,Actions and milestones,By when,By whom',
      '2.1,Promote this as an objective within Workforce Development Group.,April 09,"SMAT\nMgrs"',
      '2.2,Develop questionnaire for staff,June 09,"SMLO\nSMO"',
    ].join('\n');
    const plan = await readPlanBytes(bytes(csv), 'worcestershire-2009-10.csv');
    expect(plan.actions.map((a) => a.owners)).toEqual([['SMAT Mgrs'], ['SMLO', 'SMO']]);
  });

  it('a text row whose owner goes on to a line of its own keeps "SMAT Mgrs" whole', async () => {
    const text = [
      'Partnership name: Worcestershire SMAT', '', 'Adult drug treatment plan 2009/10', '',
      '## Planning grid 4: Community integration', '',
      'Actions and milestones\tBy when\tBy whom',
      '2.1 Promote this as an objective within Workforce Development Group.\tApril 09\tSMAT, CDT & TP',
      '\t\tMgrs',
      '2.2 Develop Questionnaire for staff within SMAT Workforce Development Group.\tJune 09\tWorkforce Dev lead',
    ].join('\n');
    const plan = await readPlanBytes(bytes(text), 'worcestershire.txt');
    expect(plan.actions.map((a) => [a.ref, a.owners])).toEqual([
      ['2.1', ['SMAT Mgrs', 'CDT Mgrs', 'TP Mgrs']],
      ['2.2', ['Workforce Dev lead']],
    ]);
  });
});
