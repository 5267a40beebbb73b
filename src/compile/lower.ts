import type { Blockquote, BlockContent, Definition, FootnoteDefinition, FootnoteReference, Heading, Html, Image, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Position } from 'unist';
import { loc, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { Figure } from '../model.js';
import { htmlParser } from './html-parser.js';
import { BLOCK_ELEMENTS, DROPPED_ELEMENTS, GROUPING_ELEMENTS, INLINE_ELEMENTS, LINK_PROTOCOL, MAX_TABLE_COLUMNS } from './html-elements.js';

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Element = DefaultTreeAdapterMap['element'];

export const htmlUnsupported = defineDiagnostic({
  id: 'html-unsupported',
  category: 'markdown',
  severity: 'warning',
  description: loc('章节里的 HTML 标签没有对应的排版，或会被整个去掉。', 'An HTML tag in a chapter has no rendering, or is removed with its content.'),
  why: loc('DOCX、网页、纯文本、PDF 印出同样的内容：哪一种输出印不出的，都要说出来，不能悄悄丢掉。', 'DOCX, HTML, text and PDF print the same content: what one of them cannot print is said, never silently dropped.'),
  fix: loc('改用 Markdown 或支持的标签：<sup> <sub> <u> <br> <b> <i> <s>、带 rowspan/colspan 的 <table>、<p> <ul> <ol> <blockquote> <img> <a>。', 'Use Markdown or a supported tag: <sup> <sub> <u> <br> <b> <i> <s>, <table> with rowspan/colspan, <p> <ul> <ol> <blockquote> <img> <a>.'),
  example: { bad: '<font color="red">重点</font>\n', good: '**重点**\n' },
}, {
  unwrapped: {
    message: (d: { tag: string }) => loc(`HTML 标签 <${d.tag}> 没有对应的排版：其中的文字照常输出，标签的效果不保留。`, `HTML tag <${d.tag}> has no rendering: its text is printed, the tag's effect is not.`),
    hint: 'fix',
  },
  dropped: {
    message: (d: { tag: string }) => loc(`HTML 标签 <${d.tag}> 连同其中的内容不会出现在任何输出里。`, `HTML tag <${d.tag}> and everything in it appear in no output.`),
    hint: loc('报告里不能有脚本、嵌入的网页、表单或 SVG；要放图片请用 ![说明](images/图.png)。', 'A report holds no scripts, embedded pages, forms or SVG; for a picture write ![description](images/picture.png).'),
  },
  cdata: {
    message: loc('<![CDATA[…]]> 不会出现在任何输出里。', '<![CDATA[…]]> appears in no output.'),
    hint: 'fix',
  },
});

export const markdownUnsupported = defineDiagnostic({
  id: 'markdown-unsupported',
  category: 'markdown',
  severity: 'warning',
  description: loc('章节里的分隔线、没有引用的脚注，或不是网址的链接，不会按写法输出。', 'A thematic break, an unreferenced footnote, or a link that is no web address, is not printed as written.'),
  why: loc('公文不用分隔线；DOCX 和纯文本打不开报告文件夹里的文件链接。每种输出都一样处理，并说出来。', 'A 公文 has no horizontal rules; DOCX and text cannot open a link to a file in the report folder. Every output treats them alike, and says so.'),
  fix: loc('用 ## 小标题分节；链接只写 http、https 或 mailto 地址。', 'Use ## headings to divide; link only to http, https or mailto addresses.'),
  example: { bad: '上一段。\n\n---\n\n下一段。\n', good: '上一段。\n\n下一段。\n' },
}, {
  thematicBreak: {
    message: loc('分隔线（---、***）不是公文的写法，任何输出都不印。', 'A thematic break (---, ***) is no part of a 公文; no output prints it.'),
    hint: loc('要分节请用 ## 小标题；不需要时删去这一行。', 'Divide with a ## heading, or delete the line.'),
  },
  footnoteUnused: {
    message: (d: { label: string }) => loc(`脚注“[^${d.label}]”正文里没有引用，任何输出都不印。`, `Footnote "[^${d.label}]" is never referred to in the text; no output prints it.`),
    hint: loc('在正文里写 [^标签] 引用它，或删去这条脚注。', 'Refer to it with [^label] in the text, or delete it.'),
  },
  link: {
    message: (d: { url: string }) => loc(`链接“${d.url}”不是网址：输出只印链接的文字。`, `Link "${d.url}" is no web address: outputs print its text only.`),
    hint: loc('链接只写 http、https 或 mailto 地址；附件请列在 lawreport.yaml 的 attachments 里。', 'Link only to http, https or mailto addresses; list attachments under attachments in lawreport.yaml.'),
  },
});

interface Context {
  file: string;
  diagnostics: Diagnostic[];
  definitions: Map<string, Definition>;
}

/**
 * The parsed chapter → the document vocabulary every renderer draws (model.ts): raw HTML becomes
 * nodes (sup/sub/underline/breaks, tables with merged cells, paragraphs, lists), references are
 * resolved, links no output can follow keep their text, pictures standing in a paragraph become
 * figures. What has no rendering is a diagnostic at its line, never a silent drop; HTML comments
 * are the writer's notes (init writes them) and go quietly. Runs before numbering, so an HTML
 * heading is numbered like a Markdown one.
 */
export function lowerChapter(root: Root, file: string): Diagnostic[] {
  const ctx: Context = { file, diagnostics: [], definitions: new Map() };
  collectDefinitions(root, ctx.definitions);
  root.children = lowerBlocks(root.children, ctx) as RootContent[];
  numberFootnotes(root, ctx);
  liftFigures(root);
  return ctx.diagnostics;
}

/** A footnote's place among its chapter's notes (1, 2, …), kept on its reference and its definition. */
interface NoteData {
  footnote?: number;
}

/**
 * Footnotes numbered 1, 2, … in the order the text first refers to them, as the HTML numbers
 * them: the TXT prints the same numbers whatever the labels say. A note the text never refers to
 * would print nowhere: said, and left out. The numbers run on through the report
 * (numberFootnotesFrom), as Word numbers the DOCX's.
 */
function numberFootnotes(root: Root, ctx: Context): void {
  const numbers = new Map<string, number>();
  const refs = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'footnoteReference') {
      const ref = node as FootnoteReference;
      if (!numbers.has(ref.identifier)) numbers.set(ref.identifier, numbers.size + 1);
      ref.label = String(numbers.get(ref.identifier));
      Object.assign((ref.data ??= {}), { footnote: numbers.get(ref.identifier) } satisfies NoteData);
    }
    for (const child of node.children ?? []) refs(child as { type: string; children?: unknown[] });
  };
  refs(root);
  const defs = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.filter((node) => {
      if (node.type !== 'footnoteDefinition') {
        if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') defs(node as { children: RootContent[] });
        return true;
      }
      const n = numbers.get(node.identifier);
      if (n === undefined) {
        ctx.diagnostics.push(markdownUnsupported.at(at(node, ctx), 'footnoteUnused', { label: node.label ?? node.identifier }));
        return false;
      }
      node.label = String(n);
      Object.assign((node.data ??= {}), { footnote: n } satisfies NoteData);
      return true;
    });
  };
  defs(root);
}

