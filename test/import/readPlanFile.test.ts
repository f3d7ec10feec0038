// readPlanFile: a commissioner points the importer at whatever is in a folder; every bad file gets a reason.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/import/readPlanFile.ts';

const isleOfWight = join(import.meta.dirname, '../../seeds/plans/000_8d414cf89c93b93b.txt');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actionbot-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function reasonFor(path: string): Promise<string> {
  const result = await readPlanFile(path);
  if (result.ok) throw new Error(`${path} imported, but should have been refused`);
  expect(result.file).toBe(path);
  return result.reason;
}

describe('readPlanFile', () => {
  it('imports the Isle of Wight plan from disk', async () => {
    const result = await readPlanFile(isleOfWight);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.partnership).toBe('Isle of Wight DAT');
      expect(result.plan.actions.length).toBeGreaterThan(0);
    }
  });

  it('still imports a plan with a few stray bytes, as PDFs extracts have', async () => {
    const text = await readFile(isleOfWight, 'utf8');
    const damaged = await file('damaged.txt', `\u0007${text.slice(0, 500)}\u0002\u00ff${text.slice(500)}`);
    const result = await readPlanFile(damaged);
    expect(result.ok).toBe(true);
  });

  it('refuses a missing file, saying there is no such file', async () => {
    expect(await reasonFor(join(dir, 'not-there.txt'))).toBe('no such file');
  });

  it('refuses a directory, saying it is one', async () => {
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    expect(await reasonFor(folder)).toMatch(/directory/);
  });

  it('refuses an empty file and a file of blank lines', async () => {
    expect(await reasonFor(await file('empty.txt', ''))).toBe('file is empty');
    expect(await reasonFor(await file('blank.txt', '\n  \n\t\n'))).toBe('file is empty');
  });

  it('refuses a binary file with NUL bytes', async () => {
    const binary = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0, 1, 2, 0, 255, 254, 0])]);
    expect(await reasonFor(await file('plan.txt', binary))).toMatch(/binary/);
  });

  it('calls a PDF cut short a damaged PDF', async () => {
    const cut = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 0, 255, 254, 0])]);
    expect(await reasonFor(await file('plan.pdf', cut))).toMatch(/^damaged PDF/);
  });

  it('refuses a file that is mostly not text even without NUL bytes', async () => {
    const bytes = Buffer.alloc(400, 0);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = i % 2 === 0 ? 0xff : 0x03;
    expect(await reasonFor(await file('noise.bin', bytes))).toMatch(/binary/);
  });

  it('refuses a text file with no planning grid, and says so', async () => {
    const letter = 'Dear colleague,\n\nPlease find the minutes of the last partnership board attached.\n';
    const reason = await reasonFor(await file('letter.txt', letter));
    expect(reason).toMatch(/grid/i);
    expect(reason).not.toContain('letter.txt');
  });
});
