import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, launch, watchPage } from '../browser.js';
import { copyExample, runCli } from '../helpers.js';
import { xssPayloads } from './xss-corpus.js';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const FORBIDDEN_ELEMENTS = new Set(['script', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'base', 'link', 'template', 'video', 'audio', 'source', 'style', 'noscript']);

/** Every element of the parsed page, as a browser's parser builds the tree. */
function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) elements(child, out);
  if ('content' in node && node.content) elements(node.content as Node, out);
  return out;
}

/** What a chapter may not smuggle into the published page, found by walking the parsed tree. */
function problems(html: string): string[] {
  const found: string[] = [];
  const all = elements(parse(html));
  const inBody = all.filter((el) => !['html', 'head', 'meta', 'title', 'style'].includes(el.tagName) || el.parentNode?.nodeName === 'body');
  for (const el of inBody) {
    if (FORBIDDEN_ELEMENTS.has(el.tagName)) found.push(`<${el.tagName}>`);
    for (const attr of el.attrs) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName}[${name}]`);
      if (['style', 'srcset', 'formaction', 'xlink:href', 'background', 'ping', 'srcdoc'].includes(name)) found.push(`${el.tagName}[${name}]`);
      if (name === 'href' && !/^(https?:|mailto:|#)/i.test(attr.value)) found.push(`href=${attr.value}`);
      if (name === 'src' && !/^data:image\/(png|jpeg|gif);base64,/.test(attr.value)) found.push(`src=${attr.value}`);
    }
  }
  const head = all.filter((el) => el.parentNode?.nodeName === 'head');
  for (const el of head) {
    if (!['meta', 'title', 'style'].includes(el.tagName)) found.push(`head <${el.tagName}>`);
    const equiv = el.attrs.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
    if (equiv === 'refresh') found.push('meta refresh');
  }
  return found;
}

/** Builds the example with the payloads as a chapter; undefined when the build refused them. */
async function buildWith(payloads: string[]): Promise<{ html?: string; stderr: string }> {
  const dir = await copyExample();
  const body = payloads.map((p, i) => `## 载荷${i + 1}\n\n${p}\n`).join('\n');
  // A line of text keeps the chapter from being empty (chapter-empty) when a payload prints nothing, such as a comment.
  await writeFile(path.join(dir, 'chapters', '05-other.md'), `---\nid: other\n---\n\n其他情况。\n\n${body}`);
  const r = await runCli(['build', '--format', 'html'], dir);
  if (r.code !== 0) return { stderr: r.stderr };
  return { html: await readFile(path.join(dir, 'dist', '示例镇人民政府2024年法治政府建设年度报告.html'), 'utf8'), stderr: r.stderr };
}

/** Image payloads make the build refuse the chapter (an image must be a file in the report folder), raw <img> as much as Markdown's. */
const refused = (payload: string) => /^(?:!\[|(?:\{\{\{[^}]*\}\}\})?<img\b[^>]*\ssrc=)/i.test(payload);

describe('the XSS corpus in chapter Markdown', () => {
  it.each(xssPayloads.map((p) => [p]))('%s leaves no script, handler, frame or foreign link in the page', async (payload) => {
    const { html, stderr } = await buildWith([payload]);
    if (refused(payload)) {
      expect(html).toBeUndefined();
      expect(stderr).toMatch(/\[image-(?:remote|missing)\]/);
      return;
    }
    expect(html, stderr).toBeDefined();
    expect(problems(html!)).toEqual([]);
  });

  it('the checker itself finds the payloads when nothing sanitises them', () => {
    // Guards the guard: the tree walk must see what it is meant to see.
    const found = problems('<html><head></head><body><a href="javascript:x">a</a><img src=x onerror=y><svg></svg></body></html>');
    expect(found.sort()).toEqual(['<svg>', 'href=javascript:x', 'img[onerror]', 'src=x']);
  });
});

describeInBrowser('the XSS corpus in Chromium', () => {
  let html: string;
  beforeAll(async () => {
    html = (await buildWith(xssPayloads.filter((p) => !refused(p)))).html!;
  });

  it('opens no dialog and makes no request when every payload is on one page', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const watched = await watchPage(page);
      const file = path.join(await import('node:os').then((os) => os.tmpdir()), `xss-${process.pid}.html`);
      await writeFile(file, html);
      await page.goto(pathToFileURL(file).href);
      // Give handlers (onload, onerror, autofocus, toggle) a chance to fire.
      for (const link of await page.locator('a').all()) await link.hover().catch(() => {});
      await page.waitForTimeout(500);
      expect(watched.dialogs).toEqual([]);
      expect(watched.requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
