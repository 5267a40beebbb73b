import type { Root } from 'mdast';
import type { parseFragment } from 'parse5';

/*
 * parse5 reads the raw HTML of a chapter (src/compile/lower.ts); most reports have none. Loading
 * it builds the HTML entity tables of the `entities` package it depends on (a few ms at every
 * start of a check or build), so it is imported only for a chapter whose tree has an HTML node,
 * before that chapter is lowered.
 */

let parser: typeof parseFragment | undefined;

/** Loads parse5 when `root` holds raw HTML and it is not loaded yet. */
export async function loadHtmlParserFor(root: Root): Promise<void> {
  if (!parser && hasHtml(root)) parser = (await import('parse5')).parseFragment;
}

/** parse5's parseFragment; loadHtmlParserFor must have been given the tree this HTML comes from. */
export function htmlParser(): typeof parseFragment {
  if (!parser) throw new Error('parse5 is not loaded: loadHtmlParserFor(tree) comes before lowering it');
  return parser;
}

function hasHtml(node: { type: string; children?: unknown[] }): boolean {
  return node.type === 'html' || (node.children?.some((child) => hasHtml(child as typeof node)) ?? false);
}