/** How many footnotes a lowered chapter prints. */
export function countFootnotes(root: Root): number {
  let n = 0;
  walkNotes(root, (node) => {
    if (node.type === 'footnoteDefinition') n++;
  });
  return n;
}

/**
 * A chapter's footnotes numbered on from the `start` notes printed before it, as Word numbers a
 * document's footnotes: 「[3]」 in the TXT is 3 in the HTML and in the DOCX. Sets the labels again
 * from each note's place in its chapter, so a body compiled once (the preview's cache) can move.
 */
export function numberFootnotesFrom(root: Root, start: number): void {
  walkNotes(root, (node) => {
    const own = (node.data as NoteData | undefined)?.footnote;
    if (own !== undefined) node.label = String(start + own);
  });
}

function walkNotes(node: { type: string; children?: unknown[] }, visit: (node: FootnoteReference | FootnoteDefinition) => void): void {
  if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') visit(node as FootnoteReference | FootnoteDefinition);
  for (const child of node.children ?? []) walkNotes(child as { type: string; children?: unknown[] }, visit);
}

function collectDefinitions(node: { type: string; children?: unknown[] }, out: Map<string, Definition>) {
  if (node.type === 'definition') {
    const d = node as Definition;
    if (!out.has(d.identifier)) out.set(d.identifier, d);
  }
  for (const child of node.children ?? []) collectDefinitions(child as { type: string; children?: unknown[] }, out);
}

function at(node: { position?: { start: { line: number; column: number } } } | undefined, ctx: Context): Location {
  return { file: ctx.file, line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1 };
}

// ---- Markdown blocks -------------------------------------------------------------------------

