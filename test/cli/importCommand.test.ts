// `actionbot import`, run as the real command a commissioner types, in a child process.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const seeds = join(root, 'seeds/plans');
const isleOfWight = join(seeds, '000_8d414cf89c93b93b.txt');
const peterborough = join(seeds, '004_8aa2ae1dee1ce07a.txt');

interface Run { code: number; stdout: string; stderr: string }

function actionbot(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['bin/actionbot.js', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

interface JsonAction { id: string; grid: number; due: { kind: string; date?: string; dates?: string[] }; source: { line: number } }
interface JsonPlan {
  partnership: string;
  period: { start: string; end: string };
  grids: { number: number; title: string }[];
  actions: JsonAction[];
  warnings: { line: number; message: string }[];
}

const actions = (count: number): string => (count === 1 ? '1 action' : `${count} actions`);

async function importJson(...args: string[]): Promise<JsonPlan[]> {
  const run = await actionbot('import', ...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { plans: JsonPlan[] }).plans;
}

describe('actionbot import', () => {
  it('summarises the Isle of Wight plan: partnership, period, counts, roles and every warning', async () => {
    const [plan] = await importJson(isleOfWight);
    const run = await actionbot('import', isleOfWight);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('partnership: Isle of Wight DAT');
    expect(run.stdout).toContain(`period: ${plan?.period.start} to ${plan?.period.end}`);
    expect(run.stdout).toContain(`${actions(plan?.actions.length ?? 0)} in ${plan?.grids.length} grids`);
    for (const grid of plan?.grids ?? []) {
      const count = plan?.actions.filter((a) => a.grid === grid.number).length;
      expect(run.stdout).toContain(`grid ${grid.number}: ${actions(count ?? 0)} - ${grid.title}`);
    }
    const dated = plan?.actions.filter((a) => a.due.kind === 'date').length;
    expect(run.stdout).toMatch(new RegExp(`by when: date ${dated}, dates \\d+, recurring \\d+, ongoing \\d+, as-required \\d+, none \\d+, unparsed \\d+`));
    expect(run.stdout).toMatch(/roles: [1-9]\d*\n/);
    expect(run.stdout).toContain(`warnings: ${plan?.warnings.length}`);
    for (const warning of plan?.warnings ?? []) expect(run.stdout).toContain(`  line ${warning.line}: ${warning.message}`);
  });

  it('prints JSON with exactly the agreed keys, in order, for every seed', async () => {
    const plans = await importJson(join(seeds, '000_8d414cf89c93b93b.txt'), join(seeds, '001_d1c48e8489243e3c.txt'),
      join(seeds, '002_435ae65e161c75e5.txt'), join(seeds, '003_f94f6abc3f8761ff.txt'), peterborough);
    expect(plans).toHaveLength(5);
    for (const plan of plans) {
      expect(Object.keys(plan)).toEqual(['partnership', 'period', 'grids', 'actions', 'warnings']);
      expect(Object.keys(plan.period)).toEqual(['start', 'end']);
      for (const grid of plan.grids) expect(Object.keys(grid)).toEqual(['number', 'title']);
      expect(plan.actions.length).toBeGreaterThan(0);
      for (const action of plan.actions) {
        expect(Object.keys(action)).toEqual(['id', 'ref', 'grid', 'objective', 'text', 'byWhenRaw', 'ownersRaw', 'owners', 'due', 'source']);
        expect(Object.keys(action.source)).toEqual(['line']);
      }
      for (const warning of plan.warnings) expect(Object.keys(warning)).toEqual(['line', 'message']);
    }
    expect(plans.map((p) => p.partnership)).toContain('Safer Peterborough Partnership');
  });

  it('--rebase 2026-04-01 moves the 2008/09 plan and its deadlines forward by whole years', async () => {
    const [before] = await importJson(isleOfWight);
    const [after] = await importJson(isleOfWight, '--rebase', '2026-04-01');
    expect(after?.period.start).toBe('2026-04-01');
    const years = 2026 - Number(before?.period.start.slice(0, 4));
    expect(after?.period.end).toBe(`${Number(before?.period.end.slice(0, 4)) + years}${before?.period.end.slice(4)}`);
    const movedDates = (before?.actions ?? []).flatMap((action, i) => {
      const rebased = after?.actions[i];
      if (action.due.kind !== 'date' || rebased?.due.kind !== 'date') return [];
      return [[action.due.date ?? '', rebased.due.date ?? '']];
    });
    expect(movedDates.length).toBeGreaterThan(0);
    for (const [from, to] of movedDates) {
      expect(Number(to?.slice(0, 4)) - Number(from?.slice(0, 4))).toBe(years);
      if (!from?.endsWith('-02-29')) expect(to?.slice(4)).toBe(from?.slice(4));
    }
  });

  it('refuses a --rebase that is not a real date, with a usage error', async () => {
    for (const bad of ['2026-13-01', '2026-02-30', '1 April 2026']) {
      const run = await actionbot('import', isleOfWight, '--rebase', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--rebase needs a real date written YYYY-MM-DD (got "${bad}")`);
      expect(run.stdout).toBe('');
    }
  });

  describe('with bad files among good ones', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'actionbot-cli-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('imports the good plan, names each bad file with its reason on one line, and exits 1', async () => {
      const empty = join(dir, 'empty.txt');
      const binary = join(dir, 'scan.pdf');
      const noGrid = join(dir, 'minutes.txt');
      const folder = join(dir, 'plans');
      const missing = join(dir, 'missing.txt');
      await writeFile(empty, '');
      await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 0x9c, 0xff, 0]));
      await writeFile(noGrid, 'Minutes of the partnership board, 3 March.\nApologies: none.\n');
      await mkdir(folder);
      const run = await actionbot('import', empty, binary, isleOfWight, noGrid, folder, missing, '--json');
      expect(run.code).toBe(1);
      const plans = (JSON.parse(run.stdout) as { plans: JsonPlan[] }).plans;
      expect(plans.map((p) => p.partnership)).toEqual(['Isle of Wight DAT']);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toBe(`actionbot: ${empty}: file is empty`);
      expect(lines[1]).toMatch(new RegExp(`^actionbot: ${binary}: damaged PDF`));
      expect(lines[2]).toMatch(new RegExp(`^actionbot: ${noGrid}: .*grid`, 'i'));
      expect(lines[3]).toMatch(new RegExp(`^actionbot: ${folder}: .*directory`));
      expect(lines[4]).toBe(`actionbot: ${missing}: no such file`);
    });

    it('refuses a README whose Markdown tables are not a plan, in one line', async () => {
      const readme = join(dir, 'README.md');
      await writeFile(readme, '# actionbot\n\n| Command | What it does |\n|---|---|\n| help | lists the commands |\n| done 1.1 | marks an action done |\n');
      const run = await actionbot('import', readme);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`actionbot: ${readme}: no planning grid or delivery-plan table found\n`);
    });

    it('says the same in text mode and still summarises the good plan', async () => {
      const missing = join(dir, 'also-missing.txt');
      const run = await actionbot('import', missing, isleOfWight);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`actionbot: ${missing}: no such file\n`);
      expect(run.stdout).toContain('partnership: Isle of Wight DAT');
    });
  });

  it('lists its commands for "help" and refuses an unknown one with exit code 2', async () => {
    const help = await actionbot('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}import +import planning-grid documents/m);
    expect(help.stdout).toMatch(/^ {2}remind +run the reminder sweep/m);
    const unknown = await actionbot('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const noFiles = await actionbot('import');
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toContain('no plan files given');
  });
});
