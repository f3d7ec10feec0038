// `actionbot import` on hostile and oversized files, run as the real command in a child process: each
// file gets one line naming it and the limit, the command exits 1, and a good plan beside them still imports.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hostile from '../support/hostileFiles.ts';

const root = join(import.meta.dirname, '../..');
let dir = '';

interface Run { code: number; stdout: string; stderr: string }

function actionbot(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['bin/actionbot.js', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const files: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
  ['span.docx', hostile.spanBombDocx, 'a table cell spans 300000000 columns; the most a plan may have is 64'],
  ['rows.csv', () => hostile.repeatedCsv(16_000), 'the document has more than 5,000 table rows; the most a plan may have is 5,000 rows'],
  ['huge.xlsx', () => hostile.hugeSheetXlsx(400_000), 'the document has more than 5,000 table rows; the most a plan may have is 5,000 rows'],
  ['bomb.docx', () => hostile.lyingZipBombDocx(100), 'its part word/document.xml unzips to more than 32 MB; the most a plan may have is 32 MB per part'],
  ['shapes.pdf', () => hostile.shapesPdf(8, 12_000), 'drawing operations; the most a plan may have is 10,000 per page'],
  ['nested.html', () => hostile.nestedHtml(100_000), 'its HTML has elements nested more than 256 deep; the most a plan may have is 256 levels'],
  ['big.txt', () => new Uint8Array(11 * 1024 * 1024).fill(0x61), 'the file is 11 MB; the most a plan may have is 10 MB'],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actionbot-hostile-'));
  for (const [name, make] of files) await writeFile(join(dir, name), await make());
  await writeFile(join(dir, 'good.csv'), hostile.repeatedCsv(900, true));
}, 60_000);
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('actionbot import of hostile files', () => {
  it('names each file and its limit on one line, exits 1, and still imports the good plan', async () => {
    const run = await actionbot('import', ...files.map(([name]) => join(dir, name)), join(dir, 'good.csv'));
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    files.forEach(([name, , reason], i) => {
      expect(lines[i]?.startsWith(`actionbot: ${join(dir, name)}: `), lines[i]).toBe(true);
      expect(lines[i]).toContain(reason);
    });
    expect(run.stdout).toContain('900 actions in 1 grid');
  }, 120_000);

  it('a span bomb alone: exit code 1 and the one line', async () => {
    const run = await actionbot('import', join(dir, 'span.docx'));
    expect(run).toEqual({ code: 1, stdout: '', stderr: `actionbot: ${join(dir, 'span.docx')}: a table cell spans 300000000 columns; the most a plan may have is 64\n` });
  }, 60_000);
});
