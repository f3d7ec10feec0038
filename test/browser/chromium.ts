// Debian's chromium, driven by playwright-core (nothing downloads a browser of its own). `.ci/run`
// installs the package when /usr/bin/chromium is missing. Tests wait on what the pages expose
// (data-ready, data-chatting, enabled controls), never on time.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type FileChooser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'test-artifacts';

/** A headless chromium; playwright gives it a fresh, empty profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in its own browser context (no cookies, storage or focus shared with other tests' pages). */
export async function freshPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  // Closing the page ends its context; when the browser closed first, there is nothing left to end.
  page.on('close', () => { context.close().catch(() => undefined); });
  return page;
}

/**
 * Intercepts the page's file picker before anything can open it: the listener is in place (and
 * playwright has told chromium, after one round trip) before the test presses a key, so the picker
 * cannot open unseen. Resolves with the picker the next time the page opens one.
 */
export async function armFileChooser(page: Page): Promise<() => Promise<FileChooser>> {
  const seen: FileChooser[] = [];
  const waiting: ((chooser: FileChooser) => void)[] = [];
  page.on('filechooser', (chooser) => {
    const next = waiting.shift();
    if (next) next(chooser);
    else seen.push(chooser);
  });
  await page.evaluate(() => document.readyState);
  return () => {
    const early = seen.shift();
    return early ? Promise.resolve(early) : new Promise<FileChooser>((resolve) => { waiting.push(resolve); });
  };
}

/** Saves a screenshot to test-artifacts/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}
