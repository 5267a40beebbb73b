import type { RootContent } from 'mdast';
import { guardMarkdown } from '../markdown/guard.js';
import { plainText } from '../markdown/numbering.js';
import type { ChapterSource } from '../model.js';
import { sourceTree } from './source-tree.js';

export interface OutlineHeading {
  depth: number;
  text: string;
  line: number;
  column: number;
  /** Offsets of the heading's section in the chapter body: from the heading to the next heading of its depth or above. */
  start: number;
  end: number;
}

export interface ChapterOutline {
  headings: OutlineHeading[];
  /** Whether anything but headings and comments is written. */
  hasContent: boolean;
  /** Where the body starts (after front matter), for diagnostics about the chapter as a whole. */
  first: { line: number; column: number };
}

const cache = new WeakMap<ChapterSource, ChapterOutline>();

/**
 * The headings of a chapter's source, as the outline rules see them. Parsed from the unfilled
 * template: a heading's words are the writer's, and `{{…}}` inside it does not matter here.
 * A leading "# 标题" is the chapter's own title, not a section.
 */
export function chapterOutline(chapter: ChapterSource): ChapterOutline {
  let outline = cache.get(chapter);
  if (outline) return outline;
  // The same guard as compiling: a hostile chapter must not hang the rules either.
  const guarded = guardMarkdown(chapter.body, chapter.file);
  if (guarded.text === undefined) {
    // Refused, and compiling says why: nothing to judge here, and nothing to call empty.
    outline = { headings: [], hasContent: true, first: { line: 1, column: 1 } };
    cache.set(chapter, outline);
    return outline;
  }
  const root = sourceTree(chapter, guarded.text);
  const nodes = root.children.filter((n) => !isComment(n));
  const leadingTitle = nodes[0]?.type === 'heading' && nodes[0].depth === 1 ? nodes[0] : undefined;
  const headings: OutlineHeading[] = [];
  for (const node of nodes) {
    if (node.type !== 'heading' || node === leadingTitle) continue;
    headings.push({
      depth: Math.max(2, node.depth), // a stray # in a body is numbered as ## (heading-level says so)
      text: plainText(node).trim(),
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      start: node.position?.start.offset ?? 0,
      end: chapter.body.length,
    });
  }
  headings.forEach((h, i) => {
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    if (next) h.end = next.start;
  });
  const firstNode = nodes[0];
  outline = {
    headings,
    hasContent: nodes.some((n) => n.type !== 'heading' && (hasImage(n) || withoutTemplateComments(plainText(n)).trim() !== '')),
    first: { line: firstNode?.position?.start.line ?? 1, column: firstNode?.position?.start.column ?? 1 },
  };
  cache.set(chapter, outline);
  return outline;
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** {{! note }} and {{!-- note --}} print nothing. */
function withoutTemplateComments(text: string): string {
  return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '');
}

function hasImage(node: object): boolean {
  const n = node as { type?: string; children?: object[] };
  return n.type === 'image' || (n.children ?? []).some(hasImage);
}
