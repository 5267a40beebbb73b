import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Table } from 'mdast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast, type Handlers, type State } from 'mdast-util-to-hast';
import { assetKey, type Asset, type DocChapter, type Figure } from '../../model.js';
import { figureCaption, fittedSize, headerRows, PICTURE_BOX, tableGrid } from '../common.js';
import { holdHeadingEnd } from './heading-end.js';
import { reportSchema } from './schema.js';

/**
 * One chapter body → sanitised HTML. The body holds no raw HTML any more (compile/lower.ts made
 * nodes of it); what it holds is cut down once more to what a report needs (hast-util-sanitize):
 * nothing a chapter writes can run script or fetch anything. Afterwards, our own touches: headings
 * one level down (h1 is the title, h2 the chapters), images embedded from the report folder at
 * the size the DOCX draws them, list markers as text, and every id namespaced by the chapter so
 * two chapters (or a chapter and the page) cannot clash.
 */
export function chapterHtml(chapter: Pick<DocChapter, 'anchor' | 'body' | 'figureStart' | 'footnoteStart'>, assets: ReadonlyMap<string, Asset>): string {
  const prefix = `${chapter.anchor}-`;
  const tree = toHast(chapter.body, {
    handlers: handlers(chapter),
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteLabelTagName: 'p',
    footnoteLabelProperties: { className: ['footnotes-label'] },
    footnoteBackLabel: '返回正文',
  }) as HastRoot;
  const clean = sanitize(tree, reportSchema) as HastRoot;
  visitElements(clean, (el, parent) => {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (m) {
      el.tagName = `h${Math.min(6, Number(m[1]) + 1)}`;
      holdHeadingEnd(el);
    }
    if (el.tagName === 'img' && !embedImage(el, assets)) parent.children.splice(parent.children.indexOf(el), 1);
    if (el.tagName === 'a') keepLink(el, prefix);
    numberFootnote(el, chapter.footnoteStart);
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
  const asset = assets.get(assetKey(src));
  if (!asset) return false;
  el.properties.src = `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`;
  // The DOCX's size in CSS px (1/96 in), so the printed page matches; CSS shrinks it on a phone.
  if (asset.width && asset.height) {
    const size = fittedSize(asset, PICTURE_BOX);
    el.properties.width = size.width;
    el.properties.height = size.height;
  }
  return true;
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

/** The document vocabulary beyond mdast (model.ts) as HTML elements. */
function handlers(chapter: Pick<DocChapter, 'figureStart'>): Handlers {
  const wrap = (tagName: string) => (state: State, node: { children: unknown[] }) => element(tagName, {}, state.all(node as never) as ElementContent[]);
  return {
    superscript: wrap('sup'),
    subscript: wrap('sub'),
    underline: wrap('u'),
    figure: (state: State, node: Figure) =>
      element('figure', {}, [...(state.all(node as never) as ElementContent[]), element('figcaption', {}, [{ type: 'text', value: figureCaption(chapter, node) }])]),
    table: (state: State, node: Table) => tableElement(state, node),
  } as Handlers;
}

/** A table with its merged cells (colspan, rowspan) and header rows (thead, th). */
function tableElement(state: State, table: Table): Element {
  const grid = tableGrid(table);
  const heads = headerRows(table);
  const rows = grid.rows.map((row, r) => {
    const cells: ElementContent[] = [];
    row.forEach((slot, c) => {
      if (!slot || slot.row !== r || slot.col !== c) return;
      const own = (slot.cell.data as { align?: string } | undefined)?.align;
      const align = own ?? table.align?.[c] ?? undefined;
      cells.push(
        element(
          slot.cell.data?.header || r < heads ? 'th' : 'td',
          { ...(slot.colSpan > 1 ? { colSpan: slot.colSpan } : {}), ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}), ...(align ? { align } : {}) },
          state.all(slot.cell as never) as ElementContent[],
        ),
      );
    });
    return element('tr', {}, cells);
  });
  const parts: ElementContent[] = [];
  if (heads > 0) parts.push(element('thead', {}, rows.slice(0, heads)));
  if (rows.length > heads) parts.push(element('tbody', {}, rows.slice(heads)));
  return element('table', {}, parts);
}

/** Links go to the web (http, https), to a mail address, or within the chapter (#…, namespaced like the ids). */
function keepLink(el: Element, prefix: string) {
  const href = el.properties.href;
  if (typeof href !== 'string') return;
  if (href.startsWith('#')) el.properties.href = `#${prefix}${href.slice(1)}`;
  else if (!/^(https?|mailto):/i.test(href)) delete el.properties.href;
}

/**
 * Footnotes numbered through the report, as Word numbers the DOCX's and the TXT prints them:
 * mdast-util-to-hast counts each chapter's from 1, so the chapter's start is added to the
 * reference's number and to the notes' list (whose markers numberList then writes).
 */
function numberFootnote(el: Element, start: number) {
  if (start === 0) return;
  if (el.properties.dataFootnoteRef !== undefined) {
    const text = el.children[0];
    if (text?.type === 'text' && /^\d+$/.test(text.value)) text.value = String(start + Number(text.value));
  }
  if (el.tagName === 'section' && el.properties.dataFootnotes !== undefined) {
    for (const child of el.children) if (child.type === 'element' && child.tagName === 'ol') child.properties.start = start + 1;
  }
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
