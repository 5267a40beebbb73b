import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { Asset, DocChapter } from '../../model.js';
import { holdHeadingEnd } from './heading-end.js';
import { reportSchema } from './schema.js';

/**
 * One chapter body → sanitised HTML. Raw HTML in the Markdown is parsed (hast-util-raw) and
 * then cut down to what a report needs (hast-util-sanitize): nothing a chapter writes can run
 * script or fetch anything. Afterwards, our own touches: headings one level down (h1 is the
 * title, h2 the chapters), images embedded from the report folder, list markers as text, and
 * every id namespaced by the chapter so two chapters (or a chapter and the page) cannot clash.
 */
export function chapterHtml(chapter: Pick<DocChapter, 'id' | 'body'>, assets: ReadonlyMap<string, Asset>): string {
  const prefix = `${chapter.id || 'chapter'}-`;
  const tree = toHast(chapter.body, {
    allowDangerousHtml: true,
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteLabelTagName: 'p',
    footnoteLabelProperties: { className: ['footnotes-label'] },
    footnoteBackLabel: '返回正文',
  }) as HastRoot;
  const clean = sanitize(raw(tree), reportSchema) as HastRoot;
  visitElements(clean, (el, parent) => {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (m) {
      el.tagName = `h${Math.min(6, Number(m[1]) + 1)}`;
      holdHeadingEnd(el);
    }
    if (el.tagName === 'img' && !embedImage(el, assets)) parent.children.splice(parent.children.indexOf(el), 1);
    if (el.tagName === 'a') keepLink(el, prefix);
    const props: Record<string, unknown> = el.properties;
    for (const key of ['id', 'ariaDescribedBy']) {
      const value = props[key];
      if (typeof value === 'string') props[key] = prefix + value;
      else if (Array.isArray(value)) props[key] = value.map((v) => prefix + String(v));
    }
    if (el.tagName === 'ol' || el.tagName === 'ul') numberList(el);
  });
  return toHtml(clean);
}

/**
 * The only images are the ones lawreport embedded itself: a report-relative path that the
 * compiler read from the report folder becomes a data: URI. Anything else (a data: URI or a
 * web address typed into the chapter, a path nobody read) is dropped.
 */
function embedImage(el: Element, assets: ReadonlyMap<string, Asset>): boolean {
  const src = el.properties.src;
  if (typeof src !== 'string') return false;
  let asset: Asset | undefined;
  try {
    asset = assets.get(decodeURI(src));
  } catch {
    return false; // malformed %-escape
  }
  if (!asset) return false;
  el.properties.src = `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`;
  return true;
}

/** Links go to the web (http, https), to a mail address, or within the chapter (#…, namespaced like the ids). */
function keepLink(el: Element, prefix: string) {
  const href = el.properties.href;
  if (typeof href !== 'string') return;
  if (href.startsWith('#')) el.properties.href = `#${prefix}${href.slice(1)}`;
  else if (!/^(https?|mailto):/i.test(href)) delete el.properties.href;
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

/** Visits elements depth-first; the callback may remove the element it is given from its parent. */
function visitElements(node: HastRoot | Element, fn: (el: Element, parent: HastRoot | Element) => void) {
  for (const child of [...node.children] as ElementContent[]) {
    if (child.type !== 'element') continue;
    fn(child, node);
    visitElements(child, fn);
  }
}
