import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, repoRoot, runCli } from './helpers.js';
import { describeInBrowser, launch } from './browser.js';
import { signaturePlacement } from '../src/render/docx/closing.js';
import { chapterHtml } from '../src/render/html/chapter.js';
import { endStart, headingEndHtml } from '../src/render/html/heading-end.js';

/**
 * The published HTML on a phone (390 CSS px, an iPhone 12–15), measured in Chromium: headings never
 * leave one character alone on their last line, the signature sits as the DOCX places it
 * (GB/T 9704 7.3.5.2), tables are as wide as the text. The screenshots go to test-results/phone/.
 */

/** Headings of every length from 6 to 46 characters, in the words reports use, so that some would break before their last character. */
const WORDS = '深入推进严格规范公正文明执法全面提升基层综合行政执法队伍依法履职能力和水平切实维护人民群众合法权益';
const HEADINGS = Array.from({ length: 41 }, (_, i) => WORDS.slice(0, 6 + i));

async function buildPhoneReport(signature?: string[]): Promise<string> {
  const dir = await copyExample();
  const body = HEADINGS.map((h, i) => `${i % 3 === 0 ? '##' : i % 3 === 1 ? '###' : '####'} ${h}\n\n正文。\n`).join('\n');
  await writeFile(path.join(dir, 'chapters', '05-other.md'), `---\nid: other\n---\n\n${body}`);
  if (signature) {
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/signature:[\s\S]*?(?=\n\w|$)/, `signature: [${signature.join(', ')}]`));
  }
  const run = await runCli(['build', '-f', 'html'], dir);
  expect(run.code, run.stderr).toBe(0);
  const html = (await import('node:fs')).readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.html'))!;
  return pathToFileURL(path.join(dir, 'dist', html)).href;
}

/** Runs in the page: the characters of each line of an element, by where Chromium drew them. */
const LINES = `(el) => {
  const lines = [];
  let top;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || rect.width === 0) continue;
      if (top === undefined || rect.top > top + rect.height / 2) { lines.push(''); top = rect.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}`;

/** Characters that count: not spaces, not the marks a line may not start with anyway. */
const counted = (line: string) => Array.from(line.replace(/[\s）)」』”’》〉】〕。，、；：！？…—]/gu, '')).length;

async function headingLines(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).evaluateAll((els, lines) => els.map((el) => (0, eval)(lines)(el)), LINES);
}

describe('a heading\'s last two characters are held together in the markup', () => {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  it('joins the last two characters, with the closing marks after them', () => {
    expect(headingEndHtml('（三）推进严格规范公正文明执法', esc)).toBe('（三）推进严格规范公正文明<span class="heading-end">执法</span>');
    expect(headingEndHtml('三、……的有关情况）', esc)).toBe('三、……的有关<span class="heading-end">情况）</span>');
    expect(headingEndHtml('开展“法律明白人”', esc)).toBe('开展“法律明<span class="heading-end">白人”</span>');
    expect(headingEndHtml('A&B 法治', esc)).toBe('A&amp;B <span class="heading-end">法治</span>');
    // Too short to leave a character alone: as written.
    expect(endStart('执法')).toBeUndefined();
    expect(endStart('法')).toBeUndefined();
    expect(endStart('')).toBeUndefined();
    expect(endStart('𠀀𠀁𠀂')).toBe(2); // characters beyond the BMP count once
  });

  it('does so in chapter headings after inline markup, and leaves paragraphs alone', () => {
    const body = { type: 'root', children: [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: '（一）' }, { type: 'strong', children: [{ type: 'text', value: '抓实学法用法' }] }] },
      { type: 'paragraph', children: [{ type: 'text', value: '正文里的句子。' }] },
    ] };
    const html = chapterHtml({ anchor: 'measures', body, figureStart: 0 } as never, new Map());
    expect(html).toContain('<h3>（一）<strong>抓实学法<span class="heading-end">用法</span></strong></h3>');
    expect(html).toContain('<p>正文里的句子。</p>');
  });
});