function lowerBlocks(nodes: readonly RootContent[], ctx: Context): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'html':
        out.push(...htmlBlocks(node, ctx));
        break;
      case 'definition':
        break; // resolved into its references
      case 'thematicBreak':
        ctx.diagnostics.push(markdownUnsupported.at(at(node, ctx), 'thematicBreak'));
        break;
      case 'paragraph':
      case 'heading': {
        const children = lowerPhrasing(node.children, ctx);
        // A paragraph of nothing but a comment or a dropped tag leaves nothing to print.
        if (node.type === 'paragraph' && children.every((c) => c.type === 'text' && c.value.trim() === '')) break;
        out.push({ ...node, children } as Paragraph | Heading);
        break;
      }
      case 'table':
        out.push(gfmTable(node, ctx));
        break;
      case 'blockquote':
      case 'listItem':
      case 'footnoteDefinition':
        out.push({ ...node, children: lowerBlocks(node.children, ctx) } as RootContent);
        break;
      case 'list':
        out.push({ ...node, children: node.children.map((item) => ({ ...item, children: lowerBlocks(item.children, ctx) }) as ListItem) });
        break;
      default:
        out.push(node);
    }
  }
  return out;
}

/** GFM tables: the first row is the header. */
function gfmTable(table: Table, ctx: Context): Table {
  return {
    ...table,
    data: { ...table.data, headerRows: 1 },
    children: table.children.map((row, r) => ({
      ...row,
      children: row.children.map((cell) => ({ ...cell, data: { ...cell.data, ...(r === 0 ? { header: true } : {}) }, children: lowerPhrasing(cell.children, ctx) })),
    })),
  };
}

// ---- Inline: raw tags among Markdown phrasing ------------------------------------------------

interface Frame {
  tag: string;
  /** Where children go; undefined while dropping (script and the like) the content. */
  into?: PhrasingContent[];
}

/**
 * Phrasing with inline HTML: micromark gives each tag as its own node (`m`, `<sup>`, `2`,
 * `</sup>`), so open and close tags are paired here over the siblings, in one pass.
 */
function lowerPhrasing(nodes: readonly PhrasingContent[], ctx: Context): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const stack: Frame[] = [{ tag: '', into: out }];
  const top = () => stack[stack.length - 1]!;
  const push = (...children: PhrasingContent[]) => top().into?.push(...children);
  for (const node of nodes) {
    if (node.type !== 'html') {
      if (top().into) push(...lowerInline(node, ctx));
      continue;
    }
    const value = node.value.trim();
    if (value.startsWith('<!--') || value.startsWith('<?') || /^<![a-z]/i.test(value)) continue; // the writer's notes
    if (value.startsWith('<![CDATA[')) {
      ctx.diagnostics.push(htmlUnsupported.at(at(node, ctx), 'cdata'));
      continue;
    }
    const close = /^<\/([a-zA-Z][\w:-]*)\s*>$/.exec(value);
    if (close) {
      const tag = close[1]!.toLowerCase();
      const depth = stack.map((f) => f.tag).lastIndexOf(tag);
      if (depth > 0) stack.length = depth; // closes what was left open inside it, too
      continue;
    }
    const element = parseTag(value);
    if (!element) {
      push({ type: 'text', value: node.value, position: node.position });
      continue;
    }
    const tag = element.tagName;
    if (!top().into) {
      if (!isVoid(tag) && !value.endsWith('/>')) stack.push({ tag });
      continue;
    }
    if (DROPPED_ELEMENTS.has(tag)) {
      ctx.diagnostics.push(htmlUnsupported.at(at(node, ctx), 'dropped', { tag }));
      if (!isVoid(tag) && !value.endsWith('/>')) stack.push({ tag });
      continue;
    }
    const made = inlineElement(element, [], node, ctx);
    if (isVoid(tag) || value.endsWith('/>')) {
      if (made.node) push(made.node);
      continue;
    }
    if (made.node && 'children' in made.node) {
      push(made.node);
      stack.push({ tag, into: made.node.children as PhrasingContent[] });
    } else stack.push({ tag, into: top().into });
  }
  return out;
}

