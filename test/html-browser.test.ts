import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyExample, runCli } from './helpers.js';
import { describeInBrowser, launch, watchPage, type Watched } from './browser.js';

const TITLE = '示例镇人民政府2024年法治政府建设年度报告';

/** Builds the report folder's HTML and returns its file URL. */
async function buildHtml(dir: string, warned = false): Promise<string> {
  const run = await runCli(['build', '-f', 'html'], dir);
  expect(run.code).toBe(0);
  // Hostile payloads are warned about at their lines (html-unsupported), never printed; a plain build is silent.
  if (warned) expect(run.stderr).toContain('[html-unsupported]');
  else expect(run.stderr).toBe('');
  return pathToFileURL(path.join(dir, 'dist', `${TITLE}.html`)).href;
}

/** The font Chromium actually drew a node's text with (not the CSS stack): DevTools' platform fonts. */
async function platformFont(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]!.familyName;
}

describeInBrowser('the built HTML in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let watched: Watched;
  let url: string;

  beforeAll(async () => {
    url = await buildHtml(await copyExample());
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    watched = await watchPage(page);
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(async () => browser?.close());

  it('shows the title, the generated numbering at every level and the signature', async () => {
    expect(await page.title()).toBe(TITLE);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').allInnerTexts()).toEqual([TITLE]);
    expect(await page.locator('section.chapter > h2').allInnerTexts()).toEqual([
      '一、2024年度推进法治政府建设的主要举措和成效',
      '二、2024年度推进法治政府建设存在的不足和原因',
      '三、2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '四、2025年度推进法治政府建设的主要安排',
    ]);
    const measures = page.locator('#measures');
    expect((await measures.locator('h3').allInnerTexts()).map((h) => h.slice(0, 3))).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(await measures.locator('h4').first().innerText()).toBe('1.落实决策程序');
    expect(await measures.locator('ol > li').first().innerText()).toMatch(/^1\.培育“法律明白人”58名/);
    expect(await page.locator('table th').allInnerTexts()).toEqual(['项目', '数量']);
    expect(await page.locator('.signature p').allInnerTexts()).toEqual(['中共示例镇委员会', '示例镇人民政府', '2025年2月10日']);
  });

  it('links every table-of-contents entry to its chapter', async () => {
    const targets = await page.locator('nav.toc a').evaluateAll((links) =>
      links.map((a) => document.getElementById(a.getAttribute('href')!.slice(1))?.querySelector('h2')?.textContent),
    );
    expect(targets).toEqual(await page.locator('section.chapter > h2').allInnerTexts());
  });

  it('draws the body in 16 pt serif CJK (仿宋 or its Noto fallback) and headings of the first level in a sans CJK (黑体 or Noto Sans)', async () => {
    const size = await page.locator('#measures p').first().evaluate((p) => getComputedStyle(p).fontSize);
    expect(parseFloat(size)).toBeCloseTo((16 * 96) / 72, 3); // 16 pt in CSS pixels
    expect(await platformFont(page, '#measures p')).toMatch(/仿宋|FangSong|Noto Serif CJK/);
    expect(await platformFont(page, '#measures h2')).toMatch(/黑体|SimHei|Noto Sans CJK/);
    expect(await platformFont(page, '#measures h3')).toMatch(/楷体|KaiTi|Noto Serif CJK/);
  });

  it('logs no error and asks for nothing over the network', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([]);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(url);
    const { scroll, width, font } = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      font: getComputedStyle(document.querySelector('main p')!).fontSize,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
    expect(parseFloat(font)).toBeLessThan((16 * 96) / 72);
    await phone.close();
  });

  it('screenshots the first page (docs/first-page.png is one of these)', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'lawreport-shot-')), 'first-page.png');
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1000, height: 1300 } });
    const png = await readFile(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await stat(file)).size).toBeGreaterThan(50_000); // text, not a blank page
  });
});

describeInBrowser('chapter HTML cannot run script in Chromium', () => {
  it('opens no dialog, runs no handler and loads nothing, whatever the chapter writes', async () => {
    const dir = await copyExample();
    const chapter = path.join(dir, 'chapters', '02-shortcomings.md');
    const payloads = [
      '<script>alert("script")</script>',
      // An <img> naming a file that is not in the folder (or a web address) stops the build (image-missing, image-remote); one with no src is dropped.
      '<img onerror="alert(\'onerror\')" srcset="https://example.org/t.png 1x">',
      '<svg><script>alert("svg")</script></svg><svg onload="alert(\'svg onload\')"></svg>',
      '<a id="go" href="javascript:alert(\'href\')">点这里</a>',
      '<iframe srcdoc="<script>parent.alert(\'iframe\')</script>"></iframe>',
      '<details open ontoggle="alert(\'toggle\')"><summary>x</summary></details>',
      '<style>@import url(https://example.org/x.css); body { background: url(https://example.org/bg.png) }</style>',
      '<p style="background:url(https://example.org/p.png)">带样式的段落</p>',
      '<form action="https://example.org"><button id="send">提交</button></form>',
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(\'math\')">m</maction></math>',
      '<object data="https://example.org/x.swf"></object><embed src="https://example.org/x.swf">',
      '<meta http-equiv="refresh" content="0;url=https://example.org"><base href="https://example.org/">',
    ];
    await (await import('node:fs/promises')).appendFile(chapter, `\n${payloads.join('\n\n')}\n`);
    const url = await buildHtml(dir, true);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const watched = await watchPage(page);
      await page.goto(url);
      // A javascript: link keeps only its text (markdown-unsupported): clicking it does nothing.
      await page.locator('#shortcomings').getByText('点这里').click();
      await page.waitForTimeout(300); // time for a toggle event or a meta refresh to fire, were there one
      expect(watched.dialogs).toEqual([]);
      expect(watched.requests).toEqual([]);
      expect(page.url()).toBe(url);
      expect(await page.locator('script, iframe, object, embed, svg, form, style:not(head style)').count()).toBe(0);
      expect(await page.locator('#shortcomings').innerText()).toContain('带样式的段落');
    } finally {
      await browser.close();
    }
  });
});
