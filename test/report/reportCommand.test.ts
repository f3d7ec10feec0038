// `npx actionbot report`: the board report from the command line, over the configured store.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { reportCommand } from '../../src/cli/reportCommand.ts';
import { loadConfig } from '../../src/config.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { testshirePlan } from '../localChat/fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'actionbot-report-'));
const saved = { ...process.env };

beforeAll(async () => {
  process.env.AZURE_TABLES_CONNECTION_STRING = inject('tablesConnectionString');
  process.env.TABLE_PREFIX = 'reportCli';
  process.env.LOG_LEVEL = 'silent';
  const store = await openTableStore(inject('tablesConnectionString'), 'reportCli');
  await storePlan({ store, clock: { now: () => new Date('2025-06-02T08:00:00Z') }, settings: loadConfig({}) }, testshirePlan());
});
afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('actionbot report', () => {
  it('writes the Word report of a plan named by a word of its partnership, for the quarter asked', async () => {
    const out = join(dir, 'board.docx');
    expect(await reportCommand.run(['--plan', 'testshire', '--quarter', '2025-Q1', '--out', out, '--as-of', '2025-07-10'])).toBe(0);
    const xml = await (await JSZip.loadAsync(await readFile(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Testshire Partnership: quarterly progress report');
    expect(xml).toContain('Q1 2025/26 (Apr-Jun 2025)');
  });

  it('writes a PDF by default, named after the plan and the last quarter ended', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await reportCommand.run(['--plan', 'testshire-2025', '--as-of', '2025-10-02'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect((await readFile(join(dir, 'Testshire Partnership Q2 2025-26.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says what is wrong with a bad format, quarter or plan', async () => {
    expect(await reportCommand.run(['--plan', 'testshire', '--format', 'xlsx'])).toBe(2);
    expect(await reportCommand.run(['--plan', 'testshire', '--quarter', '2025-Q7'])).toBe(2);
    expect(await reportCommand.run(['--quarter', '2025-Q1'])).toBe(2);
    expect(await reportCommand.run(['--plan', 'nowhere', '--out', join(dir, 'x.pdf')])).toBe(1);
  });
});
