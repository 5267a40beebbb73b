import type { Nodes, Parents } from 'mdast';
import type { Location } from '../diagnostics/diagnostic.js';
import type { ChapterSource } from '../model.js';
import { MUSTACHE, type Mustache } from '../source/mustache.js';

export type { Mustache } from '../source/mustache.js';

/** Stands for a character the wording rules must neither read nor change (markup, code, links, {{…}}, 《…》). */
export const HIDDEN = '\uE000';

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

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const OPAQUE = new Set(['link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'code', 'html', 'footnoteReference']);

export const TITLE = /《[^《》\n]*》/g;
/** Every UTF-16 unit but a line feed: what hiding a run replaces (a lone surrogate included). */
const NOT_NEWLINE = /[^\n]/g;

/** The prose blocks of a chapter, from its parsed source (SourceViews keeps them per run). */
export function proseBlocks(chapter: ChapterSource): ProseBlock[] {
  // The body has the front matter cut down to its newlines: after it, offsets shift by a constant.
  const delta = chapter.text.length - chapter.body.length;
  const blocks: ProseBlock[] = [];
  // Chapters the compiler refuses or defuses (nesting hundreds deep, delimiter floods) are
  // reported by it; their prose is not read here.
  if (!chapter.tree || chapter.defused) return blocks;
  const visit = (node: Nodes) => {
    if (BLOCKS.has(node.type) && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      blocks.push(block(chapter, node as Parents, node.position.start.offset, node.position.end.offset, delta));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(chapter.tree);
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
  // Run by run, not a character at a time: a block is a few hundred UTF-16 units (like offsets) in a handful of runs.
  let text = '';
  for (let i = 0; i < source.length; ) {
    let end = i + 1;
    while (end < source.length && visible[end] === visible[i]) end++;
    const run = source.slice(i, end);
    text += visible[i] ? run : run.replace(NOT_NEWLINE, HIDDEN);
    i = end;
  }
  const mustaches: Mustache[] = [];
  text = text.replace(MUSTACHE, (m, at: number) => {
    mustaches.push({ start: from + delta + at, end: from + delta + at + m.length, source: source.slice(at, at + m.length) });
    return HIDDEN.repeat(m.length);
  });
  text = text.replace(TITLE, (m) => HIDDEN.repeat(m.length));
  return { chapter, start: from + delta, text, mustaches };
}

/** A location in a chapter file from file offsets. */
export function locate(chapter: ChapterSource, start: number, end = start): Location {
  const a = chapter.lines.position(start);
  const b = chapter.lines.position(end);
  return { file: chapter.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Chinese characters and full-width punctuation: what makes a neighbour "Chinese text". */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]/;
