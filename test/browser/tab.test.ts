// The dashboard as a Teams tab in headless chromium. Teams is played by a stand-in for its client
// library (served in place of teams.js) that gives the page a test token signed by a local key server
// and a theme; the bot checks the token as it would Entra's. Screenshots at 320 px and full width, in
// light and dark, go to test-artifacts/. The chase runs in local mode, where sends reach the local chat.
import { SignJWT, type CryptoKey } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startFaultBot, type FaultBot } from '../support/faultBot.ts';
import { startKeyServer, type KeyServer } from '../support/keyServer.ts';
import { testTenantId } from '../support/teamsActivity.ts';
import { jane, robin, startChatDemo, testshirePlan, type ChatDemo } from '../localChat/fixture.ts';
import { personalConversationId } from '../../src/localChat/teamsActivity.ts';
import { launchChromium, screenshot } from './chromium.ts';

const appId = '00000000-0000-4000-8000-0000000007ac';
const commissioner = { aadObjectId: jane.id, name: jane.name };
const slow = { timeout: 30_000 };

let keys: KeyServer;
let signing: CryptoKey;
let bot: FaultBot;
let demo: ChatDemo;
let browser: Browser;

beforeAll(async () => {
  keys = await startKeyServer({ kid: 'entra-key', use: 'sig', alg: 'RS256' });
  signing = keys.signing;
  const store = await openTableStore(inject('tablesConnectionString'), 'browserTab');
  [bot, demo, browser] = await Promise.all([
    startFaultBot(store, '2025-06-02T08:00:00Z', {
      MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-offline', AZURE_TABLES_CONNECTION_STRING: inject('tablesConnectionString'), ALLOWED_TENANTS: testTenantId,
      TAB_SIGNING_KEYS_URL: keys.keysUrl, TAB_APP_ID_URI: `api://127.0.0.1/botid-${appId}`,
    }),
    startChatDemo('browserTabLocal'),
    launchChromium(),
  ]);
  await storePlan(bot.runtime.services, testshirePlan(), testTenantId);
  await bot.meet(commissioner, 'Commissioner');
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([bot?.close(), demo?.close()]);
  await keys?.close();
});

