import { describe, expect, it } from 'vitest';
import { BrowserMissingError, findChromium } from '../src/render/browser.js';

// Which browser prints the PDF, on machines this one is not: the file system is a list of files.
const on = (...files: string[]) => (file: string) => files.includes(file);

const WINDOWS_ENV = {
  Path: 'C:\\Windows\\system32;C:\\Windows',
  LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
};

describe('finding a browser for PDF', () => {
  it('on Windows, uses the Edge that comes with Windows when there is no Chrome', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(WINDOWS_ENV, 'win32', on(edge))).toBe(edge);
  });

  it('on Windows, prefers Chrome, a per-user install (in a folder with Chinese characters) first', () => {
    const user = 'C:\\Users\\张三\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const machine = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(WINDOWS_ENV, 'win32', on(edge, machine, user))).toBe(user);
    expect(findChromium(WINDOWS_ENV, 'win32', on(edge, machine))).toBe(machine);
  });

  it('on Windows without a browser, says that Edge comes with Windows and how to name another', () => {
    const error = catchError(() => findChromium(WINDOWS_ENV, 'win32', on()));
    expect(error.zh).toContain('Windows 10 和 11 自带 Microsoft Edge');
    expect(error.zh).toContain('LAWREPORT_CHROMIUM');
    expect(error.en).toContain('Windows 10 and 11 come with Microsoft Edge');
  });

  it('on Linux, looks on PATH for Chromium, then Chrome, then Edge, then in /opt', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(findChromium(env, 'linux', on('/usr/bin/google-chrome', '/usr/local/bin/microsoft-edge'))).toBe('/usr/bin/google-chrome');
    expect(findChromium(env, 'linux', on('/usr/bin/chromium', '/usr/bin/google-chrome'))).toBe('/usr/bin/chromium');
    expect(findChromium(env, 'linux', on('/usr/bin/microsoft-edge-stable'))).toBe('/usr/bin/microsoft-edge-stable');
    expect(findChromium(env, 'linux', on('/opt/google/chrome/chrome'))).toBe('/opt/google/chrome/chrome');
  });

  it('on Linux without a browser, names the Debian package (which UOS and Kylin share)', () => {
    const error = catchError(() => findChromium({ PATH: '/usr/bin' }, 'linux', on()));
    expect(error.zh).toMatch(/^找不到浏览器：生成 PDF 要用本机的 Chromium、Google Chrome 或 Microsoft Edge 排版打印（DOCX、HTML、TXT 不需要浏览器）/);
    expect(error.zh).toContain('sudo apt-get install chromium');
  });

  it('takes LAWREPORT_CHROMIUM before anything it would find, and says when it names nothing runnable', () => {
    const mine = 'D:\\便携软件\\chrome\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium({ ...WINDOWS_ENV, LAWREPORT_CHROMIUM: mine }, 'win32', on(mine, edge))).toBe(mine);
    const error = catchError(() => findChromium({ ...WINDOWS_ENV, LAWREPORT_CHROMIUM: mine }, 'win32', on(edge)));
    expect(error.zh).toContain(`LAWREPORT_CHROMIUM 指向的“${mine}”不存在或不能运行`);
  });
});

function catchError(run: () => unknown): BrowserMissingError {
  try {
    run();
  } catch (error) {
    if (error instanceof BrowserMissingError) return error;
    throw error;
  }
  throw new Error('expected BrowserMissingError');
}
