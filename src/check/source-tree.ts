import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse.js';
import type { ChapterSource } from '../model.js';

const trees = new WeakMap<ChapterSource, { text: string; root: Root }>();

/**
 * The mdast of a chapter's unfilled source (`text`: its body, as the Markdown guard let it
 * through), parsed once for all the rules that read it: the outline rules and the wording rules
 * each parsed it again, a fifth of a batch's time. The rules only read the tree; compiling parses
 * the filled text on its own and changes that tree freely.
 */
export function sourceTree(chapter: ChapterSource, text: string): Root {
  const kept = trees.get(chapter);
  if (kept?.text === text) return kept.root;
  const root = parseMarkdown(text);
  trees.set(chapter, { text, root });
  return root;
}