/** Markdown phrasing, its children lowered; references resolved; links no output can follow unwrapped. */
function lowerInline(node: PhrasingContent, ctx: Context): PhrasingContent[] {
  switch (node.type) {
    case 'linkReference': {
      const d = ctx.definitions.get(node.identifier);
      const children = lowerPhrasing(node.children, ctx);
      return d ? link({ type: 'link', url: d.url, title: d.title ?? null, children, position: node.position }, ctx) : children;
    }
    case 'imageReference': {
      const d = ctx.definitions.get(node.identifier);
      return d ? [{ type: 'image', url: d.url, alt: node.alt ?? '', title: d.title ?? null, position: node.position }] : [{ type: 'text', value: node.alt ?? '' }];
    }
    case 'link':
      return link({ ...node, children: lowerPhrasing(node.children, ctx) }, ctx);
    default:
      if ('children' in node) return [{ ...node, children: lowerPhrasing(node.children as PhrasingContent[], ctx) } as PhrasingContent];
      return [node];
  }
}

function link(node: Link, ctx: Context): PhrasingContent[] {
  if (LINK_PROTOCOL.test(node.url)) return [node];
  ctx.diagnostics.push(markdownUnsupported.at(at(node, ctx), 'link', { url: node.url }));
  return node.children;
}

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'param']);
const isVoid = (tag: string) => VOID.has(tag);

/** One start tag, parsed as a browser would (attributes, entities), or undefined when it is not one. */
function parseTag(value: string): P5Element | undefined {
  const m = /^<([a-zA-Z][\w:-]*)/.exec(value);
  if (!m) return undefined;
  const tag = m[1]!.toLowerCase();
  // The parser drops table parts and the like outside their context: read the attributes from a span.
  const fragment = htmlParser()(value.replace(/^<[a-zA-Z][\w:-]*/, '<span'));
  const span = fragment.childNodes[0];
  if (!span || !('tagName' in span)) return undefined;
  return { ...span, tagName: tag, nodeName: tag } as P5Element;
}

