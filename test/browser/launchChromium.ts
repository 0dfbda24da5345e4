// Debian's Chromium, headless, driven by playwright-core (no browser download). CI installs the
// `chromium` package in .ci/run; a developer without it gets a clear message.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian puts the browser (override with BINROUTE_CHROMIUM). */
export const CHROMIUM = process.env.BINROUTE_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's package (sudo apt-get install -y chromium; .ci/run installs it), or set BINROUTE_CHROMIUM to a Chromium binary.`;
}

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts headless Chromium with a fresh user-data dir; close the context to end it.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * await browser.close();
 * ```
 */
export async function launchChromium(): Promise<BrowserContext> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const userDataDir = mkdtempSync(join(tmpdir(), 'binroute-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
}
