import type { RootContent } from 'mdast';
import { isComment, leadingTitleNode } from '../markdown/leading-title.js';
import { plainText } from '../markdown/plain-text.js';
import type { ChapterSource } from '../model.js';
import { withoutTemplateComments } from '../source/mustache.js';

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

/**
 * The headings of a chapter's source, as the outline rules see them (SourceViews keeps it per
 * run). Read from the unfilled template: a heading's words are the writer's, and `{{…}}` inside
 * it does not matter here. A leading "# 标题" is the chapter's own title, not a section.
 */
export function chapterOutline(chapter: ChapterSource): ChapterOutline {
  // Refused by the Markdown guard, and compiling says why: nothing to judge here, and nothing to call empty.
  if (!chapter.tree) return { headings: [], hasContent: true, first: { line: 1, column: 1 } };
  const root = chapter.tree;
  const nodes = root.children.filter((n) => !isComment(n));
  const title = leadingTitleNode(root);
  const headings: OutlineHeading[] = [];
  for (const node of nodes) {
    if (node.type !== 'heading' || node === title) continue;
    headings.push({
      depth: Math.max(2, node.depth), // a stray # in a body is numbered as ## (heading-level says so)
      text: plainText(node).trim(),
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      start: node.position?.start.offset ?? 0,
      end: chapter.body.length,
    });
  }
  // Each section ends where the next heading of its depth or above starts: one pass with a stack of open sections.
  const open: OutlineHeading[] = [];
  for (const h of headings) {
    while (open.length > 0 && open[open.length - 1]!.depth >= h.depth) open.pop()!.end = h.start;
    open.push(h);
  }
  const firstNode = nodes[0];
  return {
    headings,
    hasContent: nodes.some((n) => n.type !== 'heading' && (hasImage(n) || withoutTemplateComments(plainText(n)).trim() !== '')),
    first: { line: firstNode?.position?.start.line ?? 1, column: firstNode?.position?.start.column ?? 1 },
  };
}

function hasImage(node: RootContent | object): boolean {
  const n = node as { type?: string; children?: object[] };
  // `![图][ref]` with its `[ref]: a.png` defined is a picture too (an undefined reference stays text).
  return n.type === 'image' || n.type === 'imageReference' || (n.children ?? []).some(hasImage);
}
