// Debian's Chromium, headless, driven by playwright-core (no browser download). CI installs the
// `chromium` package in .ci/run; a developer without it gets a clear message.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The `chromium` on the PATH, if any. */
function chromiumOnPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Where Debian puts the browser, else the `chromium` on the PATH (override with BINROUTE_CHROMIUM). */
export const CHROMIUM = process.env.BINROUTE_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : (chromiumOnPath() ?? '/usr/bin/chromium'));

/**
 * Why the browser tests cannot run here, or undefined when they can.
 *
 * @example
 * ```ts
 * const missing = chromiumMissing();
 * describe.skipIf(missing !== undefined)('in Chromium', () => { … });
 * ```
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's package (sudo apt-get install -y chromium; .ci/run installs it), or set BINROUTE_CHROMIUM to a Chromium binary.`;
}

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const profiles = new WeakMap<BrowserContext, string>();

/**
 * Closes a browser from {@link launchChromium} and removes its user-data dir (best effort).
 *
 * @example
 * ```ts
 * await closeChromium(browser);
 * ```
 */
export async function closeChromium(context: BrowserContext | undefined): Promise<void> {
  if (!context) return;
  await context.close();
  const dir = profiles.get(context);
  if (dir) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    } catch {
      // a file Chromium still held: the folder stays in the temporary directory
    }
  }
}

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
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  profiles.set(context, userDataDir);
  return context;
}