function attr(el: P5Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/**
 * An inline element → its node (children still to come when `children` is empty and the tag is
 * open), or none (unwrapped: its content goes to the parent).
 */
function inlineElement(el: P5Element, children: PhrasingContent[], where: Positioned, ctx: Context): { node?: PhrasingContent } {
  const tag = el.tagName;
  const kind = INLINE_ELEMENTS[tag];
  if (kind) return { node: { type: kind, children } as PhrasingContent };
  if (tag === 'br') return { node: { type: 'break' } };
  if (tag === 'img') {
    const src = attr(el, 'src') ?? '';
    if (!src.trim()) {
      ctx.diagnostics.push(htmlUnsupported.at(at(where, ctx), 'dropped', { tag }));
      return {};
    }
    return { node: { type: 'image', url: src, alt: attr(el, 'alt') ?? '', title: attr(el, 'title') ?? null, position: where.position } };
  }
  if (tag === 'a') {
    const href = attr(el, 'href');
    if (href === undefined) return {};
    if (!LINK_PROTOCOL.test(href)) {
      ctx.diagnostics.push(markdownUnsupported.at(at(where, ctx), 'link', { url: href }));
      return {};
    }
    return { node: { type: 'link', url: href, title: attr(el, 'title') ?? null, children } };
  }
  if (!GROUPING_ELEMENTS.has(tag)) ctx.diagnostics.push(htmlUnsupported.at(at(where, ctx), 'unwrapped', { tag }));
  return {};
}

type Positioned = { position?: Position };

// ---- Block HTML ------------------------------------------------------------------------------

/** An HTML block (a table, a paragraph with tags, a lone <div>) → document blocks. */
function htmlBlocks(node: Html, ctx: Context): RootContent[] {
  const fragment = htmlParser()(node.value, { sourceCodeLocationInfo: true });
  const base = node.position?.start ?? { line: 1, column: 1 };
  const place = (n: P5Node): Positioned => {
    const l = (n as { sourceCodeLocation?: { startLine: number; startCol: number } | null }).sourceCodeLocation;
    const start = l ? { line: base.line + l.startLine - 1, column: l.startLine === 1 ? base.column + l.startCol - 1 : l.startCol } : base;
    return { position: { start, end: start } };
  };
  return new HtmlReader(ctx, place).blocks(fragment.childNodes as P5Node[]) as RootContent[];
}

class HtmlReader {
  constructor(private ctx: Context, private place: (n: P5Node) => Positioned) {}

  blocks(nodes: readonly P5Node[]): BlockContent[] {
    const out: BlockContent[] = [];
    let inline: PhrasingContent[] = [];
    const flush = () => {
      const children = trimPhrasing(inline);
      if (children.length > 0) out.push({ type: 'paragraph', children });
      inline = [];
    };
    for (const n of nodes) {
      if (!('tagName' in n) || !this.isBlock(n)) {
        inline.push(...this.inline(n));
        continue;
      }
      flush();
      out.push(...this.block(n));
    }
    flush();
    return out;
  }

  private isBlock(el: P5Element): boolean {
    if (BLOCK_ELEMENTS.has(el.tagName)) return true;
    // A grouping element holding blocks (a <div> around paragraphs) is read as blocks.
    return GROUPING_ELEMENTS.has(el.tagName) && (el.childNodes as P5Node[]).some((c) => 'tagName' in c && this.isBlock(c));
  }

  private block(el: P5Element): BlockContent[] {
    const children = el.childNodes as P5Node[];
    const position = this.place(el).position;
    switch (el.tagName) {
      case 'p':
      case 'dt':
      case 'dd':
      case 'caption': {
        const content = trimPhrasing(this.inlines(children));
        return content.length > 0 ? [{ type: 'paragraph', children: content, position }] : [];
      }
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        return [{ type: 'heading', depth: Number(el.tagName[1]) as Heading['depth'], children: trimPhrasing(this.inlines(children)), position }];
      case 'ul':
      case 'ol': {
        const start = Number(attr(el, 'start') ?? 1);
        const items = children.filter((c): c is P5Element => 'tagName' in c && c.tagName === 'li');
        const list: List = {
          type: 'list',
          ordered: el.tagName === 'ol',
          start: el.tagName === 'ol' && Number.isInteger(start) ? start : null,
          spread: false,
          children: items.map((li) => ({ type: 'listItem', spread: false, children: this.blocks(li.childNodes as P5Node[]), position: this.place(li).position })),
          position,
        };
        return [list];
      }
      case 'li':
        return this.blocks(children);
      case 'blockquote':
        return [{ type: 'blockquote', children: this.blocks(children), position } as Blockquote];
      case 'pre':
        return [{ type: 'code', lang: null, meta: null, value: textOf(el).replace(/^\n/, '').replace(/\n$/, ''), position }];
      case 'hr':
        this.ctx.diagnostics.push(markdownUnsupported.at(at(this.place(el), this.ctx), 'thematicBreak'));
        return [];
      case 'table':
        return this.table(el);
      case 'tr':
      case 'td':
      case 'th':
        return this.table({ ...el, tagName: 'table', childNodes: [el] } as P5Element);
      case 'dl':
        return this.blocks(children);
      default:
        if (DROPPED_ELEMENTS.has(el.tagName)) {
          this.ctx.diagnostics.push(htmlUnsupported.at(at(this.place(el), this.ctx), 'dropped', { tag: el.tagName }));
          return [];
        }
        return this.blocks(children); // grouping
    }
  }

  /** Text-level content (whitespace collapsed as a browser does). */
  inline(n: P5Node): PhrasingContent[] {
    if (n.nodeName === '#text') {
      const value = (n as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\r\n]+/g, ' ');
      return value ? [{ type: 'text', value }] : [];
    }
    if (!('tagName' in n)) return []; // comments: the writer's notes
    const el = n;
    if (DROPPED_ELEMENTS.has(el.tagName)) {
      this.ctx.diagnostics.push(htmlUnsupported.at(at(this.place(el), this.ctx), 'dropped', { tag: el.tagName }));
      return [];
    }
    const children = this.inlines(el.childNodes as P5Node[]);
    const made = inlineElement(el, children, this.place(el), this.ctx);
    return made.node ? [made.node] : children;
  }

  private inlines(nodes: readonly P5Node[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (const n of nodes) {
      // A block inside inline content (a <p> in a cell): its text on a line of its own.
      if ('tagName' in n && this.isBlock(n)) {
        const blocks = this.block(n);
        const text = blocks.flatMap((b) => blockPhrasing(b));
        if (text.length === 0) continue;
        if (out.length > 0) out.push({ type: 'break' });
        out.push(...text);
        continue;
      }
      out.push(...this.inline(n));
    }
    return out;
  }

  /**
   * An HTML table → a table node whose cells carry their merges. The grid is laid out as HTML
   * does (a cell takes the first column not held by a rowspan from above); spans are held to
   * the table (a rowspan past the last row ends there) and to Word's 63 columns.
   */
  private table(el: P5Element): BlockContent[] {
    const rows: { el: P5Element; head: boolean }[] = [];
    const caption: BlockContent[] = [];
    const walk = (node: P5Element, head: boolean) => {
      for (const c of node.childNodes as P5Node[]) {
        if (!('tagName' in c)) continue;
        if (c.tagName === 'tr') rows.push({ el: c, head });
        else if (c.tagName === 'caption') caption.push(...this.block(c));
        else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) walk(c, c.tagName === 'thead');
        else if (DROPPED_ELEMENTS.has(c.tagName)) this.ctx.diagnostics.push(htmlUnsupported.at(at(this.place(c), this.ctx), 'dropped', { tag: c.tagName }));
      }
    };
    walk(el, false);
    const span = (cell: P5Element, name: string, max: number) => {
      const n = Number.parseInt(attr(cell, name) ?? '1', 10);
      return Number.isFinite(n) && n > 1 ? Math.min(n, max) : 1;
    };
    const tableRows: TableRow[] = rows.map((row, r) => {
      const cells = (row.el.childNodes as P5Node[]).filter((c): c is P5Element => 'tagName' in c && (c.tagName === 'td' || c.tagName === 'th'));
      return {
        type: 'tableRow',
        position: this.place(row.el).position,
        children: cells.map((cell): TableCell => {
          const colSpan = span(cell, 'colspan', MAX_TABLE_COLUMNS);
          const rowSpan = span(cell, 'rowspan', rows.length - r);
          const align = attr(cell, 'align');
          return {
            type: 'tableCell',
            position: this.place(cell).position,
            data: { ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}), ...(cell.tagName === 'th' || row.head ? { header: true } : {}), ...(align ? { align } : {}) } as TableCell['data'],
            children: trimPhrasing(this.inlines(cell.childNodes as P5Node[])),
          };
        }),
      };
    });
    if (tableRows.length === 0) return caption;
    let headerRows = rows.filter((r) => r.head).length;
    if (headerRows === 0) {
      while (headerRows < tableRows.length && tableRows[headerRows]!.children.length > 0 && tableRows[headerRows]!.children.every((c) => c.data?.header)) headerRows++;
    }
    return [...caption, { type: 'table', align: null, data: { headerRows }, children: tableRows, position: this.place(el).position }];
  }
}

