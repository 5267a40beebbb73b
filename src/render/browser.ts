import { accessSync, constants } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectPipe, type CdpConnection } from './cdp.js';
import { RendererUnavailable, type BrowserEnv } from './options.js';

/** No browser was found (or LAWREPORT_CHROMIUM names nothing runnable, or it would not start): a usage problem, not a crash. */
export class BrowserMissingError extends RendererUnavailable {
  constructor(zh: string, en: string) {
    super({ zh, en });
    this.name = 'BrowserMissingError';
  }

  get zh(): string {
    return this.problem.zh;
  }

  get en(): string {
    return this.problem.en;
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

/** Program names looked up on PATH, in the order they are tried: Chromium, then Google Chrome, then Microsoft Edge. */
const ON_PATH: Record<string, string[]> = {
  linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'],
  win32: ['chrome.exe', 'msedge.exe'],
  darwin: [],
};

/** Where the browsers install themselves when they put nothing on PATH (on Windows they never do). */
function installPaths(env: BrowserEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    // Per-user installs first (Chrome's default without admin rights), then machine-wide; Edge comes with Windows 10 and 11.
    const roots = [env.LOCALAPPDATA, env.ProgramFiles ?? env.PROGRAMFILES ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'];
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.filter((r): r is string => Boolean(r)).map((root) => path.win32.join(root, app)));
  }
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].map((app) => `/Applications/${app}`);
  }
  return ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge', '/snap/bin/chromium'];
}

/** Every place a browser is looked for, in order (LAWREPORT_CHROMIUM aside). */
export function browserCandidates(env: BrowserEnv, platform: NodeJS.Platform = process.platform): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(p.delimiter).filter(Boolean);
  return [...(ON_PATH[platform] ?? ON_PATH.linux!).flatMap((name) => dirs.map((dir) => p.join(dir, name))), ...installPaths(env, platform)];
}

/** How to get a browser, for the message that says none was found. */
function howToInstall(platform: NodeJS.Platform): { zh: string; en: string } {
  if (platform === 'win32') {
    return {
      zh: 'Windows 10 和 11 自带 Microsoft Edge；如已卸载，请安装 Edge 或 Google Chrome',
      en: 'Windows 10 and 11 come with Microsoft Edge; if it was removed, install Edge or Google Chrome',
    };
  }
  if (platform === 'darwin') return { zh: '请安装 Google Chrome 或 Microsoft Edge', en: 'Install Google Chrome or Microsoft Edge' };
  return {
    zh: '请安装 Chromium（Debian、Ubuntu、统信 UOS、银河麒麟：sudo apt-get install chromium），或 Google Chrome、Microsoft Edge 的 Linux 版',
    en: 'Install the Debian package chromium (sudo apt-get install chromium; also on Ubuntu, UOS and Kylin), or Google Chrome or Microsoft Edge for Linux',
  };
}

/** LAWREPORT_CHROMIUM if set, else the first Chromium, Chrome or Edge found (browserCandidates). */
export function findChromium(env: BrowserEnv, platform: NodeJS.Platform = process.platform, isExecutable: (file: string) => boolean = executable): string {
  const chosen = env.LAWREPORT_CHROMIUM;
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new BrowserMissingError(
      `环境变量 LAWREPORT_CHROMIUM 指向的“${chosen}”不存在或不能运行。请改为浏览器程序（Chromium、Chrome 或 Edge）的完整路径，或删去这个变量。`,
      `LAWREPORT_CHROMIUM points at "${chosen}", which does not exist or cannot run. Set it to the full path of a Chromium, Chrome or Edge binary, or unset it.`,
    );
  }
  const found = browserCandidates(env, platform).find(isExecutable);
  if (found) return found;
  const how = howToInstall(platform);
  throw new BrowserMissingError(
    `找不到浏览器：生成 PDF 要用本机的 Chromium、Google Chrome 或 Microsoft Edge 排版打印（DOCX、HTML、TXT 不需要浏览器）。${how.zh}；或用环境变量 LAWREPORT_CHROMIUM 指定浏览器程序的完整路径。`,
    `No browser found: PDF output is printed by a locally installed Chromium, Google Chrome or Microsoft Edge (DOCX, HTML and TXT need none). ${how.en}, or point LAWREPORT_CHROMIUM at the browser binary.`,
  );
}

export interface BrowserSession {
  cdp: CdpConnection;
  close(): Promise<void>;
}

const LAUNCH_TIMEOUT_MS = 60_000;

/**
 * Starts the local browser headless, with nothing that phones home, in a fresh temporary profile
 * that is removed on close, and talks to it over a pipe (no port is opened). --no-sandbox because
 * CI runs as root, where Chromium's sandbox refuses to start.
 */
export async function launchChromium(env: BrowserEnv): Promise<BrowserSession> {
  const executablePath = findChromium(env);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'lawreport-browser-'));
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--mute-audio',
    '--hide-scrollbars',
    'about:blank',
  ];
  const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], windowsHide: true });
  // The last of what the browser printed, to say why it would not start.
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  const lastLine = () => stderr.trim().split('\n').pop()?.trim() || '';
  const cdp = connectPipe(child, () => `the browser exited (${child.exitCode ?? child.signalCode})${lastLine() ? `: ${lastLine()}` : ''}`);

  let exited: Promise<void> | undefined;
  const close = async () => {
    exited ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      void cdp.send('Browser.close').catch(() => {});
      // A browser that does not close in time is stopped: never a hang.
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    await exited;
    // Windows releases the profile's files a moment after the process ends.
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
  };

  try {
    await withTimeout(cdp.send('Browser.getVersion'), LAUNCH_TIMEOUT_MS, 'timeout');
  } catch (error) {
    await close();
    const code = (error as NodeJS.ErrnoException).code;
    const said = lastLine() ? `：${lastLine()}` : '';
    const why =
      child.exitCode !== null || child.signalCode !== null
        ? { zh: `浏览器退出了（${child.exitCode ?? child.signalCode}）${said}`, en: `the browser exited (${child.exitCode ?? child.signalCode})${said && `: ${lastLine()}`}` }
        : code
          ? { zh: `不能运行（${code}）`, en: `cannot run it (${code})` }
          : { zh: '60 秒内没有响应', en: 'no answer within 60 s' };
    throw new BrowserMissingError(
      `无法启动浏览器（${executablePath}）：${why.zh}。请确认浏览器安装完好，或用 LAWREPORT_CHROMIUM 指定另一个浏览器程序。`,
      `Could not start the browser (${executablePath}): ${why.en}. Check that it is installed correctly, or point LAWREPORT_CHROMIUM at another browser binary.`,
    );
  }
  return { cdp, close };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
