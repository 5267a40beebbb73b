import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * The same parser without GFM's literal-autolink pass: after parsing, that pass runs four regular
 * expressions over every text node of the tree (≈ 2 ms of a typical report's ≈ 60, bench/README.md),
 * and a URL or address it could find needs `http:`/`https:`, `www` or `@` in the text. A text node
 * holds the source's characters, or ones an escape (`\`) or a character reference (`&`) stands for;
 * a text without any of these has nothing for the pass to find, and is parsed by this one.
 */
const withoutLiteralLinks = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(function dropLiteralLinkPass(this: Processor) {
    const extensions = this.data('fromMarkdownExtensions');
    if (extensions) this.data('fromMarkdownExtensions', extensions.map(withoutPass));
  });

/** An mdast extension (or list of them, as remark-gfm gives) without the literal-autolink transform. */
function withoutPass<T>(extension: T): T {
  if (Array.isArray(extension)) return extension.map(withoutPass) as T;
  const { transforms } = extension as { transforms?: Array<(tree: Root) => void> };
  if (!transforms) return extension;
  return { ...extension, transforms: transforms.filter((t) => t.name !== 'transformGfmAutolinkLiterals') };
}

/** What a literal autolink needs somewhere in the text, or what could stand for it (see above). */
const MAY_HOLD_LITERAL_LINK = /[@&\\]|https?:|www/i;

/** Chapter Markdown → mdast (CommonMark + GFM tables, strikethrough, autolinks). NUL becomes U+FFFD. */
export function parseMarkdown(text: string): Root {
  const parser = MAY_HOLD_LITERAL_LINK.test(text) ? processor : withoutLiteralLinks;
  return parser.runSync(parser.parse(text.replace(/\u0000/g, '\uFFFD'))) as Root;
}
