// Microsoft's Teams emulator (@microsoft/m365agentsplayground, as `npm run playground` starts it, with
// the repository's .m365agentsplayground.yml) in headless chromium against the real bot in local mode,
// the local chat running too (so the bot replies only to the two serviceUrls it was told of). Jane Smith,
// the demo commissioner, asks for help and what's overdue, pages with Show more, then answers her digest
// from the sweep with Done and with the Delayed form: the emulator sends Action.Execute invokes and
// draws the card the bot returns. Waits on what the page shows, never on time; offline, the emulator's
// fonts and telemetry fail quietly.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { storePlan } from '../../src/app/importPlans.ts';
import { demoClock } from '../../src/localChat/demoClock.ts';
import { startLocalChat, type LocalChat } from '../../src/localChat/server.ts';
import { startPlayground, type Playground } from '../../src/localChat/playground.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import type { Store } from '../../src/domain/ports.ts';
import { handMadePlan, planYear2011, type ActionRow } from '../support/plans.ts';
import { freshPage, launchChromium, screenshot } from './chromium.ts';
import { freePort } from '../../src/freePort.ts';

const PREFIX = 'browserplayground';
const roles = JSON.parse(readFileSync('seeds/roles.json', 'utf8')) as { tenantId: string; people: { id: string; name: string }[] };
const demoPerson = (name: string): { id: string; name: string } => {
  const found = roles.people.find((p) => p.name === name);
  if (!found) throw new Error(`no demo person called ${name}`);
  return { id: found.id, name: found.name };
};
const jane = demoPerson('Jane Smith');
const sam = demoPerson('Sam Patel');
// Fri 30 Sep 2011: Sam's 22 actions are two months late (more than one page of "what's overdue?");
// Jane's two are due that day, so the sweep sends her a digest with Done and Delayed on each line.
const DAY = '2011-09-30';
const rows = (prefix: string, count: number, owner: string, due: string, text: string): ActionRow[] =>
  Array.from({ length: count }, (_, i) => ({ ref: `${prefix}.${i + 1}`, text: `${text} ${i + 1}`, owners: [owner], due }));
const plan = handMadePlan('play', 'Testshire DAT', planYear2011, [
  ...rows('1', 22, 'SMLO', '2011-08-01', 'Open the Saturday drop-in'),
  ...rows('2', 2, 'Commissioner', DAY, 'Sign off the treatment budget'),
]);
const slow = { timeout: 60_000 };

let runtime: Runtime;
let store: Store;
let chat: LocalChat;
let playground: Playground;
let browser: Browser;
let page: Page;


