import type { Nodes, Parents } from 'mdast';
import type { Location } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../source/line-index.js';
import { guardMarkdown } from '../markdown/guard.js';
import type { ChapterSource } from '../model.js';
import { sourceTree } from './source-tree.js';

/** Stands for a character the wording rules must neither read nor change (markup, code, links, {{…}}, 《…》). */
export const HIDDEN = '\uE000';

/** A `{{…}}` in the chapter source, at file offsets. */
export interface Mustache {
  start: number;
  end: number;
  source: string;
}

/**
 * One block of prose (a paragraph, heading or table cell) as it is written in the chapter file.
 * `text` has the block's exact length: every character that is not plain prose is HIDDEN, so an
 * index into it plus `start` is a file offset, and a fix computed on it never touches code,
 * links, images, HTML, Handlebars expressions or quoted titles 《…》.
 */
export interface ProseBlock {
  chapter: ChapterSource;
  /** File offset of text[0]. */
  start: number;
  text: string;
  mustaches: Mustache[];
}

const cache = new WeakMap<ChapterSource, ProseBlock[]>();
const lineCache = new WeakMap<ChapterSource, LineIndex>();

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const OPAQUE = new Set(['link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'code', 'html', 'footnoteReference']);

export const MUSTACHE = /\{\{[\s\S]*?\}\}\}?/g;
export const TITLE = /《[^《》\n]*》/g;

/** The prose blocks of a chapter, parsed once per chapter. */
export function proseBlocks(chapter: ChapterSource): ProseBlock[] {
  const cached = cache.get(chapter);
  if (cached) return cached;
  // The body has the front matter cut down to its newlines: after it, offsets shift by a constant.
  const delta = chapter.text.length - chapter.body.length;
  const blocks: ProseBlock[] = [];
  // Chapters the compiler refuses or defuses (nesting hundreds deep, delimiter floods) are
  // reported by it; their prose is not read here, where parsing them could overflow the stack.
  if (guardMarkdown(chapter.body, chapter.file).diagnostics.length > 0) {
    cache.set(chapter, blocks);
    return blocks;
  }
  const visit = (node: Nodes) => {
    if (BLOCKS.has(node.type) && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      blocks.push(block(chapter, node as Parents, node.position.start.offset, node.position.end.offset, delta));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(sourceTree(chapter, chapter.body));
  cache.set(chapter, blocks);
  return blocks;
}

function block(chapter: ChapterSource, node: Parents, from: number, to: number, delta: number): ProseBlock {
  const source = chapter.body.slice(from, to);
  const visible = new Uint8Array(source.length);
  const mark = (n: Nodes) => {
    if (OPAQUE.has(n.type)) return;
    if (n.type === 'text' && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
      visible.fill(1, n.position.start.offset - from, n.position.end.offset - from);
    }
    if ('children' in n) for (const child of n.children) mark(child as Nodes);
  };
  mark(node as Nodes);
  const chars = source.split(''); // UTF-16 units, like offsets
  for (let i = 0; i < chars.length; i++) if (!visible[i] && chars[i] !== '\n') chars[i] = HIDDEN;
  let text = chars.join('');
  const mustaches: Mustache[] = [];
  text = text.replace(MUSTACHE, (m, at: number) => {
    mustaches.push({ start: from + delta + at, end: from + delta + at + m.length, source: source.slice(at, at + m.length) });
    return HIDDEN.repeat(m.length);
  });
  text = text.replace(TITLE, (m) => HIDDEN.repeat(m.length));
  return { chapter, start: from + delta, text, mustaches };
}

function lines(chapter: ChapterSource): LineIndex {
  let index = lineCache.get(chapter);
  if (!index) lineCache.set(chapter, (index = new LineIndex(chapter.text)));
  return index;
}

/** A location in a chapter file from file offsets. */
export function locate(chapter: ChapterSource, start: number, end = start): Location {
  const a = lines(chapter).position(start);
  const b = lines(chapter).position(end);
  return { file: chapter.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Every match of `pattern` (global) in the prose of a report, with its file offset. */
export function* proseMatches(chapters: readonly ChapterSource[], pattern: RegExp): Generator<{ block: ProseBlock; match: RegExpExecArray; offset: number }> {
  for (const chapter of chapters) {
    for (const b of proseBlocks(chapter)) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(b.text); m; m = pattern.exec(b.text)) {
        yield { block: b, match: m, offset: b.start + m.index };
        if (m[0].length === 0) pattern.lastIndex++;
      }
    }
  }
}

/** Chinese characters and full-width punctuation: what makes a neighbour "Chinese text". */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]/;
