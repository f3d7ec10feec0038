// In headless chromium: the commissioner drops a plan's Word file on the local chat, sees the preview,
// imports it and asks what is overdue; a file over 10 MB is refused before it leaves the page; the
// board report comes as a file consent card, and Allow ends in a download of a real Word file.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jane, startChatDemo, type ChatDemo } from '../localChat/fixture.ts';
import { armFileChooser, freshPage, launchChromium, screenshot } from './chromium.ts';

const docxName = 'Isle of Wight plan.docx';
const docx = readFileSync(join(import.meta.dirname, '../fixtures/office/000_8d414cf89c93b93b.docx'));
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let demo: ChatDemo;
let browser: Browser;
const slow = { timeout: 60_000 };

beforeAll(async () => {
  [demo, browser] = await Promise.all([startChatDemo('browserchatfiles'), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A page of its own, as Jane, once her chat is drawn and its controls work; page errors are kept. */
async function janesPage(): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await freshPage(browser, { acceptDownloads: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => { pageErrors.push(error.message); });
  await page.goto(demo.chat.url);
  await page.locator('body[data-ready=yes]').waitFor(slow);
  await page.click(`button[data-person="${jane.id}"]`);
  await page.locator(`body[data-chatting="${jane.id}"]`).waitFor(slow);
  return { page, pageErrors };
}

/** The bot's latest message whose card or file mentions `text`. */
const botEntry = (page: Page, text: string | RegExp) => page.locator('.entry.bot', { has: page.locator('.card, .file', { hasText: text }) }).last();

/** Drops a file on the conversation as a person dragging it from their desktop would. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(({ name, base64, type }) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], name, { type }));
    return dt;
  }, { name, base64: bytes.toString('base64'), type });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

describe('a plan file dropped on the local chat', () => {
  it('shows the preview card; Import stores the plan; "what\'s overdue?" answers from it', async () => {
    const { page } = await janesPage();
    await dropFile(page, docxName, docx, DOCX_TYPE);
    await page.locator('.entry.person .file', { hasText: docxName }).waitFor(slow);
    const preview = botEntry(page, 'Isle of Wight DAT');
    await preview.waitFor(slow);
    expect(await preview.innerText()).toContain('69 actions in 4 grids');
    await screenshot(page, 'chat-file-preview');

    await preview.getByRole('button', { name: 'Import' }).click();
    // The preview is replaced in place by what Import did.
    await botEntry(page, 'Plan imported').waitFor(slow);
    expect((await demo.store.plans.listPlans()).map((p) => p.partnership)).toContain('Isle of Wight DAT');

    await page.fill('#text', "what's overdue?");
    await page.press('#text', 'Enter');
    const list = botEntry(page, /^Overdue/);
    await list.waitFor(slow);
    expect(await list.innerText()).toMatch(/IW-\d/);
    await screenshot(page, 'chat-file-imported-overdue');
    await page.close();
  }, 90_000);

  it('the picker opens from the keyboard, and a file over 10 MB is refused on the page with the limit', async () => {
    const { page, pageErrors } = await janesPage();
    const nextChooser = await armFileChooser(page);
    const before = await page.locator('.entry').count();
    await page.focus('#attach');
    await page.locator('#attach:focus').waitFor(slow);
    // Enter clicks a button on key down, so the picker opens while the key press still counts as the person's.
    const [chooser] = await Promise.all([nextChooser(), page.keyboard.press('Enter')]);
    await chooser.setFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await page.locator('.entry.notice', { hasText: 'huge.pdf is 10.0 MB: files are limited to 10 MB. Not sent.' }).waitFor(slow);
    expect(await page.locator('.entry').count()).toBe(before + 1);
    expect(await page.getByText('up to 10 MB', { exact: false }).count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the board report asked for in the local chat', () => {
  it('shows the file consent card; Allow uploads it and the file card downloads a real .docx', async () => {
    const { page, pageErrors } = await janesPage();
    await page.fill('#text', 'board report for Testshire as Word');
    await page.press('#text', 'Enter');
    const offer = botEntry(page, 'wants to send you a file');
    await offer.waitFor(slow);
    expect(await offer.innerText()).toContain('Testshire Partnership');
    await screenshot(page, 'chat-file-consent');

    await offer.getByRole('button', { name: /^Allow/ }).click();
    await expect.poll(() => offer.innerText(), slow).toContain('You allowed it');
    const link = page.locator('.entry.bot .file.info a.download').last();
    await link.waitFor(slow);
    expect(await link.innerText()).toMatch(/^Download .+\.docx$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    await screenshot(page, 'chat-file-delivered');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