beforeAll(async () => {
  const port = await freePort();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', TABLE_PREFIX: PREFIX, SENDS_PER_SECOND: '50', PLAYGROUND_PORT: String(port) });
  store = await openTableStore(inject('tablesConnectionString'), PREFIX);
  const clock = demoClock(new Date(`${DAY}T08:00:00Z`));
  runtime = await startRuntime(config, { store, clock, logger: createLogger('silent'), schedule: false });
  await storePlan(runtime.services, plan, roles.tenantId);
  await store.roles.assign(roles.tenantId, 'Commissioner', jane.id, { id: 'test', name: 'test' }, `${DAY}T08:00:00Z`);
  await store.roles.assign(roles.tenantId, 'SMLO', sam.id, { id: 'test', name: 'test' }, `${DAY}T08:00:00Z`);
  chat = await startLocalChat({ runtime, people: [jane, sam], tenantId: roles.tenantId, port: 0, clock });
  [playground, browser] = await Promise.all([
    startPlayground({ port, botEndpoint: `${runtime.server.url}/api/messages` }),
    launchChromium(),
  ]);
  page = await freshPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${playground.url}/`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await playground?.close();
  await chat?.close();
  await runtime?.stop();
});

/** The chat's message box (a rich-text editor, not an input). */
async function say(text: string): Promise<void> {
  const box = page.locator('[contenteditable=true][role=textbox]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The latest card the emulator shows whose text matches. */
const card = (text: string | RegExp): Locator => page.locator('.ac-adaptiveCard', { hasText: text }).last();

describe("Microsoft's Teams emulator against the bot", () => {
  it('its configuration is the demo world: Jane Smith, the commissioner, in the demo tenant, and five more', () => {
    const yml = readFileSync('.m365agentsplayground.yml', 'utf8');
    expect(yml).toMatch(new RegExp(`^tenantId: ${roles.tenantId}$`, 'm'));
    expect(yml).toMatch(new RegExp(`^currentUser:\\n  id: "29:${jane.id}"\\n  name: Jane Smith\\n`, 'm'));
    for (const person of roles.people) expect(yml).toContain(`aadObjectId: ${person.id}`);
    expect(yml.match(/^ {2}- id: /gm)).toHaveLength(5);
  });

  it('help: the bot greets Jane by name with what she can ask', async () => {
    await say('help');
    const help = card('Things you can ask me');
    await help.waitFor(slow);
    expect(await help.innerText()).toContain('Jane Smith');
  }, 90_000);

  it("what's overdue?: the first page of Sam's 22 late actions, and Show more draws the rest", async () => {
    await say("what's overdue?");
    const list = card('Open the Saturday drop-in');
    await list.waitFor(slow);
    const first = await list.innerText();
    expect(first).toContain('Testshire DAT');
    expect(first).toMatch(/Show more/);
    const numbers = (text: string): string[] => text.match(/Open the Saturday drop-in \d+/g) ?? [];
    const seen = new Set(numbers(first));
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.size).toBeLessThan(22);
    await screenshot(page, 'playground-overdue-desktop');
    // Show more is an Action.Execute: the bot answers the invoke with the next page, drawn in the card's place.
    await list.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(async () => {
      const now = numbers((await page.locator('.ac-adaptiveCard', { hasText: 'Open the Saturday drop-in' }).allInnerTexts()).join('\n'));
      if (now.some((n) => !seen.has(n))) now.forEach((n) => seen.add(n));
      return seen.size;
    }, slow).toBe(22);
  }, 90_000);

  it("the sweep's digest reaches the emulator; Done replaces the card, and the Delayed form saves its date and reason", async () => {
    // The local chat's sweep control, as a person running `npm run playground` would press it.
    const res = await fetch(`${chat.url}/api/sweep`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: DAY }) });
    expect(res.status).toBe(200);
    const digest = card('Sign off the treatment budget 1');
    await digest.waitFor(slow);
    expect(await digest.innerText()).toContain('Sign off the treatment budget 2');
    await digest.scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-digest-desktop');

    // Done on the first line: the emulator invokes the bot and draws the card it returns.
    await digest.getByRole('button', { name: 'Done' }).first().click();
    await expect.poll(async () => (await card('Sign off the treatment budget 1').innerText()).includes('Done by Jane Smith'), slow).toBe(true);
    await expect.poll(async () => (await store.actions.listPlanActions('play')).find((a) => a.action.id === 'play-2.1')?.progress.status, slow).toBe('done');

    // Delayed on the second: its form (new date, why), saved with one press.
    const replaced = card('Done by Jane Smith');
    await replaced.getByRole('button', { name: 'Delayed' }).first().click();
    await replaced.getByLabel('New date').first().fill('2011-10-14');
    await replaced.getByLabel('Why?').first().fill('Waiting for the budget board');
    await replaced.getByRole('button', { name: 'Save' }).first().click();
    await expect.poll(async () => (await store.actions.listPlanActions('play')).find((a) => a.action.id === 'play-2.2')?.progress, slow).toMatchObject({ status: 'delayed', dueDate: '2011-10-14' });
    await expect.poll(async () => card('Sign off the treatment budget 2').innerText(), slow).toMatch(/Delayed to Fri 14 Oct 2011 \(Waiting for the budget board\) by Jane Smith/);
    await card('Sign off the treatment budget 2').scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-answered-desktop');
  }, 120_000);
});
