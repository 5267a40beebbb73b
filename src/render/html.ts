import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { sanitize, defaultSchema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { DocChapter, Fonts, ReportDocument } from '../model.js';
import { attachmentsText } from './text.js';

/** Font stacks: the 公文 fonts first, then what Windows, macOS and Debian (fonts-noto-cjk) have. */
export function fontStacks(fonts: Fonts) {
  const q = (name: string) => JSON.stringify(name);
  return {
    title: [q(fonts.title), '"方正小标宋简体"', '"FZXiaoBiaoSong-B05S"', '"STZhongsong"', '"Noto Serif CJK SC"', '"Noto Serif SC"', 'serif'],
    body: [q(fonts.body), '"仿宋_GB2312"', '"FangSong_GB2312"', '"仿宋"', '"FangSong"', '"STFangsong"', '"Noto Serif CJK SC"', '"Noto Serif SC"', 'serif'],
    heading1: [q(fonts.heading1), '"黑体"', '"SimHei"', '"STHeiti"', '"Noto Sans CJK SC"', '"Noto Sans SC"', 'sans-serif'],
    heading2: [q(fonts.heading2), '"楷体_GB2312"', '"KaiTi_GB2312"', '"楷体"', '"KaiTi"', '"STKaiti"', '"Noto Serif CJK SC"', 'serif'],
    pageNumber: [q(fonts.pageNumber), '"宋体"', '"SimSun"', '"Noto Serif CJK SC"', 'serif'],
  } as const;
}

function stylesheet(fonts: Fonts): string {
  const f = fontStacks(fonts);
  const unique = (list: readonly string[]) => [...new Set(list)].join(', ');
  return `
:root { color-scheme: light; }
html { background: #f4f4f2; }
body { margin: 0; color: #111; font-family: ${unique(f.body)}; font-size: 16pt; line-height: 1.8; }
main { box-sizing: border-box; max-width: 210mm; margin: 2rem auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
h1.title { font-family: ${unique(f.title)}; font-size: 22pt; font-weight: 700; text-align: center; line-height: 1.5; margin: 0 0 1.2em; }
h1.title span { display: block; }
h2, h3, h4, h5, h6 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h2 { font-family: ${unique(f.heading1)}; }
h3 { font-family: ${unique(f.heading2)}; }
p { margin: 0; text-indent: 2em; text-align: justify; }
ol, ul { margin: 0; padding: 0; list-style: none; }
li { text-indent: 2em; }
li > p { display: inline; text-indent: 0; }
.marker { margin-right: 0; }
blockquote { margin: 0 2em; }
table { border-collapse: collapse; margin: .5em auto; font-size: 14pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: .2em .5em; text-indent: 0; }
th { font-weight: normal; font-family: ${unique(f.heading1)}; }
img { max-width: 100%; height: auto; display: block; margin: .5em auto; }
.attachments { margin-top: 1em; }
.signature { margin-top: 2em; text-align: right; padding-right: 4em; }
.signature p { text-indent: 0; text-align: right; }
nav.toc { font-size: 12pt; margin: 0 0 1.5em; padding: .5em 1em; border: 1px solid #ddd; }
nav.toc ol { list-style: none; }
nav.toc li { text-indent: 0; }
@media (max-width: 700px) {
  body { font-size: 13pt; }
  main { margin: 0; padding: 1.2rem 1rem; box-shadow: none; }
  h1.title { font-size: 18pt; }
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-right { content: "— " counter(page) " —"; font-family: ${unique(f.pageNumber)}; font-size: 14pt; }
}
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: ${unique(f.pageNumber)}; font-size: 14pt; } @bottom-right { content: none; } }
@media print {
  html, main { background: none; }
  main { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  body { line-height: 28.95pt; }
  nav.toc { display: none; }
}
`.trim();
}

const schema = {
  ...defaultSchema,
  // Images are embedded as data: URIs made by lawreport itself.
  protocols: { ...defaultSchema.protocols, src: ['http', 'https', 'data'] },
  clobberPrefix: '',
};

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One chapter body → sanitised HTML. Headings move one level down (h1 title, h2 chapters). */
export function chapterHtml(chapter: DocChapter, doc: ReportDocument): string {
  const tree = toHast(chapter.body) as HastRoot;
  const clean = sanitize(tree, schema) as HastRoot;
  visitElements(clean, (el) => {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (m) el.tagName = `h${Math.min(6, Number(m[1]) + 1)}`;
    if (el.tagName === 'img' && typeof el.properties.src === 'string') {
      const asset = doc.assets.get(decodeURI(el.properties.src));
      if (asset) el.properties.src = `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`;
      else delete el.properties.src;
    }
    if (el.tagName === 'ol' || el.tagName === 'ul') numberList(el);
  });
  return toHtml(clean);
}

/** List markers are text, like the DOCX and TXT (「1.」), not CSS counters a CMS might drop. */
function numberList(list: Element) {
  const start = typeof list.properties.start === 'number' ? list.properties.start : 1;
  let i = 0;
  for (const child of list.children) {
    if (child.type !== 'element' || child.tagName !== 'li') continue;
    const marker = list.tagName === 'ol' ? `${start + i}.` : '·';
    child.children.unshift({ type: 'element', tagName: 'span', properties: { className: ['marker'] }, children: [{ type: 'text', value: marker }] });
    i++;
  }
}

function visitElements(node: HastRoot | ElementContent, fn: (el: Element) => void) {
  if (node.type === 'element') fn(node);
  if ('children' in node) for (const child of node.children) visitElements(child as ElementContent, fn);
}

/** A self-contained page: CSS inline, images embedded, no scripts, no external requests. */
export function renderHtml(doc: ReportDocument): Uint8Array {
  const toc = doc.chapters.length >= 4
    ? `<nav class="toc" aria-label="目录"><ol>${doc.chapters.map((c, i) => `<li><a href="#ch-${i + 1}">${esc(c.number + c.title)}</a></li>`).join('')}</ol></nav>`
    : '';
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="lawreport">`,
    `<title>${esc(doc.title)}</title>`,
    `<style>\n${stylesheet(doc.fonts)}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1 class="title">${doc.titleLines.map((l) => `<span>${esc(l)}</span>`).join('')}</h1>`,
    toc,
    doc.preface ? `<section class="preface">${chapterHtml(doc.preface, doc)}</section>` : '',
    ...doc.chapters.map(
      (c, i) => `<section class="chapter" id="ch-${i + 1}" data-chapter="${esc(c.id)}">\n<h2>${esc(c.number + c.title)}</h2>\n${chapterHtml(c, doc)}\n</section>`,
    ),
    doc.attachments.length ? `<div class="attachments">${attachmentsText(doc.attachments).split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</div>` : '',
    `<div class="signature">${doc.signature.map((s) => `<p>${esc(s)}</p>`).join('')}<p class="date">${esc(doc.date)}</p></div>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ];
  return new TextEncoder().encode(parts.filter((p) => p !== '').join('\n'));
}