function textOf(n: P5Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? (n.childNodes as P5Node[]).map(textOf).join('') : '';
}

/** A block's inline content, for a block written inside a table cell. */
function blockPhrasing(b: BlockContent | RootContent): PhrasingContent[] {
  if (b.type === 'paragraph' || b.type === 'heading') return b.children;
  if (b.type === 'code') return [{ type: 'text', value: b.value }];
  if (b.type === 'list') {
    return b.children.flatMap((item, i) => [
      ...(i > 0 ? [{ type: 'break' } as const] : []),
      { type: 'text' as const, value: b.ordered ? `${(b.start ?? 1) + i}.` : '·' },
      ...item.children.flatMap((c) => blockPhrasing(c)),
    ]);
  }
  if ('children' in b) return (b.children as RootContent[]).flatMap((c) => blockPhrasing(c));
  return [];
}

/** Drops the spaces HTML source puts at the edges of a paragraph or cell. */
function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0]?.type === 'break') out.shift();
  while (out.at(-1)?.type === 'break') out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.replace(/^\s+/, '') };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

// ---- Figures ---------------------------------------------------------------------------------

/**
 * A picture written in a paragraph stands as a figure of its own (its own paragraph style in the
 * DOCX, a caption in every format); the text around it stays paragraphs before and after. Pictures
 * inside a link, a heading or a table cell stay inline at their size.
 */
function liftFigures(root: Root): void {
  let index = 0;
  const visit = (parent: { children: RootContent[] }) => {
    const out: RootContent[] = [];
    for (const node of parent.children) {
      if (node.type === 'paragraph' && node.children.some((c) => c.type === 'image')) {
        let run: PhrasingContent[] = [];
        const flush = () => {
          const children = trimPhrasing(run);
          if (children.some((c) => c.type !== 'text' || c.value.trim() !== '')) out.push({ ...node, children });
          run = [];
        };
        for (const child of node.children) {
          if (child.type !== 'image') {
            run.push(child);
            continue;
          }
          flush();
          out.push({ type: 'figure', index: ++index, children: [child], position: child.position } satisfies Figure);
        }
        flush();
        continue;
      }
      if ('children' in node && node.type !== 'table' && node.type !== 'heading' && node.type !== 'paragraph') visit(node as { children: RootContent[] });
      out.push(node);
    }
    parent.children = out;
  };
  visit(root);
}
