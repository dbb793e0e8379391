import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where browser tests leave their screenshots (git-ignored). */
export const TEST_RESULTS = path.join(ROOT, 'test-results');

/** Debian's Chromium (apt-get install chromium; .ci/run installs it), or CHROMIUM_PATH. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Nothing of Chromium's own talks to the network: no background requests, component updates,
 * sync, first-run pages or QUIC. Only the page's requests are left, and a test can watch them.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A headless Chromium through playwright-core (whose own browser downloads do not work here).
 * Playwright gives each launch a new, empty user data dir, removed when the browser closes.
 * A missing Chromium is an error, never a skipped test.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A full-page screenshot as test-results/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(TEST_RESULTS, { recursive: true });
  const file = path.join(TEST_RESULTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