async function token(): Promise<string> {
  // azp: Teams on the web, the client app Teams signs the tab in with.
  return new SignJWT({ tid: testTenantId, oid: commissioner.aadObjectId, name: commissioner.name, scp: 'access_as_user', ver: '2.0', azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' })
    .setProtectedHeader({ alg: 'RS256', kid: 'entra-key', typ: 'JWT' })
    .setIssuer(`https://login.microsoftonline.com/${testTenantId}/v2.0`)
    .setAudience(`api://127.0.0.1/botid-${appId}`)
    .setIssuedAt().setExpirationTime('1h')
    .sign(signing);
}

/** What the page gets instead of teams.js: Teams' answers, from the test. */
function teamsStandIn(authToken: string, theme: string): string {
  return `window.microsoftTeams = {
    app: { initialize: async () => {}, notifySuccess: () => {}, getContext: async () => ({ app: { theme: ${JSON.stringify(theme)} } }),
      registerOnThemeChangeHandler: (handler) => { window.__teamsTheme = handler; } },
    authentication: { getAuthToken: async () => ${JSON.stringify(authToken)} },
  };`;
}

/** Opens the tab as Teams would, at a width and theme, with this token. */
async function openTab(width: number, theme: string, authToken: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route('**/dashboard/vendor/teams.js', (route) => route.fulfill({ contentType: 'text/javascript', body: teamsStandIn(authToken, theme) }));
  await page.goto(`${bot.runtime.server.url}/dashboard?inTeams=1`);
  await page.locator('body[data-ready=yes], body[data-ready=error]').waitFor(slow);
  return page;
}

const plan = (page: Page) => page.locator('section[data-plan="testshire-2025"]');

describe('the tab in Teams, signed in with a token', () => {
  it('shows the commissioner’s plans, RAG per grid and the plan year chart, at full width and 320 px, light and dark', async () => {
    const t = await token();
    for (const [width, theme] of [[1280, 'default'], [1280, 'dark'], [320, 'default'], [320, 'dark']] as const) {
      const page = await openTab(width, theme, t);
      expect(await page.locator('#viewer').innerText()).toContain('Jane Smith');
      expect(await page.evaluate(() => document.body.dataset.theme)).toBe(theme === 'dark' ? 'dark' : 'light');
      const total = plan(page).locator('tr[data-grid="total"]');
      expect(await total.locator('[data-rag=red]').innerText()).toBe('2');
      expect(await total.locator('[data-rag=amber]').innerText()).toBe('1');
      expect(await total.locator('[data-rag=green]').innerText()).toBe('1');
      const bars = await page.evaluate(() => {
        const canvas = document.querySelector('section[data-plan="testshire-2025"] canvas');
        const chart = (window as unknown as { Chart: { getChart(c: Element | null): { data: { labels: string[]; datasets: { label: string; data: number[] }[] } } | undefined } }).Chart.getChart(canvas);
        return chart ? { labels: chart.data.labels.length, overdue: chart.data.datasets.find((d) => d.label === 'Overdue')?.data.reduce((a, b) => a + b, 0) } : null;
      });
      expect(bars).toEqual({ labels: 12, overdue: 2 });
      // Nothing wider than the tab: no sideways scrolling of the whole page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `tab-${width}-${theme === 'dark' ? 'dark' : 'light'}`);
      await page.close();
    }
  }, 120_000);

  it('filters by grid and status, and opens an action’s history', async () => {
    const page = await openTab(1280, 'default', await token());
    await page.selectOption('#fGrid', '2');
    await page.locator('body[data-ready=yes]').waitFor(slow);
    expect(await plan(page).locator('.actions details').count()).toBe(2);
    await page.selectOption('#fStatus', 'overdue');
    await expect.poll(() => plan(page).locator('.actions details').count(), slow).toBe(1);
    const late = plan(page).locator('details[data-action="act-2-2"]');
    await late.locator('summary').click();
    await expect.poll(() => late.locator('.history').innerText(), slow).toContain('No answers yet.');
    expect(await late.locator('button[data-verb=chase]').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('a bad token shows nothing but the sign-in message', async () => {
    const page = await openTab(1280, 'default', 'not.a.token');
    expect(await page.locator('#plans').innerText()).toContain('sign-in needed');
    expect(await page.locator('section[data-plan]').count()).toBe(0);
    await page.close();
  }, 60_000);
});

describe('the commissioner chases from the page (local mode, as the person picked in the local chat)', () => {
  it('Chase sends the owners a reminder in Teams and puts the chase in the action’s history', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${demo.chat.url}/dashboard?as=${jane.id}`);
    await page.locator('body[data-ready=yes]').waitFor(slow);
    const late = page.locator('section[data-plan="testshire-2025"] details[data-action="act-2-2"]');
    await late.locator('summary').click();
    await late.locator('button[data-verb=chase]').click();
    await expect.poll(() => page.locator('#notice').innerText(), slow).toBe(`Chased ${robin.name}.`);
    await expect.poll(() => late.locator('.history').innerText(), slow).toContain(`Jane Smith (on a card): chased: ${robin.name} reminded`);
    const robinsChat = demo.chat.transcript.list(personalConversationId(robin.id));
    expect(JSON.stringify(robinsChat)).toContain('Hold the annual review with providers');
    await screenshot(page, 'tab-chase');
    await page.close();
  }, 60_000);

  it('Reassign gives the action’s roles to the person named, and the page shows them as its owners', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${demo.chat.url}/dashboard?as=${jane.id}`);
    await page.locator('body[data-ready=yes]').waitFor(slow);
    const action = () => page.locator('section[data-plan="testshire-2025"] details[data-action="act-1-1"]');
    await action().locator('summary').click();
    await action().locator('input[name=who]').fill(robin.name);
    await action().locator('button[data-verb=reassign]').click();
    await expect.poll(() => page.locator('#notice').innerText(), slow).toContain(`${robin.name} now holds `);
    await page.locator('body[data-ready=yes]').waitFor(slow);
    await expect.poll(() => action().locator('.subtle').first().textContent(), slow).toContain(robin.name);
    await action().locator('summary').click();
    await expect.poll(() => action().locator('.history').innerText(), slow).toContain(`Jane Smith (on a card): reassigned to ${robin.name} (now holds `);
    await screenshot(page, 'tab-reassign');
    await page.close();
  }, 60_000);

  it('beside each overdue action, whether its owners opened their reminders; above the plans, who is on leave', async () => {
    const day = '2025-06-02';
    const key = `owner|${robin.id}|${day}`;
    await demo.store.digests.recordSent({
      key, kind: 'owner', personId: robin.id, day, notes: [], activityId: 'a1', conversationId: 'c1', sentAt: `${day}T08:00:00Z`, seenAt: null,
      lines: [{ planId: 'testshire-2025', actionId: 'act-2-2', occurrence: null, dueDate: '2025-05-05', section: 'overdue', ref: '2.2', text: 'x', partnership: 'Testshire' }],
    });
    await demo.store.digests.markSeen(key, `${day}T08:14:00Z`);
    await demo.store.settings.save({ personId: robin.id, mode: { kind: 'daily' }, pausedUntil: '2025-06-20', onLeave: true, snoozes: [] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${demo.chat.url}/dashboard?as=${jane.id}`);
    await page.locator('body[data-ready=yes]').waitFor(slow);
    const overdue = page.locator('section[data-plan="testshire-2025"] ol.overdue li');
    // 08:14 UTC is 09:14 in London in June.
    expect(await overdue.locator('xpath=self::*[@data-action="act-2-2"]').locator('[data-seen]').innerText()).toBe('seen Mon 2 Jun 2025 09:14');
    const others = await overdue.evaluateAll((items) => items.filter((li) => li.getAttribute('data-action') !== 'act-2-2').map((li) => li.querySelector('[data-seen]')?.textContent));
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others)).toEqual(new Set(['not opened']));
    const leave = await page.locator('section.leave li').allInnerTexts();
    expect(leave).toHaveLength(1);
    expect(leave[0]).toBe(`${robin.name} until Fri 20 Jun 2025`);
    await screenshot(page, 'tab-seen-leave');
    await page.close();
  }, 60_000);
});
