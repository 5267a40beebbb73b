import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { findChromium } from '../src/render/browser.js';

/** Why the browser tests cannot run here, or undefined when Chromium is installed. */
function missingReason(): string | undefined {
  try {
    findChromium(process.env);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const reason = missingReason();

/**
 * describe() for tests that drive the real Chromium. Without Chromium they are skipped
 * locally, with the reason in the test name; in CI (CI=true) they run, and fail, instead.
 */
export const describeInBrowser = (name: string, body: () => void) =>
  reason && !process.env.CI ? describe.skip(`${name} (skipped: ${reason})`, body) : describe(name, body);

/** The browser lawreport would print with, driven by Playwright (the tests' own dependency). --no-sandbox: CI runs as root. */
export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: findChromium(process.env), headless: true, chromiumSandbox: false, args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'] });

export interface Watched {
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Every URL the page asked for that is not a file: or data: URL (all of them refused). */
  requests: string[];
  /** Dialogs (alert, confirm) the page tried to open: proof that script ran. */
  dialogs: string[];
}

/** Records errors and requests and refuses the network; `allow` lets the preview's own origin through. */
export async function watchPage(page: Page, allow?: string): Promise<Watched> {
  const watched: Watched = { errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => void (m.type() === 'error' && watched.errors.push(m.text())));
  page.on('pageerror', (e) => void watched.errors.push(e.message));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || (allow && url.startsWith(allow))) return route.continue();
    watched.requests.push(url);
    return route.abort();
  });
  return watched;
}
