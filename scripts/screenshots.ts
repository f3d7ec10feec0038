// Screenshots of the pages at Teams' widths (desktop 1280 px and 375 px) into docs/screenshots/:
// the dashboard, a digest, the commissioner's message, the summary card and an import preview, all in
// the embedded demo (`npm start`'s world) driven in Debian's chromium. Run:
//   node --import tsx scripts/screenshots.ts [suffix]     (suffix: "before" or "after", the default)
// It starts its own bot, Azurite and local chat on free ports with a fresh data folder, and stops them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { launchChromium } from '../test/browser/chromium.ts';
import { freePort } from '../src/freePort.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's findings on the page as it stands, one line per rule broken: "serious color-contrast ×3". */
async function axeReport(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run;
    return (await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations.map((v) => `${v.impact} ${v.id} x${v.nodes.length} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => { const m = n as { target: unknown; any: { message: string }[] }; return [m.target, m.any[0]?.message.slice(0, 120)]; }))}`);
  });
  process.stdout.write(`axe, ${what}: ${found.length ? found.join(', ') : 'no violations'}\n`);
}

const suffix = process.argv[2] ?? 'after';
const OUT = 'docs/screenshots';
const WIDTHS = [1280, 375] as const;
const JANE = '6f1c2a10-0000-4000-8000-000000000001';
const SAM = '6f1c2a10-0000-4000-8000-000000000002';
const slow = { timeout: 120_000 };


/** Starts `npm start`'s process (one node, so stopping it stops the bot) and waits for the local chat's address. */
async function startDemo(): Promise<{ url: string; stop(): void }> {
  const data = mkdtempSync(path.join(tmpdir(), 'actionbot-shots-'));
  const env = { ...process.env, PORT: String(await freePort()), LOCAL_CHAT_PORT: String(await freePort()), AZURITE_PORT: String(await freePort()), DATA_DIR: data, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /Open (http:\/\/\S+?)\/ to chat/.exec(seen);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`the demo stopped (${code}) before it listened`)));
  });
  return { url, stop() { child.kill('SIGTERM'); child.on('exit', () => rmSync(data, { recursive: true, force: true })); } };
}

const fileOf = (name: string, width: number) => `${OUT}/${name}-${width === 375 ? '375' : 'desktop'}-${suffix}.png`;

/** The top of the page as Teams would show it (a full dashboard of five plans is tens of thousands of pixels). */
async function shot(page: Page, name: string, width: number): Promise<void> {
  await page.screenshot({ path: fileOf(name, width) });
  process.stdout.write(`${fileOf(name, width)}\n`);
}

/** One card, as the page shows it (clipped from the page, so any sideways cut shows too). */
async function cardShot(page: Page, card: Locator, name: string, width: number): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const box = await card.boundingBox();
  if (!box) throw new Error(`${name}: the card is not on the page`);
  await page.screenshot({ path: fileOf(name, width), clip: { x: 0, y: Math.max(0, box.y - 8), width, height: Math.min(box.height + 16, 3000) }, fullPage: true });
  process.stdout.write(`${fileOf(name, width)}\n`);
}

const demo = await startDemo();
const browser = await launchChromium();
mkdirSync(OUT, { recursive: true });
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 1200 }, bypassCSP: true });
    const dash = await context.newPage();
    await dash.goto(`${demo.url}/dashboard?as=${JANE}`);
    await dash.locator('body[data-ready=yes]').waitFor(slow);
    await shot(dash, 'dashboard', width);
    await axeReport(dash, `dashboard at ${width} px`);

    const chat = await context.newPage();
    await chat.goto(demo.url);
    await chat.locator('body[data-ready=yes]').waitFor(slow);
    if (width === WIDTHS[0]) {
      // One sweep on the next weekday (no reminders at weekends): Sam's digest and Jane's message.
      const today = await chat.inputValue('#sweepDate');
      const day = new Date(`${today}T12:00:00Z`);
      do day.setUTCDate(day.getUTCDate() + 1); while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
      await chat.fill('#sweepDate', day.toISOString().slice(0, 10));
      await chat.click('#sweepAt');
      await chat.locator('#sweepResult', { hasText: 'sent' }).waitFor(slow);
    }
    await chat.click(`button[data-person="${SAM}"]`);
    await chat.locator(`body[data-chatting="${SAM}"]`).waitFor(slow);
    const digest = chat.locator('.entry.bot .card', { hasText: 'Your actions for' }).last();
    await digest.waitFor(slow);
    await cardShot(chat, digest, 'digest', width);

    await chat.click(`button[data-person="${JANE}"]`);
    await chat.locator(`body[data-chatting="${JANE}"]`).waitFor(slow);
    const before = await chat.locator('.entry.bot').count();
    await chat.fill('#text', 'summary');
    await chat.press('#text', 'Enter');
    await chat.locator('.entry.bot').nth(before).waitFor(slow);
    const summary = chat.locator('.entry.bot .card').last();
    await cardShot(chat, summary, 'summary-card', width);

    const cards = await chat.locator('.entry.bot').count();
    await chat.setInputFiles('#file', 'seeds/plans/001_d1c48e8489243e3c.txt');
    await chat.locator('.entry.bot').nth(cards).waitFor(slow);
    await chat.locator('.entry.bot .card', { hasText: /import|plan/i }).last().waitFor(slow);
    const preview = chat.locator('.entry.bot .card').last();
    await cardShot(chat, preview, 'import-preview', width);
    await shot(chat, 'local-chat', width);
    await axeReport(chat, `local chat at ${width} px`);
    await context.close();
  }
} finally {
  await browser.close();
  demo.stop();
}
