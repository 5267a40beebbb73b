/**
 * The summary's page in Chromium: no script runs, nothing is fetched, every chart is there with
 * every town on it, and it prints on A4 landscape. `UPDATE_DOCS=1 npx vitest run test/summary-browser.test.ts`
 * also writes docs/summary.png, the picture in the README.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launch, watchPage, type Watched } from './browser.js';
import { generateDistrict, type Town } from './district.js';
import { repoRoot, runCli } from './helpers.js';

const exec = promisify(execFile);

describeInBrowser('the summary page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let watched: Watched;
  let towns: Town[];
  let root: string;
  let json: { metrics: { key: string; path: string; type: string }[]; years: { totals: Record<string, { value: number | null }> }[] };

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-summary-page-'));
    towns = await generateDistrict(root);
    const run = await runCli(['summary', 'towns/*', '-f', 'html,json', '-o', 'out'], root);
    expect(run.code).toBe(0);
    json = JSON.parse(await readFile(path.join(root, 'out', '汇总.json'), 'utf8'));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    watched = await watchPage(page);
    await page.goto(pathToFileURL(path.join(root, 'out', '汇总.html')).href);
    await page.evaluate(() => document.fonts.ready);
  }, 120_000);
  afterAll(async () => browser?.close());

  it('logs no error, runs no script and asks for nothing over the network', async () => {
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it('draws every chart: the compliance grid, a chart per figure any town gives, with every town that gives it', async () => {
    const charts = await page.locator('figure.chart').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart')));
    // The counts first, then the rates, each in catalog order.
    const keys = [...json.metrics.filter((m) => m.type !== 'percent'), ...json.metrics.filter((m) => m.type === 'percent')].map((m) => m.key);
    expect(charts).toEqual(['compliance-year-2024', ...keys.map((p) => `year-2024-${p}`)]);
    for (const id of charts) {
      const svg = page.locator(`figure[data-chart="${id}"] svg`);
      expect(await svg.count(), id!).toBe(1);
      expect((await svg.boundingBox())!.height, id!).toBeGreaterThan(50);
    }
    const labels = (id: string) => page.locator(`figure[data-chart="${id}"] svg text`).allTextContents();
    const loaded = towns.filter((t) => t.broken !== 'unloadable');
    expect(await labels('year-2024-disputes.received')).toEqual(expect.arrayContaining(loaded.map((t) => t.org)));
    // A figure one town leaves out: drawn for the others, and said so.
    expect(await labels('year-2024-pufa.materials')).not.toContain(towns[5]!.org);
    expect(await page.locator('figure[data-chart="year-2024-pufa.materials"] figcaption').innerText()).toBe('2 份报告没有这项数据，未画出。');
    // Rates against the district's rate, recomputed from the summed parts.
    const total = json.years[0]!.totals['disputes.rate']!.value;
    expect(await labels('year-2024-disputes.rate')).toContain(`合计 ${total}%`);
    const grid = await labels('compliance-year-2024');
    expect(grid).toEqual(expect.arrayContaining(['举措和成效', '不足和原因', '第一责任人', '下一年度安排', '有', '缺', '仅小节', '空', towns[15]!.folder]));
  });

  it('shows the three views as tables, the failing towns marked', async () => {
    const compliance = page.locator('[data-table="compliance"] tbody tr');
    expect(await compliance.count()).toBe(20);
    expect(await page.locator('[data-table="compliance"] tr.row-fail').count()).toBe(4);
    expect(await page.locator('[data-table="compliance"] td.missing').allInnerTexts()).toEqual(['缺']);
    expect(await page.locator('[data-table="figures"] tfoot td').first().innerText()).toBe('合计（20 份）');
    expect(await page.locator('[data-table="problems"] tbody tr').count()).toBeGreaterThanOrEqual(5);
  });

  it('prints on A4 landscape', async () => {
    const pdf = path.join(root, 'summary.pdf');
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const { stdout } = await exec('pdfinfo', [pdf]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout)!;
    expect(Math.round(Number(w))).toBe(842); // 297 mm
    expect(Math.round(Number(h))).toBe(595); // 210 mm
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)![1])).toBeGreaterThan(1);
  });

  it('screenshots the top of the page (docs/summary.png is one of these)', async () => {
    const file = path.join(root, 'summary.png');
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1200, height: 900 } });
    expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
    expect((await stat(file)).size).toBeGreaterThan(50_000); // tables and charts, not a blank page
    if (process.env.UPDATE_DOCS) await copyFile(file, path.join(repoRoot, 'docs', 'summary.png'));
  });
});
