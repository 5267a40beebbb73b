import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli } from './helpers.js';
import { describeInBrowser } from './browser.js';
import { browserCandidates } from '../src/render/browser.js';

const exec = promisify(execFile);
const TITLE = '示例镇人民政府2024年法治政府建设年度报告';
const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };

/** Lines of one page as pdftotext -bbox-layout sees them: text and box in points from the top left. */
async function pageLines(pdf: string, page: number) {
  const { stdout } = await exec('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...stdout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
    xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]),
    text: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
  }));
}

describeInBrowser('lawreport build --format pdf', () => {
  let dir: string;
  let pdf: string;
  let pages: number;

  beforeAll(async () => {
    dir = await copyExample();
    const run = await runCli(['build', '-f', 'pdf'], dir, { PATH: process.env.PATH });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    pdf = path.join(dir, 'dist', `${TITLE}.pdf`);
    const info = (await exec('pdfinfo', [pdf])).stdout;
    pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  });

  it('writes only the PDF asked for: A4 on every page, several pages', async () => {
    expect(await readdir(path.join(dir, 'dist'))).toEqual([`${TITLE}.pdf`]);
    expect(pages).toBeGreaterThan(2);
    const sizes = (await exec('pdfinfo', ['-f', '1', '-l', String(pages), pdf])).stdout.match(/Page +\d+ size: +[\d.]+ x [\d.]+/g)!;
    expect(sizes).toHaveLength(pages);
    for (const size of sizes) {
      const [w, h] = /([\d.]+) x ([\d.]+)/.exec(size)!.slice(1).map(Number);
      expect(w).toBeCloseTo(A4.width, 0);
      expect(h).toBeCloseTo(A4.height, 0);
    }
  });

  it('numbers every page 「— N —」 below the text block, odd pages on the right and even pages on the left, one character in', async () => {
    const textBlock = { left: 28 * MM, right: A4.width - 26 * MM, bottom: A4.height - 35 * MM };
    for (let page = 1; page <= pages; page++) {
      const lines = await pageLines(pdf, page);
      const number = lines.find((l) => /^— \d+ —$/.test(l.text));
      expect(number?.text, `page ${page}`).toBe(`— ${page} —`);
      expect(number!.yMin).toBeGreaterThan(textBlock.bottom);
      // One 四号 character (14 pt) in from the edge of the text block; the binding edge is on the right of even pages.
      const inset = page % 2 === 1 ? textBlock.right - number!.xMax : number!.xMin - 26 * MM;
      expect(Math.abs(inset - 14), `page ${page}`).toBeLessThan(2);
    }
  });

  it('sets the body on the GB/T 9704 grid: at most 22 lines a page (some pages full), 28 characters a full line', async () => {
    const bodyLines = await Promise.all(Array.from({ length: pages }, async (_, i) => (await pageLines(pdf, i + 1)).filter((l) => !/^— \d+ —$/.test(l.text))));
    // A line is a height on the page: a full-width table's cells are far apart, and pdftotext takes each for a line of its own.
    const perPage = bodyLines.map((lines) => new Set(lines.map((l) => Math.round(l.yMin))).size);
    expect(Math.max(...perPage)).toBe(22);
    const cjkOnly = bodyLines.flat().map((l) => l.text.replace(/ /g, '')).filter((t) => /^[\u3000-\u9fff\uff00-\uffef“”]+$/.test(t));
    expect(Math.max(...cjkOnly.map((t) => t.length))).toBe(28);
  });

  it('holds the report text with its numbering and figures, in order', async () => {
    const text = (await exec('pdftotext', [pdf, '-'])).stdout.replace(/\s+/g, '');
    const order = ['一、2024年度推进法治政府建设的主要举措和成效', '（一）抓实领导干部学法用法', '调解成功66件，调解成功率97.06%', '四、2025年度推进法治政府建设的主要安排', '2025年2月10日'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('gives the same bytes when built again from the same sources', async () => {
    const first = await readFile(pdf);
    expect((await runCli(['build', '-f', 'pdf'], dir, { PATH: process.env.PATH })).code).toBe(0);
    expect((await readFile(pdf)).equals(first)).toBe(true);
  });
});

// The places a browser installs itself outside PATH; if one exists here, "no browser" cannot be staged.
const installedOffPath = browserCandidates({ PATH: '' }).some((file) => existsSync(file));

describe('PDF without a browser', () => {
  it.skipIf(process.platform !== 'linux' || installedOffPath)('says that PDF needs Chromium, Chrome or Edge and how to install one, exits 2 and writes nothing', async () => {
    const dir = await copyExample();
    const run = await runCli(['build', '-f', 'html,pdf'], dir, { PATH: path.join(dir, 'no-browsers-here') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到浏览器：生成 PDF 要用本机的 Chromium、Google Chrome 或 Microsoft Edge');
    expect(run.stderr).toContain('sudo apt-get install chromium');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).not.toContain('dist');
    const en = await runCli(['build', '-f', 'pdf', '--lang', 'en'], dir, { PATH: '' });
    expect(en.stderr).toContain('Install the Debian package chromium');
  });

  it('says why a browser that will not start did not, exits 2 and writes nothing', async () => {
    const dir = await copyExample();
    const run = await runCli(['build', '-f', 'pdf'], dir, { LAWREPORT_CHROMIUM: '/bin/false', PATH: process.env.PATH });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^无法启动浏览器（\/bin\/false）：浏览器退出了（1）。/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).not.toContain('dist');
  });

  it('names a LAWREPORT_CHROMIUM that does not exist', async () => {
    const dir = await copyExample();
    const run = await runCli(['build', '-f', 'pdf'], dir, { LAWREPORT_CHROMIUM: '/opt/no/chromium', PATH: process.env.PATH });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LAWREPORT_CHROMIUM 指向的“/opt/no/chromium”不存在');
  });
});
