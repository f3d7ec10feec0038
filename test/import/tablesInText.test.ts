// Plans pasted from a wiki or written in Markdown, and tables that are not plans.
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/import/document/columns.ts';
import { parseCsv } from '../../src/import/office/csvReader.ts';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { PlanFormatError } from '../../src/import/planFormatError.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';

const markdown = [
  'Partnership name: Safer Rutland Partnership',
  'Adult drug treatment plan 2010/11',
  '',
  'Planning grid 1: Commissioning',
  '',
  '| Actions and milestones | By when | By whom |',
  '|---|:---:|---|',
  '| 1.1 Agree the partnership\u2019s needs assessment | June\u00a02010 | DAAT\u00a0Co-ordinator |',
  '| 1.2 Publish the \u201cRecovery\u201d strategy | Quarterly | Commissioner & SMLO |',
].join('\n');

describe('text with pipe tables, non-breaking spaces and curly punctuation', () => {
  it('reads a Markdown table as the classic three columns', () => {
    const plan = parsePlan(markdown, 'plan.md');
    expect(plan.partnership).toBe('Safer Rutland Partnership');
    expect(plan.actions.map((a) => [a.ref, a.text, a.byWhenRaw, a.owners])).toEqual([
      ['1.1', "Agree the partnership's needs assessment", 'June 2010', ['DAAT Co-ordinator']],
      ['1.2', 'Publish the "Recovery" strategy', 'Quarterly', ['Commissioner', 'SMLO']],
    ]);
    expect(plan.actions[0]?.due).toEqual({ kind: 'date', date: '2010-06-30' });
  });

  it('reads a wiki table with || between header cells the same way', () => {
    const wiki = markdown.replace('| Actions and milestones | By when | By whom |', '|| Actions and milestones || By when || By whom ||').replace('|---|:---:|---|\n', '');
    expect(parsePlan(wiki, 'plan.txt').actions).toHaveLength(2);
  });
});

describe('header cells name the columns in the words partnerships use', () => {
  it.each<[string[], string[]]>([
    [['Actions and milestones', 'By when', 'By whom'], ['action', 'when', 'who']],
    [['Ref', 'Action', 'Lead', 'Target date', 'RAG'], ['ref', 'action', 'who', 'when', 'status']],
    [['No.', 'Milestone', 'Deadline', 'Owner(s)', 'Status'], ['ref', 'action', 'when', 'who', 'status']],
    [['Grid', 'Objective', 'Action ref', 'Key milestones', 'Timescale', 'Responsibility'], ['grid', 'objective', 'ref', 'action', 'when', 'who']],
  ])('%j', (cells, roles) => {
    expect(readHeader(cells)?.roles).toEqual(roles);
  });

  it('a row of an action is not a header', () => {
    expect(readHeader(['1.1 Agree the lead for each action', 'June 2010', 'Commissioner'])).toBeNull();
  });
});

describe('CSV', () => {
  it('keeps commas, quotes and line breaks inside quoted cells, and reads semicolon exports', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n1,2,3\r\n')).toEqual([['a', 'b, c', 'say "hi"\nthere'], ['1', '2', '3']]);
    expect(parseCsv('Action;By when;By whom\nAudit;June 2010;SMLO\n')).toEqual([['Action', 'By when', 'By whom'], ['Audit', 'June 2010', 'SMLO']]);
  });
});

describe('a table-shaped document with no plan', () => {
  it('says so in one line', async () => {
    const budget = Buffer.from('Budget line,2010/11,2011/12\nStaff,"120,000","125,000"\nPremises,"30,000","31,000"\n');
    const error = await readPlanBytes(budget, 'budget.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanFormatError);
    expect((error as Error).message).toBe('budget.csv: no plan found: 1 table but none with an action column and a "By when" or "By whom" column');
  });

  it('an old binary Word file is told to be saved as .docx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readPlanBytes(ole, 'plan.doc')).rejects.toThrow(/save it as \.docx or \.xlsx/);
  });
});
