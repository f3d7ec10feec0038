// Issue 18 in headless chromium: the commissioner's message of a sweep leads with "Needs your attention"
// (the escalation and its buttons) at Teams' desktop width and at 375 px; showing it sends a read
// receipt; the bot's day is in UK form. Waits on what the page shows, never on time. Screenshots go to
// test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jane, startChatDemo, type ChatDemo } from '../localChat/fixture.ts';
import { launchChromium, screenshot } from './chromium.ts';

let demo: ChatDemo;
let browser: Browser;
const slow = { timeout: 60_000 };
// Mon 19 May 2025: 1.2 (due Mon 5 May) is fourteen days late, so it escalates to Jane that morning.
const ESCALATION_DAY = '2025-05-19';

beforeAll(async () => {
  [demo, browser] = await Promise.all([startChatDemo('browsercommissioner'), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function openAs(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(demo.chat.url);
  await page.locator('body[data-ready=yes]').waitFor();
  await page.click(`button[data-person="${jane.id}"]`);
  await page.getByText(`You are ${jane.name}.`, { exact: false }).waitFor();
  return page;
}

describe("the commissioner's message in the local chat", () => {
  it('opens with Needs your attention, the late action and its buttons, at desktop width and at 375 px', async () => {
    const page = await openAs(1280);
    await page.fill('#sweepDate', ESCALATION_DAY);
    await page.click('#sweepAt');
    const message = page.locator('.entry.bot', { has: page.locator('.card', { hasText: 'Needs your attention' }) }).last();
    await message.waitFor(slow);
    const text = await message.locator('.card').last().innerText();
    // Nothing of hers comes before what needs her.
    expect(text.trimStart().startsWith('Needs your attention')).toBe(true);
    expect(text).toContain('treatment plan');
    for (const name of ['Chase', 'Reassign', 'Accept the delay', 'Close']) await expect.poll(() => message.getByRole('button', { name }).count(), slow).toBeGreaterThan(0);
    await screenshot(page, 'commissioner-message-desktop');
    // Shown is read: the page sends Teams' read receipt, so "seen" can be shown in the demo.
    await expect.poll(async () => (await demo.store.digests.get(`escalation|${jane.id}|${ESCALATION_DAY}`))?.seenAt ?? null, slow).not.toBeNull();
    // The page redraws its header from the bot's state after the sweep: wait for it, not for time.
    await expect.poll(() => page.locator('#today').innerText(), slow).toBe("Bot's today: Mon 19 May 2025");

    const narrow = await openAs(375);
    const small = narrow.locator('.entry.bot', { has: narrow.locator('.card', { hasText: 'Needs your attention' }) }).last();
    await small.waitFor(slow);
    expect((await small.locator('.card').last().innerText()).trimStart().startsWith('Needs your attention')).toBe(true);
    await screenshot(narrow, 'commissioner-message-375');
    await Promise.all([page.close(), narrow.close()]);
  }, 120_000);
});
