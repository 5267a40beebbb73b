import type { Heading, Root, RootContent } from 'mdast';
import { stripHeadingNumber } from '../profile/match.js';
import { plainText } from './plain-text.js';

/**
 * A chapter may open with "# 标题" (after comments) to give its own title: the one definition,
 * used by the loader (the chapter's title), the outline rules (not a section) and numbering
 * (removed from the body).
 */
export function leadingTitleNode(root: Root): Heading | undefined {
  const first = root.children.find((n) => !isComment(n));
  return first?.type === 'heading' && first.depth === 1 ? first : undefined;
}

/** The title it gives: its words without markup or a typed number ("# 一、**主要**举措" → "主要举措"). */
export function leadingTitle(root: Root): string | undefined {
  const node = leadingTitleNode(root);
  return node ? stripHeadingNumber(plainText(node)).text.trim() : undefined;
}

/** An HTML comment block: prints nothing, so it does not count as the chapter's first node. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}
