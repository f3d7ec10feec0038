// Issue 18: axe-core (the accessibility engine behind Lighthouse and Accessibility Insights) in headless
// chromium on the dashboard and the local chat, at Teams' desktop width and at 375 px: no serious or
// critical violation; moderate and minor ones are printed. The pages send `script-src 'self'`, so the
// test's context bypasses the page's CSP to add axe's script (the page's own scripts are unchanged).
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jane, startChatDemo, type ChatDemo } from '../localChat/fixture.ts';
import { freshPage, launchChromium, screenshot } from './chromium.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTHS = [1280, 375] as const;
const slow = { timeout: 60_000 };
// Mon 19 May 2025: the sweep brings Jane her message with an escalation and its buttons.
const ESCALATION_DAY = '2025-05-19';

let demo: ChatDemo;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startChatDemo('browseraxe'), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

interface Found { id: string; impact: string | null; help: string; nodes: string[] }

/** Runs axe on the page as it stands; the rules of WCAG 2.1 A and AA and axe's best practices. */
async function axe(page: Page, what: string): Promise<Found[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  const lesser = found.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (lesser.length) process.stdout.write(`axe, ${what}: ${lesser.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(' ')}`).join('; ')}\n`);
  else process.stdout.write(`axe, ${what}: no moderate or minor findings\n`);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const open = (width: number) => freshPage(browser, { viewport: { width, height: 900 }, bypassCSP: true });

describe('axe-core finds no serious or critical violation', () => {
  it('on the dashboard, at desktop width and 375 px', async () => {
    for (const width of WIDTHS) {
      const page = await open(width);
      await page.goto(`${demo.chat.url}/dashboard?as=${jane.id}`);
      await page.locator('body[data-ready=yes]').waitFor(slow);
      // An action opened, with its history and the commissioner's buttons, is part of the page too.
      const action = page.locator('section[data-plan="testshire-2025"] details[data-action="act-2-2"]');
      await action.locator('summary').click();
      await action.locator('.history', { hasText: /No answers yet|·/ }).waitFor(slow);
      expect(await axe(page, `dashboard at ${width} px`), `dashboard at ${width} px`).toEqual([]);
      await screenshot(page, `a11y-dashboard-${width}`);
      await page.close();
    }
  }, 120_000);

  it('on the local chat with the commissioner’s message and an import preview, at desktop width and 375 px', async () => {
    for (const width of WIDTHS) {
      const page = await open(width);
      await page.goto(demo.chat.url);
      await page.locator('body[data-ready=yes]').waitFor(slow);
      await page.click(`button[data-person="${jane.id}"]`);
      await page.locator(`body[data-chatting="${jane.id}"]`).waitFor(slow);
      if (width === WIDTHS[0]) {
        await page.fill('#sweepDate', ESCALATION_DAY);
        await page.click('#sweepAt');
        await page.locator('.entry.bot .card', { hasText: 'Needs your attention' }).last().waitFor(slow);
        // A seed plan sent as a file: its import preview's warnings are in the cards' warning colour.
        await page.setInputFiles('#file', 'seeds/plans/001_d1c48e8489243e3c.txt');
      }
      await page.locator('.entry.bot .card', { hasText: 'Needs your attention' }).last().waitFor(slow);
      await page.locator('.entry.bot .card', { hasText: /Warnings \(\d+\)/ }).last().waitFor(slow);
      expect(await axe(page, `local chat at ${width} px`), `local chat at ${width} px`).toEqual([]);
      await screenshot(page, `a11y-local-chat-${width}`);
      await page.close();
    }
  }, 120_000);
});
