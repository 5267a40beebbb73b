import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { RendererUnavailable, type BrowserOptions } from './options.js';

/** Names Debian, Ubuntu and Google give the browser binary, in the order they are tried. */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Chromium is not installed (or LAWREPORT_CHROMIUM names nothing runnable): a usage problem, not a crash. */
export class BrowserMissingError extends RendererUnavailable {
  constructor(zh: string, en: string) {
    super({ zh, en });
    this.name = 'BrowserMissingError';
  }
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The named binary (LAWREPORT_CHROMIUM) if given, else the first Chromium or Chrome on the search path. */
export function findChromium(options: BrowserOptions = {}): string {
  const chosen = options.executable;
  if (chosen) {
    if (executable(chosen)) return chosen;
    throw new BrowserMissingError(
      `环境变量 LAWREPORT_CHROMIUM 指向的“${chosen}”不存在或不能运行。请改为 Chromium 的路径（如 /usr/bin/chromium），或删去这个变量。`,
      `LAWREPORT_CHROMIUM points at "${chosen}", which does not exist or cannot run. Set it to the Chromium binary (e.g. /usr/bin/chromium) or unset it.`,
    );
  }
  for (const dir of (options.searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  throw new BrowserMissingError(
    '找不到 Chromium 浏览器：生成 PDF 要用本机的 Chromium 排版打印。请安装 Debian 软件包 chromium（sudo apt-get install chromium），或用环境变量 LAWREPORT_CHROMIUM 指定浏览器程序的路径。',
    'Chromium not found: PDF output is printed by a locally installed Chromium. Install the Debian package chromium (sudo apt-get install chromium), or point LAWREPORT_CHROMIUM at the browser binary.',
  );
}

/**
 * Starts the local Chromium headless, with nothing that phones home. playwright-core is
 * imported here, lazily: only PDF output and the browser tests pay for it. Playwright gives
 * each launch a fresh temporary profile (--user-data-dir) and removes it on close.
 * --no-sandbox because CI runs as root, where Chromium's sandbox refuses to start.
 */
export async function launchChromium(options: BrowserOptions = {}): Promise<Browser> {
  const executablePath = findChromium(options);
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      chromiumSandbox: false,
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 60_000,
    });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new BrowserMissingError(
      `无法启动 Chromium（${executablePath}）：${first}。请确认 Debian 软件包 chromium 安装完好，或用 LAWREPORT_CHROMIUM 指定另一个浏览器程序。`,
      `Could not start Chromium (${executablePath}): ${first}. Check that the Debian package chromium is installed correctly, or point LAWREPORT_CHROMIUM at another browser binary.`,
    );
  }
}
