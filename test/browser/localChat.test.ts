// In headless chromium: a person is reminded, answers on the card, the commissioner asks what's
// overdue, and the dashboard moves. Text from plans and people shows as text, never as markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { jane, monday, robin, sam, scriptText, startChatDemo, type ChatDemo } from '../localChat/fixture.ts';
import { freshPage, launchChromium, screenshot } from './chromium.ts';

let demo: ChatDemo;
let browser: Browser;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const slow = { timeout: 60_000 };

beforeAll(async () => {
  [demo, browser] = await Promise.all([startChatDemo('browserchat'), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A page of its own at `path` on the local chat, once the page says it is ready; dialogs and errors are kept. */
async function openPage(path = ''): Promise<Page> {
  const page = await freshPage(browser);
  page.on('dialog', (dialog: Dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('pageerror', (error) => { pageErrors.push(error.message); });
  await page.goto(`${demo.chat.url}${path}`);
  await page.locator('body[data-ready=yes]').waitFor(slow);
  return page;
}

/** Plays a person: click them in the list and wait until the page says their chat is drawn. */
async function playAs(page: Page, person: { id: string; name: string }): Promise<void> {
  await page.click(`button[data-person="${person.id}"]`);
  await page.locator(`body[data-chatting="${person.id}"]`).waitFor(slow);
}

/** A fresh local chat page, playing `person`. */
async function chatAs(person: { id: string; name: string }): Promise<Page> {
  const page = await openPage();
  await playAs(page, person);
  return page;
}

/** The bot's message in the open chat whose card mentions `text` (the latest such). */
const botCard = (page: Page, text: string | RegExp) => page.locator('.entry.bot', { has: page.locator('.card', { hasText: text }) }).last();

/** The index of an action's line in Sam's digest of the day (its buttons are the n-th of their kind). */
async function lineOf(actionId: string): Promise<number> {
  const record = await demo.store.digests.get(`owner|${sam.id}|${monday}`);
  const n = record?.lines.findIndex((l) => l.actionId === actionId) ?? -1;
  if (n < 0) throw new Error(`no line for ${actionId} in Sam's digest`);
  return n;
}

describe('a person answers their digest in the local chat', () => {
  it('Sam receives one digest from the sweep control, clicks Done on a line, and the line shows who answered', async () => {
    const page = await chatAs(sam);
    await page.fill('#sweepDate', monday);
    await page.click('#sweepAt');
    // Sam's two reminders come as one digest; Robin's one as its single-action card.
    await expect.poll(() => page.locator('#sweepResult').innerText(), slow).toContain('2 sent');
    const digest = botCard(page, 'Agree the needs assessment');
    await digest.waitFor();
    expect(await digest.innerText()).toContain('treatment plan');
    await screenshot(page, 'chat-digest');

    await digest.getByRole('button', { name: 'Done' }).nth(await lineOf('act-1-1')).click();
    await expect.poll(() => digest.innerText(), slow).toContain('Done by Sam Patel');
    expect(await digest.getByRole('button', { name: 'Done' }).count()).toBe(1);
    expect((await demo.store.actions.get('testshire-2025', 'act-1-1'))?.progress.status).toBe('done');
    await screenshot(page, 'chat-answered');
    await page.close();
  }, 60_000);

  it('Sam reports the other line blocked with a reason, and Robin’s copy of that action changes in place', async () => {
    const page = await chatAs(sam);
    const digest = botCard(page, 'treatment plan');
    await digest.getByRole('button', { name: 'Blocked' }).first().click();
    await digest.locator('input:visible, textarea:visible').last().fill('no venue until July');
    await digest.getByRole('button', { name: /blocked/i }).last().click();
    await expect.poll(async () => (await demo.store.actions.get('testshire-2025', 'act-1-2'))?.progress.status, slow).toBe('blocked');
    expect((await demo.store.actions.get('testshire-2025', 'act-1-2'))?.progress.reason).toBe('no venue until July');

    await playAs(page, robin);
    const robinsCopy = botCard(page, 'treatment plan');
    await expect.poll(() => robinsCopy.innerText(), slow).toContain('Blocked');
    expect(await robinsCopy.innerText()).toContain('no venue until July');
    await screenshot(page, 'chat-blocked-copy');
    await page.close();
  }, 60_000);
});

describe('the commissioner', () => {
  it("types what's overdue? and sees the late action with how late it is", async () => {
    const page = await chatAs(jane);
    await page.fill('#text', "what's overdue?");
    await page.press('#text', 'Enter');
    // The list's title opens the card; the greeting's help only mentions "what's overdue?" further in.
    const list = botCard(page, /^Overdue/);
    await list.waitFor(slow);
    const text = await list.innerText();
    expect(text).toContain('Hold the annual review with providers');
    expect(text).toContain('33 days late');
    await screenshot(page, 'chat-overdue');
    await page.close();
  }, 60_000);

  it('sees the answers in the dashboard counts, and each action’s history on a click', async () => {
    const page = await openPage('/dashboard');
    const total = page.locator('section[data-plan="testshire-2025"] tr[data-grid="total"]');
    const count = (field: string) => total.locator(`td[data-count="${field}"]`).innerText();
    expect([await count('done'), await count('onTrack'), await count('dueSoon'), await count('overdue'), await count('blocked'), await count('total')])
      .toEqual(['1', '1', '0', '1', '1', '4']);
    const grid2 = page.locator('section[data-plan="testshire-2025"] tr[data-grid="2"]');
    expect(await grid2.locator('td[data-count="overdue"]').innerText()).toBe('1');
    expect(await page.locator('ol.overdue li').first().innerText()).toContain('Hold the annual review with providers');

    const blocked = page.locator('details[data-action="act-1-2"]');
    await blocked.locator('summary').click();
    await expect.poll(() => blocked.locator('.history').innerText(), slow).toContain('2 Jun 2025, 09:00 · Sam Patel (on a card): blocked');
    await screenshot(page, 'dashboard');
    await page.close();
  }, 60_000);
});

describe('text from plans and people', () => {
  it('shows as text in cards and on the dashboard, and never runs', async () => {
    const dashboard = await openPage('/dashboard');
    await dashboard.getByText(scriptText).first().waitFor(slow);
    expect(await dashboard.locator('details[data-action="act-1-2"] .text').innerText()).toBe(scriptText);
    expect(await dashboard.getByText(robin.name, { exact: false }).count()).toBeGreaterThan(0);
    expect(await dashboard.locator('img[src="x"]').count()).toBe(0);
    await dashboard.close();

    const page = await chatAs(robin);
    expect(await page.locator('nav').innerText()).toContain(robin.name);
    const card = botCard(page, 'treatment plan');
    expect(await card.innerText()).toContain(scriptText);
    expect(await page.locator('img[src="x"], .card script').count()).toBe(0);
    await screenshot(page, 'chat-escaped-text');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('a later day of the plan year', () => {
  it('the commissioner is reminded in September and delays the action from her one message with a date and a reason', async () => {
    const page = await chatAs(jane);
    await page.fill('#sweepDate', '2025-09-16');
    await page.click('#sweepAt');
    await expect.poll(() => page.locator('#today').innerText(), slow).toContain('Tue 16 Sep 2025');
    // Her own action and what needs her attention come as one message: what needs her first.
    const reminder = botCard(page, 'Review housing referrals');
    await reminder.waitFor(slow);
    expect(await reminder.innerText()).toContain('Your actions for Tue 16 Sep 2025');
    await reminder.getByRole('button', { name: 'Delayed' }).click();
    await reminder.getByRole('textbox', { name: 'New date' }).fill('2025-10-31');
    await reminder.getByLabel('Why?').fill('the provider moved the panel');
    await reminder.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => reminder.innerText(), slow).toContain('Delayed to Fri 31 Oct 2025');
    expect(await reminder.innerText()).toContain('the provider moved the panel');
    expect((await demo.store.actions.get('testshire-2025', 'act-2-1'))?.progress).toMatchObject({ status: 'delayed', dueDate: '2025-10-31' });
    await screenshot(page, 'chat-delayed');
    await page.close();
  }, 60_000);
});
