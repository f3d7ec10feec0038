// Issue 18 in headless chromium: the dashboard's filters narrow every table (the RAG table too) in
// step with its lists; at Teams' narrow width (375 px) the page never scrolls sideways, and each table
// that does is a labelled region Tab reaches and the arrow keys scroll; the buttons of the
// commissioner's message show their whole titles at 375 px. Waits on what the pages show, never on time.
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
  [demo, browser] = await Promise.all([startChatDemo('browserpages'), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function dashboard(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${demo.chat.url}/dashboard?as=${jane.id}`);
  await page.locator('body[data-ready=yes]').waitFor(slow);
  return page;
}

/** What the plan's section shows: the RAG table's rows and total, and how long each list is. */
async function shown(page: Page) {
  return page.locator('section[data-plan="testshire-2025"]').evaluate((section) => {
    const cell = (row: Element | null, field: string) => Number(row?.querySelector(`td[data-count="${field}"]`)?.textContent ?? NaN);
    const total = section.querySelector('tr[data-grid="total"]');
    const chips = (row: Element | null) => ['red', 'amber', 'green'].map((c) => Number(row?.querySelector(`[data-rag=${c}]`)?.textContent ?? NaN));
    return {
      grids: [...section.querySelectorAll('table.counts tbody tr:not([data-grid="total"])')].map((r) => r.getAttribute('data-grid')),
      total: cell(total, 'total'),
      overdue: cell(total, 'overdue'),
      rag: chips(total),
      caption: section.querySelector('table.counts caption')?.textContent ?? '',
      actions: section.querySelectorAll('.actions details').length,
      overdueListed: section.querySelectorAll('ol.overdue li').length,
    };
  });
}

/** Chooses a filter's value and waits for the page to redraw with it. */
async function choose(page: Page, select: string, value: string): Promise<void> {
  await page.selectOption(select, value);
  await page.locator('body[data-ready=yes]').waitFor(slow);
}

describe('the dashboard’s filters', () => {
  it('narrow the RAG table in step with the overdue list and the actions listed', async () => {
    const page = await dashboard(1280);
    // On Mon 2 Jun 2025: 1.1 due soon, 1.2 and 2.2 overdue, 2.1 on track.
    expect(await shown(page)).toMatchObject({ grids: ['1', '2'], total: 4, overdue: 2, rag: [2, 1, 1], actions: 4, overdueListed: 2, caption: 'Counts for the whole plan: 4 actions' });

    await choose(page, '#fGrid', '2');
    expect(await shown(page)).toMatchObject({ grids: ['2'], total: 2, overdue: 1, rag: [1, 0, 1], actions: 2, overdueListed: 1, caption: "Counts for the filters chosen: 2 of the plan's 4 actions" });

    await choose(page, '#fStatus', 'overdue');
    expect(await shown(page)).toMatchObject({ grids: ['2'], total: 1, overdue: 1, rag: [1, 0, 0], actions: 1, overdueListed: 1 });

    await choose(page, '#fGrid', '');
    await choose(page, '#fStatus', 'on track');
    expect(await shown(page)).toMatchObject({ grids: ['1', '2'], total: 1, overdue: 0, rag: [0, 0, 1], actions: 1, overdueListed: 0 });

    // The owner filter: SMO holds 1.2 and 2.2, both overdue.
    await choose(page, '#fStatus', '');
    await choose(page, '#fOwner', 'SMO');
    expect(await shown(page)).toMatchObject({ total: 2, overdue: 2, rag: [2, 0, 0], actions: 2, overdueListed: 2 });
    await screenshot(page, 'pages-filtered');
    await page.close();
  }, 90_000);
});

describe('at Teams’ narrow width (375 px)', () => {
  it('the dashboard does not scroll sideways; each table that does is a labelled region Tab reaches and arrows scroll', async () => {
    const page = await dashboard(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Every box wider inside than out is a region with a name that Tab can reach.
    const scrolled = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
      .map((e) => ({ role: e.getAttribute('role'), label: e.getAttribute('aria-label'), tabindex: e.getAttribute('tabindex') })));
    expect(scrolled.length).toBeGreaterThan(0);
    for (const region of scrolled) expect(region).toMatchObject({ role: 'region', tabindex: '0', label: expect.stringMatching(/RAG and counts/) });

    const region = page.locator('section[data-plan="testshire-2025"] .scroll[role=region]');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await region.evaluate((e) => document.activeElement === e);
    }
    expect(reached).toBe(true);
    expect(await region.evaluate((e) => e.scrollLeft)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((e) => e.scrollLeft), { timeout: 10_000 }).toBeGreaterThan(0);
    // Held down, the arrow reaches the table's last column.
    const atEnd = () => region.evaluate((e) => e.scrollLeft + e.clientWidth >= e.scrollWidth - 1);
    for (let i = 0; i < 60 && !(await atEnd()); i++) await page.keyboard.press('ArrowRight');
    await expect.poll(atEnd, { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'pages-dashboard-375');
    await page.close();
  }, 60_000);

  it("the commissioner's message shows each button's whole title", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(demo.chat.url);
    await page.locator('body[data-ready=yes]').waitFor(slow);
    await page.click(`button[data-person="${jane.id}"]`);
    await page.locator(`body[data-chatting="${jane.id}"]`).waitFor(slow);
    await page.fill('#sweepDate', ESCALATION_DAY);
    await page.click('#sweepAt');
    const message = page.locator('.entry.bot', { has: page.locator('.card', { hasText: 'Needs your attention' }) }).last();
    await message.waitFor(slow);
    for (const name of ['Chase', 'Reassign', 'Accept the delay', 'Close']) await expect.poll(() => message.getByRole('button', { name }).count(), slow).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const buttons = await message.locator('.card').last().evaluate((card) => {
      const edge = card.getBoundingClientRect();
      return [...card.querySelectorAll<HTMLElement>('button')].map((b) => {
        const title = b.querySelector<HTMLElement>('div') ?? b;
        const box = b.getBoundingClientRect();
        return { title: b.textContent ?? '', cut: title.scrollWidth > title.clientWidth + 1, inside: box.left >= edge.left - 1 && box.right <= edge.right + 1 };
      });
    });
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    for (const b of buttons) expect(b, b.title).toMatchObject({ cut: false, inside: true });
    await screenshot(page, 'pages-commissioner-375');
    await page.close();
  }, 90_000);

  it('the summary card shows every column heading whole and each grid\'s name on its own line', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(demo.chat.url);
    await page.locator('body[data-ready=yes]').waitFor(slow);
    await page.click(`button[data-person="${jane.id}"]`);
    await page.locator(`body[data-chatting="${jane.id}"]`).waitFor(slow);
    await page.fill('#text', 'summary');
    await page.press('#text', 'Enter');
    const card = page.locator('.entry.bot .card', { hasText: 'No date' }).last();
    await card.waitFor(slow);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const cells = await card.evaluate((root) => {
      const edge = root.getBoundingClientRect();
      return [...root.querySelectorAll<HTMLElement>('.ac-textBlock')].filter((t) => (t.textContent ?? '').trim() !== '').map((t) => {
        const box = t.getBoundingClientRect();
        // A word broken across lines ("Overd / ue") has more line boxes than words.
        const range = document.createRange();
        range.selectNodeContents(t);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        const words = (t.textContent ?? '').trim().split(/\s+/).length;
        return { text: t.textContent ?? '', cut: t.scrollWidth > t.clientWidth + 1, inside: box.left >= edge.left - 1 && box.right <= edge.right + 1, brokenWord: lines > words, width: box.width };
      });
    });
    for (const heading of ['Done', 'On track', 'Due soon', 'Overdue', 'Blocked', 'No date']) expect(cells.some((c) => c.text === heading), heading).toBe(true);
    for (const c of cells) expect(c, c.text).toMatchObject({ cut: false, inside: true, brokenWord: false });
    // Each grid's name has the card's width to itself, not a sliver beside six number columns.
    const grids = cells.filter((c) => /^Grid \d/.test(c.text));
    expect(grids.length).toBeGreaterThan(0);
    for (const g of grids) expect(g.width, g.text).toBeGreaterThan(250);
    await screenshot(page, 'pages-summary-375');
    await page.close();
  }, 90_000);
});