describeInBrowser('the HTML on a phone, 390 px wide, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const shots = path.join(repoRoot, 'test-results', 'phone');

  beforeAll(async () => {
    const url = await buildPhoneReport();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 });
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
    await mkdir(shots, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('no heading, chapter title or contents entry ends on a line of one character', async () => {
    const selector = 'h2, h3, h4, h5, nav.toc li';
    const all = await headingLines(page, selector);
    const wrapped = all.filter((lines) => lines.length > 1);
    expect(wrapped.length).toBeGreaterThan(20);
    for (const lines of wrapped) expect(counted(lines.at(-1)!), lines.join(' / ')).toBeGreaterThanOrEqual(2);
    // The same headings without the join, in the same place and style: some do break before their last character.
    const bare = await page.locator(selector).evaluateAll((els, lines) => {
      const measure = (0, eval)(lines) as (el: Element) => string[];
      return els.map((el) => {
        const copy = el.cloneNode(false) as HTMLElement;
        copy.textContent = el.textContent;
        copy.style.textWrap = 'wrap';
        el.after(copy);
        const result = measure(copy);
        copy.remove();
        return result;
      });
    }, LINES);
    expect(bare.filter((lines) => lines.length > 1 && counted(lines.at(-1)!) === 1).length).toBeGreaterThan(0);
    await page.locator('#other').screenshot({ path: path.join(shots, 'headings.png') });
    expect((await stat(path.join(shots, 'headings.png'))).size).toBeGreaterThan(30_000);
  });

  it('tables are as wide as the text, as in the DOCX', async () => {
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      const text = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text, tables: [...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().width) };
    });
    expect(widths.tables.length).toBeGreaterThan(0);
    for (const w of widths.tables) expect(w).toBeCloseTo(widths.text, 0);
    await page.locator('table').first().screenshot({ path: path.join(shots, 'table.png') });
  });

  it('the signature: its lines start together, end two characters from the right; the date two characters further right, kept two from the edge', async () => {
    const box = await signatureBox(page);
    // The example's date (2025年2月10日, 6½ characters) and 2 characters of shift outreach 中共示例镇委员会 (8).
    expect(box.lines.length).toBe(2);
    expect(box.lines[0]!.left).toBeCloseTo(box.lines[1]!.left, 0);
    expect(box.date.left - box.lines[0]!.left).toBeCloseTo(2 * box.em, 0);
    expect(box.textRight - box.date.right).toBeCloseTo(2 * box.em, 0);
    expect(box.date.right).toBeGreaterThan(Math.max(...box.lines.map((l) => l.right)));
    await page.locator('.signature').screenshot({ path: path.join(shots, 'signature.png') });
  });

  it('a signature longer than the date ends two characters from the right, the date under it two characters in', async () => {
    const url = await buildPhoneReport(['示例县综合行政执法局机关委员会']);
    const other = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 });
    await other.goto(url);
    await other.evaluate(() => document.fonts.ready);
    const box = await signatureBox(other);
    expect(box.textRight - box.lines[0]!.right).toBeCloseTo(2 * box.em, 0);
    expect(box.date.left - box.lines[0]!.left).toBeCloseTo(2 * box.em, 0);
    await other.locator('.signature').screenshot({ path: path.join(shots, 'signature-long.png') });
    await other.close();
  });
});

describeInBrowser('the printed HTML places the signature where the DOCX does', () => {
  it('in character cells of the 156 mm text block, as signaturePlacement computes them', async () => {
    for (const signature of [undefined, ['示例县综合行政执法局机关委员会']]) {
      const url = await buildPhoneReport(signature);
      const browser = await launch();
      try {
        // Print layout over the width of the text block: 156 mm, 28 cells.
        const cell = (156 / 25.4) * 96 / 28;
        const page = await browser.newPage({ viewport: { width: Math.round(cell * 28), height: 1000 } });
        await page.emulateMedia({ media: 'print' });
        await page.goto(url);
        await page.evaluate(() => document.fonts.ready);
        const box = await signatureBox(page);
        const left = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().left);
        const texts = await page.locator('.signature p').allInnerTexts();
        const place = signaturePlacement(texts.slice(0, -1), texts.at(-1)!);
        for (const line of box.lines) expect((line.left - left) / cell).toBeCloseTo(place.signatureAt, 0);
        expect((box.date.left - left) / cell).toBeCloseTo(place.dateAt, 0);
      } finally {
        await browser.close();
      }
    }
  });
});

interface Edge {
  left: number;
  right: number;
}

/** Where the signature's lines and the date are drawn (their text, not their boxes), and the text block's right edge. */
async function signatureBox(page: Page): Promise<{ lines: Edge[]; date: Edge; textRight: number; em: number }> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const textRight = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
    const ink = (p: Element): Edge => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const ps = [...document.querySelectorAll('.signature p')];
    const date = ps.pop()!;
    return { lines: ps.map(ink), date: ink(date), textRight, em: parseFloat(getComputedStyle(date).fontSize) };
  });
}
